package io.userdesk.emulator.http;

import io.userdesk.api.model.ApiFaultCodes;
import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Gives the errors JAX-RS itself raises (no such path, wrong method, unreadable parameter or body) Partner Center's
 * ApiFault shape, so a client never receives the server's HTML error page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return FaultResponses.of(toFault(status.getStatusCode(), status.getReasonPhrase(), exception));
    }

    /** The fault for a JAX-RS error of this status; {@code exception} is searched for the underlying cause. */
    static PartnerCenterFault toFault(int status, String reasonPhrase, Throwable exception) {
        if (UnexpectedExceptionMapper.isMalformedBody(exception)) {
            return PartnerCenterFault.invalidRequestInput("body: not valid JSON for this resource.");
        }
        if (causedBy(exception, NoContentException.class)) {
            return PartnerCenterFault.invalidRequestInput("body: a JSON body is required.");
        }
        // JAX-RS answers an unconvertible query parameter (size=abc) with 404; Partner Center calls it bad input.
        if (status == 404 && exception != null && causedBy(exception.getCause(), IllegalArgumentException.class)) {
            return PartnerCenterFault.invalidRequestInput("query: a parameter does not have the expected type.");
        }
        if (status == 404) {
            return PartnerCenterFault.notFound();
        }
        if (status >= 500) {
            return PartnerCenterFault.unexpected();
        }
        return new PartnerCenterFault(status, ApiFaultCodes.INVALID_REQUEST_INPUT, "Invalid request input",
                List.of(reasonPhrase == null ? "HTTP " + status : reasonPhrase),
                PartnerCenterFault.SOURCE_FRONT_DOOR);
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
