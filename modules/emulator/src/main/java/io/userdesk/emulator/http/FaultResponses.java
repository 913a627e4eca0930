package io.userdesk.emulator.http;

import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Writes a {@link PartnerCenterFault} the way Partner Center does: its status, a JSON ApiFault body, and for 401 the challenge header. */
final class FaultResponses {
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    /** The challenge the documented 401 responses carry, with the emulator standing in for the client id. */
    static final String WWW_AUTHENTICATE_VALUE = "OAuth realm=urn:cpsvc:cpid:emulator";

    private FaultResponses() {
    }

    static Response of(PartnerCenterFault fault) {
        Response.ResponseBuilder response = Response.status(fault.httpStatus()).type(JSON_UTF8).entity(fault.apiFault());
        if (fault.httpStatus() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE_VALUE);
        }
        return response.build();
    }
}
