package io.userdesk.client;

import io.userdesk.api.model.ApiFault;

/**
 * Partner Center answered with an error status. Carries what a person or the audit needs to explain it: the HTTP
 * status, the {@link ErrorCategory} the SDKs use, the ApiFault if the body had one, any {@code Retry-After}, and the
 * request and correlation ids of the call.
 */
public class PartnerCenterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCategory category;
    private final transient ApiFault fault;
    private final Long retryAfterSeconds;
    private String requestId;
    private String correlationId;

    public PartnerCenterException(int status, ApiFault fault, Long retryAfterSeconds, String message) {
        super(message);
        this.status = status;
        this.category = ErrorCategory.ofStatus(status);
        this.fault = fault;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Records the ids of the call that failed; set by the gateway, which knows them. */
    PartnerCenterException withIds(String requestId, String correlationId) {
        if (this.requestId == null) {
            this.requestId = requestId;
        }
        if (this.correlationId == null) {
            this.correlationId = correlationId;
        }
        return this;
    }

    public int status() { return status; }
    public ErrorCategory category() { return category; }
    public ApiFault fault() { return fault; }
    public Long retryAfterSeconds() { return retryAfterSeconds; }
    public String requestId() { return requestId; }
    public String correlationId() { return correlationId; }

    /** Partner Center's numeric error code as text, or null when the body was not an ApiFault. */
    public String faultCode() {
        return fault == null ? null : Integer.toString(fault.getCode());
    }

    /** Partner Center's own description, or the message built from the status. */
    public String description() {
        return fault != null && fault.getDescription() != null ? fault.getDescription() : getMessage();
    }
}
