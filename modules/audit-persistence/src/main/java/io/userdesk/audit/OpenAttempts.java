package io.userdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one look for attempts without an outcome found ({@link AuditStore#findAttemptsWithoutOutcome}), and how far it
 * looked.
 *
 * <p>Why the second part: the reconciler looks every 15 seconds, and reading the whole trail each time would cost a
 * scan of every attempt (a second of database time on a million events, growing with the trail). The next look starts
 * where this one stopped — or at the oldest attempt it could not settle — and reads a few index entries.
 *
 * @param attempts the attempts with no outcome and no reconciliation, oldest first
 * @param checkedUpTo every attempt up to this database time was looked at (the age limit of the look)
 */
public record OpenAttempts(List<AuditEvent> attempts, Instant checkedUpTo) {

    /** Copies the list and requires both parts. */
    public OpenAttempts {
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(checkedUpTo, "checkedUpTo");
    }
}
