package io.userdesk.emulator.http;

import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line of defence: a body JSON-B cannot read becomes 400 / 800002, anything else 500 / 800003 "Unexpected
 * service error". The stack trace goes to the server log, never into the response.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        PartnerCenterFault fault = toFault(exception);
        if (fault.httpStatus() >= 500) {
            LOG.log(Level.SEVERE, "Unexpected error in the Partner Center emulator", exception);
        }
        return FaultResponses.of(fault);
    }

    static PartnerCenterFault toFault(Throwable exception) {
        return isMalformedBody(exception)
                ? PartnerCenterFault.invalidRequestInput("body: not valid JSON for this resource.")
                : PartnerCenterFault.unexpected();
    }

    /** True when JSON-B or JSON-P failed to read the request body (Jersey wraps those in ProcessingException). */
    static boolean isMalformedBody(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
