package io.userdesk.emulator.http;

import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the state's rule violations (404, 400, 409 …) into Partner Center error responses. */
@Provider
public class PartnerCenterFaultMapper implements ExceptionMapper<PartnerCenterFault> {
    @Override
    public Response toResponse(PartnerCenterFault fault) {
        return FaultResponses.of(fault);
    }
}
