package io.userdesk.audit;

import java.util.UUID;

/**
 * The result of checking the chain (in the database with {@link AuditStore#verify()}, or in an export bundle):
 * whether the events still prove that none was changed, removed, inserted or reordered.
 *
 * <p>Verification stops at the first broken link, because every later link depends on it: the first invalid event
 * is where an investigation starts, not a count of damaged rows.
 *
 * @param valid whether every event checked out
 * @param eventsChecked how many events were read, including the invalid one
 * @param firstInvalidSeq the chain position of the first event that failed, or null when valid
 * @param firstInvalidEventId that event's id, or null when valid or when no event is at that position (removed)
 * @param reason why that event failed, or null when valid
 */
public record ChainVerification(boolean valid, long eventsChecked, Long firstInvalidSeq, UUID firstInvalidEventId,
                                String reason) {

    // Rejects contradictory results (valid with a failure, or invalid without one).
    public ChainVerification {
        if (valid != (firstInvalidSeq == null && reason == null) || (valid && firstInvalidEventId != null)) {
            throw new IllegalArgumentException("a valid chain has no failure, an invalid one has a seq and a reason");
        }
    }

    /** A result without the event id (for a valid chain, or a failure where no event exists). */
    public ChainVerification(boolean valid, long eventsChecked, Long firstInvalidSeq, String reason) {
        this(valid, eventsChecked, firstInvalidSeq, null, reason);
    }

    static ChainVerification intact(long eventsChecked) {
        return new ChainVerification(true, eventsChecked, null, null, null);
    }

    static ChainVerification brokenAt(long eventsChecked, long seq, UUID eventId, String reason) {
        return new ChainVerification(false, eventsChecked, seq, eventId, reason);
    }
}
