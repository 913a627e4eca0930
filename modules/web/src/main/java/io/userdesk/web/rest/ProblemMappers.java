package io.userdesk.web.rest;

import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterUnavailableException;
import io.userdesk.web.directory.InvalidCursorException;
import io.userdesk.web.edit.ValidationFailedException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of the portal API into problem JSON with the right status, so a caller always gets an
 * explanation and never a stack trace or an HTML error page.
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** 400 with one entry per broken field. */
    @Provider
    public static class Validation implements ExceptionMapper<ValidationFailedException> {
        @Override
        public Response toResponse(ValidationFailedException e) {
            return Problem.of(400, "Invalid change", e.getMessage())
                    .with("correlationId", e.correlationId()).errors(e.violations()).build();
        }
    }

    /** Partner Center answered with an error: explain it in its own words, with its code and the ids. */
    @Provider
    public static class PartnerCenterError implements ExceptionMapper<PartnerCenterException> {
        @Override
        public Response toResponse(PartnerCenterException e) {
            Problem problem = switch (e.category()) {
                case NOT_FOUND -> Problem.of(404, "Not found in Partner Center", e.description());
                case ALREADY_EXISTS -> Problem.of(409, "Conflict in Partner Center", e.description());
                case BAD_INPUT -> Problem.of(400, "Partner Center rejected the change", e.description());
                case TOO_MANY_REQUESTS -> Problem.of(429, "Partner Center is busy",
                        "Partner Center is busy" + (e.retryAfterSeconds() == null ? "; try again shortly."
                                : " — try again in " + e.retryAfterSeconds() + " s."));
                case UNAUTHORIZED, FORBIDDEN -> Problem.of(502, "Partner Center refused UserDesk",
                        "Partner Center refused UserDesk's credentials (" + e.status() + "): " + e.description());
                default -> Problem.of(502, "Partner Center failed",
                        "Partner Center answered " + e.status() + ": " + e.description());
            };
            problem.with("partnerCenterStatus", e.status()).with("partnerCenterCode", e.faultCode())
                    .with("correlationId", e.correlationId()).with("requestId", e.requestId());
            Response.ResponseBuilder response = problem.response();
            if (e.retryAfterSeconds() != null) {
                response.header("Retry-After", e.retryAfterSeconds());
            }
            return response.build();
        }
    }

    /** No answer from Partner Center: a timeout means the change may or may not have been applied. */
    @Provider
    public static class PartnerCenterDown implements ExceptionMapper<PartnerCenterUnavailableException> {
        @Override
        public Response toResponse(PartnerCenterUnavailableException e) {
            Problem problem = switch (e.reason()) {
                case TIMEOUT -> Problem.of(504, "Partner Center did not answer in time",
                        "Partner Center did not answer in time. A change may or may not have been applied: read the user "
                                + "again before retrying.");
                case NOT_CONFIGURED -> Problem.of(503, "Partner Center is not configured", e.getMessage());
                case NOT_AUTHENTICATED -> Problem.of(502, "UserDesk cannot sign in to Partner Center", e.getMessage());
                case CIRCUIT_OPEN -> Problem.of(503, "Partner Center is failing",
                        "Partner Center is failing, so UserDesk has paused calls to it; nothing was sent. Try again in "
                                + e.retryInSeconds() + " s.");
                case CONNECTION_DROPPED, MALFORMED_RESPONSE -> Problem.of(502, "Partner Center's answer was lost",
                        "The answer from Partner Center was lost or unreadable. A change may or may not have been "
                                + "applied: read the user again before retrying.");
                default -> Problem.of(503, "Partner Center cannot be reached", "Partner Center cannot be reached; nothing was changed.");
            };
            problem.with("correlationId", e.correlationId()).with("requestId", e.requestId());
            Response.ResponseBuilder response = problem.response();
            if (e.retryInSeconds() != null) {
                response.header("Retry-After", e.retryInSeconds());
            }
            return response.build();
        }
    }

    /** The audit cannot be written, so nothing was sent: the portal's first promise. */
    @Provider
    public static class AuditDown implements ExceptionMapper<AuditUnavailableException> {
        @Override
        public Response toResponse(AuditUnavailableException e) {
            LOG.log(Level.SEVERE, "Audit store unavailable: " + e.getMessage());
            return Problem.of(503, "Audit trail unavailable",
                    "The audit trail cannot be written right now, so nothing was sent to Partner Center. Try again later.").build();
        }
    }

    @Provider
    public static class BadCursor implements ExceptionMapper<InvalidCursorException> {
        @Override
        public Response toResponse(InvalidCursorException e) {
            return Problem.of(400, "Invalid cursor", e.getMessage()).build();
        }
    }

    @Provider
    public static class BadArgument implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return Problem.of(400, "Invalid request", e.getMessage()).build();
        }
    }

    @Provider
    public static class BadJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(400, "Invalid JSON", "The request body is not valid JSON for this endpoint.").build();
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method, unreadable body) keep their status, in problem form. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String title = e instanceof NotFoundException ? "Not found" : e.getResponse().getStatusInfo().getReasonPhrase();
            String detail = status == 400 ? "The request could not be read: check the JSON body and parameters." : null;
            return Problem.of(status, title == null ? "Error" : title, detail).build();
        }
    }

    /** Anything unexpected: logged here, answered without detail. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "Unexpected error in the portal API", e);
            return Problem.of(500, "Internal error", "Something went wrong in UserDesk; the error was logged.").build();
        }
    }
}
