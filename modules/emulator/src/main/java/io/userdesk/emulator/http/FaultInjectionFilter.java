package io.userdesk.emulator.http;

import io.userdesk.emulator.faults.FaultPlan;
import io.userdesk.emulator.faults.FaultRule;
import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Applies the faults set through {@code /_emulator/faults} to {@code /v1} calls, so client tests can meet what the real
 * service does on a bad day: slowness, throttling (reference §2.2: 429, {@code Retry-After}, {@code {statusCode,message}}
 * body), 5xx ApiFaults, a hang past the client's timeout, a connection dropped mid-answer and a body that is not JSON.
 * It runs after {@link RequestRecordingFilter}, so faulted calls are in the request log with the status they got, and
 * before {@link AccessTokenFilter}, as a front door's throttling would.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
@ApplicationScoped
public class FaultInjectionFilter implements ContainerRequestFilter {
    /** The service's own wording of a throttling answer (reference §2.2). */
    static String throttleMessage(int seconds) {
        return "Rate limit is exceeded. Try again in " + seconds + " seconds.";
    }

    /** A body that claims to be JSON but is a proxy's HTML error page spliced into it. */
    static final String MALFORMED_BODY = "{\"id\":<html><body>502 Bad Gateway</body></html>";

    @Inject
    FaultPlan faults;

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath(false);
        if (!ApiPaths.isPartnerCenterApi(path)) {
            return;
        }
        Optional<FaultRule> fault = faults.take(request.getMethod(), path.startsWith("/") ? path : "/" + path);
        if (fault.isEmpty()) {
            return;
        }
        FaultRule rule = fault.get();
        switch (rule.kind) {
            case LATENCY, HANG -> pause(rule.delayMs);
            case THROTTLE -> {
                int seconds = rule.retryAfterSeconds == null ? 1 : rule.retryAfterSeconds;
                request.abortWith(Response.status(429, "Too Many Requests").type(FaultResponses.JSON_UTF8)
                        .header("Retry-After", seconds)
                        .entity(Json.createObjectBuilder().add("statusCode", 429).add("message", throttleMessage(seconds))
                                .build().toString())
                        .build());
            }
            case ERROR -> {
                int status = rule.status == null ? 500 : rule.status;
                PartnerCenterFault error = status == 500 ? PartnerCenterFault.unexpected()
                        : new PartnerCenterFault(status, 800003,
                                status == 503 ? "Service unavailable" : "Unexpected service error", List.of(),
                                PartnerCenterFault.SOURCE_FRONT_DOOR);
                request.abortWith(FaultResponses.of(error));
            }
            // Garbled rather than cut short: Parsson can spin forever skipping an unknown property at end of input.
            case MALFORMED -> request.abortWith(Response.ok(MALFORMED_BODY, FaultResponses.JSON_UTF8).build());
            case DROP -> dropConnection(request);
            default -> throw new IllegalStateException("Unknown fault " + rule.kind);
        }
    }

    /**
     * Promises a body, sends a fragment and ends the connection, so the client meets a premature end of stream, as
     * when a load balancer or the network drops a call mid-answer.
     */
    private void dropConnection(ContainerRequestContext request) throws IOException {
        byte[] fragment = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
        servletResponse.setStatus(200);
        servletResponse.setHeader("Connection", "close");
        servletResponse.setContentType(FaultResponses.JSON_UTF8);
        servletResponse.setContentLength(4096);
        OutputStream out = servletResponse.getOutputStream();
        out.write(fragment);
        out.flush();
        out.close();
        request.abortWith(Response.status(499).build());
    }

    private static void pause(Long millis) {
        try {
            Thread.sleep(millis == null ? 0 : millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
