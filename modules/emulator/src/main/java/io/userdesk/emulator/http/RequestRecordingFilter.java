package io.userdesk.emulator.http;

import io.userdesk.api.rest.PartnerCenterHeaders;
import io.userdesk.emulator.requestlog.RequestLog;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Records every {@code /v1} call in the {@link RequestLog}, including those refused for a missing token, which is
 * why it runs before {@link AccessTokenFilter}. The body is buffered and handed on unchanged; the log masks its
 * passwords and the Authorization header before keeping anything.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestRecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String PENDING = RequestRecordingFilter.class.getName() + ".pending";

    private final Clock clock = Clock.systemUTC();

    @Inject
    RequestLog requestLog;

    /** What is known of a call before its response exists. */
    private record PendingCall(Instant receivedAt, String method, String path, String query, String requestId,
                               String correlationId, String authorization, String body) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath(false);
        if (!ApiPaths.isPartnerCenterApi(path)) {
            return;
        }
        String body = null;
        if (request.hasEntity()) {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        request.setProperty(PENDING, new PendingCall(clock.instant(), request.getMethod(),
                path.startsWith("/") ? path : "/" + path,
                request.getUriInfo().getRequestUri().getRawQuery(),
                request.getHeaderString(PartnerCenterHeaders.REQUEST_ID),
                request.getHeaderString(PartnerCenterHeaders.CORRELATION_ID),
                request.getHeaderString(HttpHeaders.AUTHORIZATION), body));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PENDING) instanceof PendingCall call) {
            requestLog.record(call.receivedAt(), call.method(), call.path(), call.query(), call.requestId(),
                    call.correlationId(), call.authorization(), call.body(), response.getStatus());
        }
    }
}
