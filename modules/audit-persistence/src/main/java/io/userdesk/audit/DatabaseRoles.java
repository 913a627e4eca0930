package io.userdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Splits the database roles: the schema owner runs migrations; the application role may only INSERT and SELECT on
 * the audit tables (and do ordinary work on the others).
 *
 * <p>Why: triggers stop UPDATE, DELETE and TRUNCATE, but a table's owner can disable them. If the portal connects as
 * a role that owns nothing and holds no UPDATE/DELETE/TRUNCATE privilege on the audit tables, a compromised portal
 * cannot rewrite history even by switching triggers off. The grants are re-applied after every migration, so tables
 * added by later migrations are covered without each migration repeating them.
 */
public final class DatabaseRoles {

    /** The tables the application role may only read and append to. */
    public static final List<String> AUDIT_TABLES = List.of("audit_event", "audit_checkpoint");

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseRoles() {
    }

    /**
     * Creates the application role if it does not exist (with a password, able to log in, owning nothing), or sets
     * its password if it does. For demo mode and tests, where the portal is given the owner's credentials too.
     *
     * @param owner a connection pool for the schema owner (or a superuser)
     * @param role the application role's name (lower case letters, digits, underscore)
     * @param password its password
     * @throws IllegalStateException if the role cannot be created
     */
    public static void ensureApplicationRole(DataSource owner, String role, String password) {
        requireRoleName(role);
        Objects.requireNonNull(password, "password");
        try (Connection connection = owner.getConnection()) {
            boolean exists;
            try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                find.setString(1, role);
                try (ResultSet rows = find.executeQuery()) {
                    exists = rows.next();
                }
            }
            try (Statement statement = connection.createStatement()) {
                // DDL takes no bind parameters: the name is checked above, the password quoted as a literal
                statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The application database role '" + role + "' cannot be created (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    /**
     * Grants the application role what the portal needs and nothing more on the audit tables: SELECT and INSERT
     * there; SELECT, INSERT, UPDATE, DELETE on the other tables of the schema and use of its sequences. Revokes
     * UPDATE, DELETE, TRUNCATE (and the rest) on the audit tables in case they were granted before.
     *
     * @param owner a connection pool for the schema owner
     * @param role the application role's name
     * @throws IllegalStateException if the grants cannot be applied
     */
    public static void grantApplicationRole(DataSource owner, String role) {
        requireRoleName(role);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
            statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
            statement.execute("REVOKE ALL ON flyway_schema_history FROM " + role);
            statement.execute("GRANT SELECT ON flyway_schema_history TO " + role);
            for (String table : AUDIT_TABLES) {
                statement.execute("REVOKE ALL ON " + table + " FROM " + role);
                statement.execute("GRANT SELECT, INSERT ON " + table + " TO " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The application database role '" + role + "' cannot be given its "
                    + "privileges (SQLState " + e.getSQLState() + "): run the migrations as the schema owner", e);
        }
    }

    private static void requireRoleName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("A database role name must be lower case letters, digits and "
                    + "underscores, starting with a letter or underscore: " + role);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
