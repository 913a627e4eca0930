package io.userdesk.api.model;

/** The Partner Center error codes UserDesk produces or reacts to (reference §2.2). */
public final class ApiFaultCodes {
    /** 401: Access denied. */
    public static final int ACCESS_DENIED = 400;
    /** 400: Invalid property. */
    public static final int INVALID_PROPERTY = 3000;
    /** 400: Invalid request input. */
    public static final int INVALID_REQUEST_INPUT = 800002;
    /** 404: User object Id is not found. */
    public static final int USER_NOT_FOUND = 60002;
    /** 404: Tenant not found. */
    public static final int TENANT_NOT_FOUND = 60003;
    /** 409: an object with the same value already exists (the SDKs' AlreadyExists category). */
    public static final int ALREADY_EXISTS = 60011;
    /** 500: Unexpected service error. */
    public static final int UNEXPECTED_SERVICE_ERROR = 800003;

    private ApiFaultCodes() {
    }
}
