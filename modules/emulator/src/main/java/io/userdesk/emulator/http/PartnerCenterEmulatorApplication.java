package io.userdesk.emulator.http;

import io.userdesk.api.json.PartnerCenterJsonbResolver;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The emulator's JAX-RS application at the context root ({@code /partner-center}), so the API answers at
 * {@code /partner-center/v1/customers...} exactly as the real service does at {@code /v1/customers...}.
 *
 * <p>Classes are listed rather than scanned so that the shared {@link PartnerCenterJsonbResolver} from the api jar is
 * certainly registered (request bodies are then read case-insensitively, responses written camelCase without nulls)
 * and nothing else from the class path slips in.
 */
@ApplicationPath("/")
public class PartnerCenterEmulatorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                CustomersResource.class,
                TokenResource.class,
                FaultInjectionFilter.class,
                EmulatorAdminResource.class,
                PartnerCenterJsonbResolver.class,
                RequestRecordingFilter.class,
                AccessTokenFilter.class,
                PartnerCenterResponseHeadersFilter.class,
                PartnerCenterFaultMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
