package io.userdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttling state shared by every caller, per throttling key (a customer tenant, or the partner for customer
 * lists): after a 429 with {@code Retry-After: N} (reference §2.2), every request for that key waits until the N
 * seconds have passed, so concurrent requests back off together instead of each earning its own 429. Thread-safe.
 */
public class ThrottleGate {
    private final Clock clock;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public ThrottleGate(Clock clock) {
        this.clock = clock;
    }

    /** Partner Center asked this key's callers to wait {@code wait}. */
    public void block(String key, Duration wait) {
        Instant until = clock.instant().plus(wait);
        blockedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long a call for this key must still wait; zero when it may go now. */
    public Duration remaining(String key) {
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            blockedUntil.remove(key, until);
            return Duration.ZERO;
        }
        return left;
    }
}
