package io.userdesk.emulator.state;

import io.userdesk.api.model.ApiFault;
import io.userdesk.api.model.ApiFaultCodes;
import java.util.List;

/**
 * A Partner Center error as the real service reports it: an HTTP status plus an {@link ApiFault} body (reference
 * §2). The state throws it so that the rules decide both the status and the body, and the HTTP layer only writes it
 * out. The factory methods hold the exact codes and descriptions, so the same failure always reads the same.
 */
public class PartnerCenterFault extends RuntimeException {
    /** Source the real service names for request validation failures. */
    public static final String SOURCE_CONTROLLERS = "PartnerApiServiceControllers";
    /** Source the real service names for most other failures. */
    public static final String SOURCE_FRONT_DOOR = "PartnerFD";

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient ApiFault fault;

    public PartnerCenterFault(int httpStatus, int code, String description, List<String> data, String source) {
        super(httpStatus + " " + code + " " + description);
        this.httpStatus = httpStatus;
        this.fault = new ApiFault(code, description, data, source);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** A fresh copy of the body, so callers cannot change the fault. */
    public ApiFault apiFault() {
        return new ApiFault(fault.getCode(), fault.getDescription(), fault.getData(), fault.getSource());
    }

    public static PartnerCenterFault tenantNotFound() {
        return new PartnerCenterFault(404, ApiFaultCodes.TENANT_NOT_FOUND, "Tenant not found", List.of(), SOURCE_FRONT_DOOR);
    }

    public static PartnerCenterFault userNotFound() {
        return new PartnerCenterFault(404, ApiFaultCodes.USER_NOT_FOUND, "User object Id is not found", List.of(), SOURCE_FRONT_DOOR);
    }

    /** 400 / 3000: one or more properties of a PATCH body break a rule; {@code data} holds "field: message" lines. */
    public static PartnerCenterFault invalidProperty(List<String> violations) {
        return new PartnerCenterFault(400, ApiFaultCodes.INVALID_PROPERTY, "Invalid property", violations, SOURCE_CONTROLLERS);
    }

    /** 400 / 800002: a query parameter, header or body the service cannot use; {@code detail} says which and why. */
    public static PartnerCenterFault invalidRequestInput(String detail) {
        return new PartnerCenterFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, "Invalid request input", List.of(detail),
                SOURCE_CONTROLLERS);
    }

    public static PartnerCenterFault invalidContinuationToken(String detail) {
        return new PartnerCenterFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, "Invalid continuation token", List.of(detail),
                SOURCE_CONTROLLERS);
    }

    /** 409: the wording is Microsoft Graph's for the same clash (reference §2.2); Partner Center's own is undocumented. */
    public static PartnerCenterFault userPrincipalNameTaken(String userPrincipalName) {
        return new PartnerCenterFault(409, ApiFaultCodes.ALREADY_EXISTS,
                "Another object with the same value for property userPrincipalName already exists.",
                List.of("userPrincipalName: " + userPrincipalName), SOURCE_FRONT_DOOR);
    }

    public static PartnerCenterFault tokenMissing() {
        return new PartnerCenterFault(401, 800001, "Partner Token missing in request context", List.of(), SOURCE_FRONT_DOOR);
    }

    public static PartnerCenterFault accessDenied() {
        return new PartnerCenterFault(401, ApiFaultCodes.ACCESS_DENIED, "Access denied", List.of(), SOURCE_FRONT_DOOR);
    }

    public static PartnerCenterFault notFound() {
        return new PartnerCenterFault(404, 1000, "Not found", List.of(), SOURCE_FRONT_DOOR);
    }

    public static PartnerCenterFault unexpected() {
        return new PartnerCenterFault(500, ApiFaultCodes.UNEXPECTED_SERVICE_ERROR, "Unexpected service error", List.of(),
                SOURCE_FRONT_DOOR);
    }
}
