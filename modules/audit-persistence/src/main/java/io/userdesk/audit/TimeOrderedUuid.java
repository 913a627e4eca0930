package io.userdesk.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Event ids as version 7 UUIDs (RFC 9562, section 5.7): 48 bits of Unix time in milliseconds, then 74 random bits.
 *
 * <p>Why not {@link UUID#randomUUID()}: {@code audit_event.event_id} is UNIQUE, so every append also inserts into
 * that B-tree. A random (version 4) id lands on a random leaf page; on a table of a million events that page is
 * rarely in memory and, the first time it changes after a checkpoint, PostgreSQL writes the whole 8 KB page to the WAL
 * that the append's commit must flush. A time-ordered id lands on the rightmost leaves (ids of the same millisecond, or
 * from instances whose clocks differ a little, are in random order among themselves), which stay in memory and are
 * already in the WAL. The id stays unguessable (74 random bits from {@link SecureRandom}) and reveals only the
 * millisecond the event was created, which its {@code occurredAt} already shows.
 */
final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {
    }

    /** A new version 7 UUID for the current time of {@code clock}. */
    static UUID next(Clock clock) {
        return of(clock.millis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /**
     * The version 7 UUID with this time and these random bits (only the low 12 bits of {@code randomA} and the low 62
     * bits of {@code randomB} are used).
     */
    static UUID of(long unixMillis, long randomA, long randomB) {
        if (unixMillis < 0 || unixMillis >= 1L << 48) {
            throw new IllegalArgumentException("the time does not fit into 48 bits: " + unixMillis);
        }
        long mostSignificant = unixMillis << 16 | 0x7000L | randomA & 0x0FFFL;
        long leastSignificant = 0x8000_0000_0000_0000L | randomB & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(mostSignificant, leastSignificant);
    }
}
