package io.userdesk.web.security;

import io.userdesk.web.config.PortalDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes staff accounts in PostgreSQL with plain JDBC; usernames are compared in lower case. */
@ApplicationScoped
public class StaffAccountRepository {
    private static final String COLUMNS = "username, display_name, password_hash, roles, enabled, failed_sign_ins, "
            + "locked_until, must_change_password, customer_scope";

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    public Optional<StaffAccount> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        List<StaffAccount> found = query("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?",
                normalize(username));
        return found.stream().findFirst();
    }

    public List<StaffAccount> all() {
        return query("SELECT " + COLUMNS + " FROM staff_account ORDER BY username");
    }

    public boolean anyEnabledAdmin() {
        return all().stream().anyMatch(a -> a.enabled() && a.roles().contains(Roles.ADMIN));
    }

    /** Creates the account unless one with that username exists; returns whether it was created. */
    public boolean createIfAbsent(StaffAccount account) {
        return update("INSERT INTO staff_account (username, display_name, password_hash, roles, enabled, "
                        + "must_change_password, customer_scope) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                normalize(account.username()), account.displayName(), account.passwordHash(),
                String.join(",", account.roles()), account.enabled(), account.mustChangePassword(),
                String.join(",", account.customerScope())) == 1;
    }

    /** Counts a failed sign-in; locks the account until {@code lockUntil} when given. Returns the new count. */
    public int recordFailure(String username, Instant lockUntil) {
        update("UPDATE staff_account SET failed_sign_ins = failed_sign_ins + 1, "
                + "locked_until = COALESCE(CAST(? AS timestamptz), locked_until) WHERE username = ?", timestamp(lockUntil), normalize(username));
        return find(username).map(StaffAccount::failedSignIns).orElse(0);
    }

    public void recordSuccess(String username) {
        update("UPDATE staff_account SET failed_sign_ins = 0, locked_until = NULL WHERE username = ? "
                + "AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)", normalize(username));
    }

    public boolean unlock(String username) {
        return update("UPDATE staff_account SET failed_sign_ins = 0, locked_until = NULL, updated_at = now() "
                + "WHERE username = ?", normalize(username)) == 1;
    }

    public boolean setEnabled(String username, boolean enabled) {
        return update("UPDATE staff_account SET enabled = ?, updated_at = now() WHERE username = ?", enabled,
                normalize(username)) == 1;
    }

    public boolean setPassword(String username, String passwordHash, boolean mustChange) {
        return update("UPDATE staff_account SET password_hash = ?, must_change_password = ?, failed_sign_ins = 0, "
                + "locked_until = NULL, updated_at = now() WHERE username = ?", passwordHash, mustChange,
                normalize(username)) == 1;
    }

    public boolean setRolesAndScope(String username, String displayName, List<String> roles, List<String> scope) {
        return update("UPDATE staff_account SET display_name = ?, roles = ?, customer_scope = ?, updated_at = now() "
                + "WHERE username = ?", displayName, String.join(",", roles), String.join(",", scope),
                normalize(username)) == 1;
    }

    private static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private List<StaffAccount> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                List<StaffAccount> accounts = new ArrayList<>();
                while (rs.next()) {
                    Timestamp locked = rs.getTimestamp(7);
                    accounts.add(new StaffAccount(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                            rs.getBoolean(5), rs.getInt(6), locked == null ? null : locked.toInstant(), rs.getBoolean(8),
                            split(rs.getString(9))));
                }
                return accounts;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Staff accounts cannot be read", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Staff accounts cannot be changed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
