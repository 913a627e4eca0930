package io.userdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a Partner Center that keeps failing, so users get a clear answer at once instead of waiting through
 * timeouts and retries, and a struggling service is not hammered. After {@code failureThreshold} consecutive failed
 * attempts (5xx, timeouts, broken connections; never 4xx or 429) it opens for {@code openFor}; then one trial call is
 * let through (half-open): success closes it, failure opens it again.
 *
 * <p>Hand-written rather than MicroProfile Fault Tolerance's {@code @CircuitBreaker} because the breaker must count
 * individual attempts inside the gateway's own retry loop (whose 429 wait comes from {@code Retry-After}, which
 * {@code @Retry} cannot express), must ignore business errors by status rather than by exception type, and must tell
 * the UI how long it stays open; FT exposes none of that state. Thread-safe.
 */
public class CircuitBreaker {
    /** What the breaker allows right now. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open state only one trial at a time. */
    public synchronized boolean allowsCall() {
        State state = state();
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    /** The call ended without telling anything about Partner Center's health (e.g. no token): free the trial slot. */
    public synchronized void releaseTrial() {
        trialInFlight = false;
    }

    public synchronized void recordFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (openedAt != null || consecutiveFailures >= failureThreshold) {
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whole seconds until a trial call is allowed; 0 when it is not open. */
    public synchronized long secondsUntilRetry() {
        if (state() != State.OPEN) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), openedAt.plus(openFor)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
