package io.userdesk.audit;

/**
 * What happened, as stored in {@code audit_event.event_type} (the constant's {@link #name()}).
 *
 * <p>An update is audited in two steps so that a crash between "asked Partner Center" and "got an answer" still leaves
 * a trace: the attempt is written (and must be durable) before the remote call, the outcome after it. A request that
 * never reaches Partner Center because it was refused locally is a single rejection event.
 */
public enum AuditEventType {
    /** Written before the Partner Center call; its outcome is {@link AuditOutcome#PENDING}. */
    USER_UPDATE_ATTEMPT,
    /** Written after the Partner Center call, with the same correlation id as the attempt. */
    USER_UPDATE_OUTCOME,
    /** The portal refused the change itself (validation, authorization) and never called Partner Center. */
    USER_UPDATE_REJECTED,
    /** One retried Partner Center call of a change (status, Retry-After), linked to the attempt by correlation id. */
    USER_UPDATE_RETRY,
    /** At start-up, an attempt whose outcome was never written was settled by reading the user back. */
    USER_UPDATE_RECONCILED,
    /** A staff member tried an action their role or customer scope does not allow. */
    AUTHORIZATION_DENIED,
    /** A staff member signed in (portal page or API token). */
    SIGN_IN_SUCCEEDED,
    /** A sign-in was refused (wrong password, unknown or disabled account). */
    SIGN_IN_FAILED,
    /** An account was locked after repeated failures. */
    ACCOUNT_LOCKED,
    /** A staff account was created, disabled, unlocked, given a new password, roles or scope. */
    STAFF_ACCOUNT_CHANGED,
    /** Someone read the audit trail (a search page or an event). */
    AUDIT_READ,
    /** Someone exported the audit trail. */
    AUDIT_EXPORTED,
    /** Someone verified the hash chain. */
    AUDIT_VERIFIED
}
