package io.userdesk.client;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How hard the gateway tries, from MicroProfile Config under {@code partner-center.resilience.}:
 * {@code max-retries} (3, like both SDKs, for 5xx, timeouts and broken connections), {@code backoff-base-ms} (500:
 * waits of about 0.5 s, 1 s, 2 s, each with ±50 % jitter) capped by {@code backoff-max-ms} (8000),
 * {@code retry-after-cap-seconds} (30: a 429 asking for a longer wait is not waited out but reported at once),
 * {@code breaker.failure-threshold} (5 consecutive failed attempts open the breaker) and
 * {@code breaker.open-seconds} (30).
 */
public record ResilienceSettings(int maxRetries, Duration backoffBase, Duration backoffMax, Duration retryAfterCap,
                                 int breakerFailureThreshold, Duration breakerOpenFor) {
    public static final String PREFIX = "partner-center.resilience.";

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30), 5,
                Duration.ofSeconds(30));
    }

    public static ResilienceSettings fromConfig(Config config) {
        ResilienceSettings d = defaults();
        return new ResilienceSettings(
                config.getOptionalValue(PREFIX + "max-retries", Integer.class).orElse(d.maxRetries()),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "backoff-base-ms", Long.class).orElse(d.backoffBase().toMillis())),
                Duration.ofMillis(config.getOptionalValue(PREFIX + "backoff-max-ms", Long.class).orElse(d.backoffMax().toMillis())),
                Duration.ofSeconds(config.getOptionalValue(PREFIX + "retry-after-cap-seconds", Long.class)
                        .orElse(d.retryAfterCap().toSeconds())),
                config.getOptionalValue(PREFIX + "breaker.failure-threshold", Integer.class).orElse(d.breakerFailureThreshold()),
                Duration.ofSeconds(config.getOptionalValue(PREFIX + "breaker.open-seconds", Long.class)
                        .orElse(d.breakerOpenFor().toSeconds())));
    }

    /** The wait before transient retry number {@code retry} (1-based): exponential, capped, with jitter in [0.5, 1.5). */
    public Duration backoff(int retry, double random) {
        long base = backoffBase.toMillis() * (1L << Math.min(20, Math.max(0, retry - 1)));
        long capped = Math.min(base, backoffMax.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random)));
    }
}
