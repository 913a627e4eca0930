package io.userdesk.web.rest;

import io.userdesk.api.json.PartnerCenterJsonbResolver;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The portal REST API under {@code /api}, authenticated by MicroProfile JWT bearer tokens only.
 *
 * <p>Its resources and providers are listed here rather than scanned: the WAR also carries the Partner Center
 * contract interfaces (annotated with {@code @Path} for the REST Client), which must never become portal endpoints.
 * {@code @ApplicationScoped} is needed because the WAR uses annotated bean discovery (else MP JWT's
 * {@code JsonWebToken} cannot be injected).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"agent", "reviewer", "admin"})
@ApplicationScoped
public class PortalApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                TokenResource.class,
                CustomersResource.class,
                AuditEventsResource.class,
                AuditTrailResource.class,
                PartnerCenterJsonbResolver.class,
                ProblemMappers.Validation.class,
                ProblemMappers.PartnerCenterError.class,
                ProblemMappers.PartnerCenterDown.class,
                ProblemMappers.AuditDown.class,
                ProblemMappers.BadCursor.class,
                ProblemMappers.BadArgument.class,
                ProblemMappers.BadJson.class,
                ProblemMappers.Http.class,
                ProblemMappers.Unexpected.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
