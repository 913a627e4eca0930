package io.userdesk.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while PostgreSQL answers: without it no change can be audited, so none may be made. A load balancer
 * polling {@code /health/ready} then stops sending staff to an instance that would only refuse their edits.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("audit-database").status(valid).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("audit-database").down().withData("reason", "PostgreSQL cannot be reached").build();
        }
    }
}
