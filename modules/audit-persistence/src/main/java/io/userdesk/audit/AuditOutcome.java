package io.userdesk.audit;

/**
 * How an audited action ended, as stored in {@code audit_event.outcome} (the constant's {@link #name()}).
 *
 * <p>{@link #UNKNOWN} exists because a timed-out remote call may or may not have been applied: the trail must say so
 * rather than guess {@link #FAILED}.
 */
public enum AuditOutcome {
    /** The attempt is written; the call it announces has not finished yet. */
    PENDING,
    /** The change was applied. */
    SUCCEEDED,
    /** The change was definitely not applied (the remote side answered with an error). */
    FAILED,
    /** The portal refused the change before calling anyone. */
    REJECTED,
    /** The call timed out or the connection broke: the change may or may not have been applied. */
    UNKNOWN
}
