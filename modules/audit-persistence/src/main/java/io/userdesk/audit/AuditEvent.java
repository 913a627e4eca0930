package io.userdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored row of {@code audit_event}, exactly as read back (or as just written).
 *
 * <p>{@code eventType} and {@code outcome} are kept as the stored text rather than as {@link AuditEventType} /
 * {@link AuditOutcome}, so that a row written by a newer portal version (a constant this JVM does not know yet) or a
 * tampered row can still be read, listed and, above all, checked by {@link AuditStore#verify()} instead of breaking
 * it. {@code details} is the stored canonical JSON text, not a parsed map, because the hash covers that exact text.
 *
 * @param seq the chain position: 1, 2, 3, ... without gaps
 * @param eventId the event's unique id
 * @param occurredAt when the database stored it (database clock, microsecond precision)
 * @param eventType an {@link AuditEventType} name
 * @param outcome an {@link AuditOutcome} name
 * @param actorId the acting staff member's id
 * @param actorName the actor's display name, or null
 * @param actorRoles the actor's roles, sorted (empty, never null)
 * @param clientIp the client's IP address, or null
 * @param userAgent the client's User-Agent, or null
 * @param customerId the customer (tenant) id, or null
 * @param customerName the customer's name, or null
 * @param userId the customer user's id, or null
 * @param userPrincipalName the customer user's UPN, or null
 * @param correlationId ties an attempt to its outcome, or null
 * @param requestId the request's id, or null
 * @param httpStatus the remote HTTP status, or null
 * @param errorCode an error code, or null
 * @param errorDescription an error description, or null
 * @param durationMs the audited call's duration in milliseconds, or null
 * @param details the details as canonical JSON text ({@code {}} when there are none)
 * @param prevHash the previous event's hash ({@link AuditHashing#GENESIS_HASH} for seq 1)
 * @param hash this event's hash as defined by {@link AuditHashing}
 */
public record AuditEvent(
        long seq,
        UUID eventId,
        Instant occurredAt,
        String eventType,
        String outcome,
        String actorId,
        String actorName,
        List<String> actorRoles,
        String clientIp,
        String userAgent,
        String customerId,
        String customerName,
        String userId,
        String userPrincipalName,
        String correlationId,
        String requestId,
        Integer httpStatus,
        String errorCode,
        String errorDescription,
        Long durationMs,
        String details,
        String prevHash,
        String hash) {

    // Requires the columns that are NOT NULL in the table and makes the role list immutable.
    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
    }
}
