package io.userdesk.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one PostgreSQL datasource, configured at deploy time from MicroProfile Config so the same WAR runs
 * against the launcher's embedded PostgreSQL, a compose service or a production server ({@code USERDESK_DB_URL},
 * {@code USERDESK_DB_USER}, {@code USERDESK_DB_PASSWORD}). {@link PortalStartup} checks the keys are present, because a
 * missing key otherwise reaches the driver as a literal placeholder with a misleading error.
 */
@DataSourceDefinition(
        name = PortalDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=userdesk.db.url}",
        user = "${MPCONFIG=userdesk.db.user}",
        password = "${MPCONFIG=userdesk.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"ApplicationName=userdesk"})
@ApplicationScoped
public class PortalDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/userdesk";
}
