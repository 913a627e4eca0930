package io.userdesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The gateway's building blocks: breaker, shared throttle wait, backoff, and how failures are classified. */
class ResiliencePartsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void advance(Duration by) { now = now.plus(by); }
    }

    @Test
    void theBreakerOpensAfterTheThresholdThenLetsOneTrialThrough() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);
        breaker.recordFailure();
        breaker.recordFailure();
        assertTrue(breaker.allowsCall(), "two failures are not enough");
        breaker.recordFailure();
        assertFalse(breaker.allowsCall());
        assertEquals(30, breaker.secondsUntilRetry());

        clock.advance(Duration.ofSeconds(31));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allowsCall(), "one trial");
        assertFalse(breaker.allowsCall(), "only one trial at a time");
        breaker.recordFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed trial opens it again");

        clock.advance(Duration.ofSeconds(31));
        assertTrue(breaker.allowsCall());
        breaker.recordSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aTrialThatSaysNothingAboutHealthFreesTheSlot() {
        ManualClock clock = new ManualClock();
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(30), clock);
        breaker.recordFailure();
        clock.advance(Duration.ofSeconds(31));
        assertTrue(breaker.allowsCall());
        breaker.releaseTrial();
        assertTrue(breaker.allowsCall(), "another trial may go");
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30), new ManualClock());
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aThrottleWaitIsSharedPerKeyAndRunsOut() {
        ManualClock clock = new ManualClock();
        ThrottleGate gate = new ThrottleGate(clock);
        gate.block("tenant-a", Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), gate.remaining("tenant-a"));
        assertEquals(Duration.ZERO, gate.remaining("tenant-b"), "other customers are not held up");
        gate.block("tenant-a", Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(2), gate.remaining("tenant-a"), "a shorter wait does not shorten a longer one");
        clock.advance(Duration.ofMillis(2001));
        assertEquals(Duration.ZERO, gate.remaining("tenant-a"));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        ResilienceSettings settings = ResilienceSettings.defaults();
        assertEquals(250, settings.backoff(1, 0.0).toMillis());
        assertEquals(1499, settings.backoff(2, 0.999).toMillis());
        assertEquals(2000, settings.backoff(3, 0.5).toMillis());
        assertEquals(8000, settings.backoff(10, 0.5).toMillis(), "capped at backoff-max");
    }

    @Test
    void failuresAreClassifiedByWhatTheyMeanForAChange() {
        assertEquals(PartnerCenterUnavailableException.Reason.TIMEOUT,
                PartnerCenterGateway.translate(new ProcessingException(new HttpTimeoutException("request timed out"))).reason());
        assertEquals(PartnerCenterUnavailableException.Reason.CONNECTION_FAILED,
                PartnerCenterGateway.translate(new ProcessingException(new ConnectException("refused"))).reason());
        PartnerCenterUnavailableException dropped = PartnerCenterGateway.translate(
                new ProcessingException(new JsonbException("bad", new EOFException("fixed content-length: 4096"))));
        assertEquals(PartnerCenterUnavailableException.Reason.CONNECTION_DROPPED, dropped.reason());
        assertTrue(dropped.outcomeUnknown());
        PartnerCenterUnavailableException garbled = PartnerCenterGateway.translate(
                new ProcessingException(new JsonbException("Unexpected char 60")));
        assertEquals(PartnerCenterUnavailableException.Reason.MALFORMED_RESPONSE, garbled.reason());
        assertTrue(garbled.outcomeUnknown());
        assertFalse(new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.CIRCUIT_OPEN, "x", null)
                .outcomeUnknown(), "nothing was sent while the breaker is open");
    }
}
