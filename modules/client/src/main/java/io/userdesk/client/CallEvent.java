package io.userdesk.client;

/**
 * One step of a Partner Center call as the gateway saw it, handed to {@link PartnerCenterCallListener}s: an attempt
 * going out, a retry being scheduled (with why and how long it waits), or the call's final outcome. All steps of one
 * user action carry the same {@code correlationId}; each attempt has its own {@code requestId} except a retry after a
 * timeout or a broken connection, which reuses it (reference §1.1).
 *
 * @param kind              ATTEMPT, RETRY or OUTCOME
 * @param operation         the gateway method, e.g. {@code updateUser}
 * @param customerId        the customer tenant, or null for the customer list
 * @param userId            the user, or null
 * @param attempt           1 for the first attempt
 * @param httpStatus        the status that caused the retry or ended the call, or null without an answer
 * @param retryAfterSeconds the {@code Retry-After} Partner Center sent, or null
 * @param failure           why it failed (e.g. {@code HTTP_503}, {@code TIMEOUT}), or null on success
 * @param delayMs           for a RETRY, how long the gateway waits before it
 * @param succeeded         for an OUTCOME, whether the call finally succeeded
 */
public record CallEvent(Kind kind, String operation, String customerId, String userId, String correlationId,
                        String requestId, int attempt, Integer httpStatus, Long retryAfterSeconds, String failure,
                        long delayMs, boolean succeeded) {

    /** Which step this is. */
    public enum Kind { ATTEMPT, RETRY, OUTCOME }
}
