package io.userdesk.client;

/**
 * Partner Center could not be reached or did not answer in time. For a timeout the change may or may not have been
 * applied ({@link #outcomeUnknown()}), which the UI and the audit must say rather than guess.
 */
public class PartnerCenterUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call did not get a usable answer. */
    public enum Reason {
        /** No answer within the read timeout: a change may or may not have been applied. */
        TIMEOUT,
        /** The connection could not be opened: nothing was sent. */
        CONNECTION_FAILED,
        /** The connection broke after the request was sent: a change may or may not have been applied. */
        CONNECTION_DROPPED,
        /** An answer came but could not be read (not JSON): a change may or may not have been applied. */
        MALFORMED_RESPONSE,
        /** Partner Center kept failing, so the circuit breaker stopped calling it for a while; nothing was sent. */
        CIRCUIT_OPEN,
        /** No credentials are configured. */
        NOT_CONFIGURED,
        /** The sign-in service refused or could not issue a token; nothing was sent to Partner Center. */
        NOT_AUTHENTICATED
    }

    private final Reason reason;
    private String requestId;
    private String correlationId;

    public PartnerCenterUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    PartnerCenterUnavailableException withIds(String requestId, String correlationId) {
        if (this.requestId == null) {
            this.requestId = requestId;
        }
        if (this.correlationId == null) {
            this.correlationId = correlationId;
        }
        return this;
    }

    private Long retryInSeconds;

    /** For {@link Reason#CIRCUIT_OPEN}: when the portal will try Partner Center again. */
    PartnerCenterUnavailableException retryIn(long seconds) {
        this.retryInSeconds = seconds;
        return this;
    }

    public Reason reason() { return reason; }
    public Long retryInSeconds() { return retryInSeconds; }
    public boolean outcomeUnknown() {
        return reason == Reason.TIMEOUT || reason == Reason.CONNECTION_DROPPED || reason == Reason.MALFORMED_RESPONSE;
    }
    public String requestId() { return requestId; }
    public String correlationId() { return correlationId; }
}
