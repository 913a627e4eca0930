package io.userdesk.audit;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the UserDesk schema (audit trail, staff accounts) up to date with Flyway.
 *
 * <p>Why a tiny wrapper: the migrations ship inside this jar, so the location and class loader must be the ones of
 * this jar (in a WAR the thread's context class loader may be a different one), a missing location must fail instead
 * of silently migrating nothing, and the web module should see one clear unchecked exception that aborts start-up
 * rather than Flyway's own types.
 */
public final class SchemaMigrations {

    /** Where the SQL migrations live on the class path. */
    public static final String LOCATION = "classpath:db/migration/userdesk";

    private SchemaMigrations() {
    }

    /**
     * Applies every pending migration; does nothing when the schema is current.
     *
     * @param dataSource the UserDesk database (the connecting role must be allowed to create tables and triggers)
     * @throws IllegalStateException if the database cannot be reached or a migration fails
     */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    // in order only: no release has shipped a schema yet, so new migrations take the next free
                    // number above the highest one and never need Flyway's out-of-order mode
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("UserDesk database schema migration failed: " + e.getMessage(), e);
        }
    }
}
