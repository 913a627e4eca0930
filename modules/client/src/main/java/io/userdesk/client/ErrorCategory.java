package io.userdesk.client;

/** How the Partner Center SDKs classify an error status (reference §2.2), used to choose the portal's answer. */
public enum ErrorCategory {
    BAD_INPUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, ALREADY_EXISTS, TOO_MANY_REQUESTS, SERVER_BUSY, SERVER_ERROR;

    public static ErrorCategory ofStatus(int status) {
        return switch (status) {
            case 400 -> BAD_INPUT;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> ALREADY_EXISTS;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVER_BUSY;
            default -> SERVER_ERROR;
        };
    }
}
