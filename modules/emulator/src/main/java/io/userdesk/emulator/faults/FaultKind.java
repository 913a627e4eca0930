package io.userdesk.emulator.faults;

/** What an injected fault does to a matching request. */
public enum FaultKind {
    /** Waits {@code delayMs}, then answers normally. */
    LATENCY,
    /** 429 with {@code Retry-After: retryAfterSeconds} and the {@code {statusCode,message}} body (reference §2.2). */
    THROTTLE,
    /** An ApiFault error with {@code status} (500 / 800003 or 503 by default). */
    ERROR,
    /** Holds the request for {@code delayMs} (meant to be longer than the client's read timeout), then answers normally. */
    HANG,
    /** Announces a body, sends part of it and closes the connection. */
    DROP,
    /** 200 with a body that is not valid JSON (an HTML error page spliced into it). */
    MALFORMED
}
