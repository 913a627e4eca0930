package io.userdesk.client;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerCollection;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.CustomerUserCollection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one door to Partner Center, and where every rule of talking to it lives (reference §1.1, §2.2, §4):
 * <ul>
 *   <li>ids: a fresh {@code MS-RequestId} per call (or the one the caller already wrote to the audit, for a PATCH), the
 *       caller's {@code MS-CorrelationId} for the whole user action; a retry after a timeout or a broken connection
 *       reuses the request id (the documented idempotency rule), a retry after any answer gets a new one;</li>
 *   <li>tokens: one transparent renewal when Partner Center answers 401;</li>
 *   <li>throttling: a 429 waits its {@code Retry-After} (capped) and is retried once; the wait is shared by every
 *       caller of the same customer tenant through {@link ThrottleGate};</li>
 *   <li>transient failures: 5xx, timeouts and broken connections are retried a bounded number of times with
 *       exponential backoff and jitter; 400, 401 (after the renewal), 403, 404 and 409 never are;</li>
 *   <li>a {@link CircuitBreaker} that stops calling a failing Partner Center and says so;</li>
 *   <li>every attempt, retry and outcome is handed to the {@link PartnerCenterCallListener}s (the portal audits them).</li>
 * </ul>
 * Failures come out as {@link PartnerCenterException} (an answer) or {@link PartnerCenterUnavailableException} (no
 * usable answer), both carrying the ids.
 */
@ApplicationScoped
public class PartnerCenterGateway {
    private static final Logger LOG = Logger.getLogger(PartnerCenterGateway.class.getName());
    private static final String SEEK_NEXT = "Next";
    /** Throttling key of calls that concern no single customer (the customer list). */
    static final String PARTNER_THROTTLE_KEY = "partner";

    static final String CONFIG_PREFIX = "partner-center/mp-rest/";
    /** Jersey's connector over the JDK's HttpClient: unlike HttpURLConnection it can send PATCH, also over HTTPS. */
    static final String CONNECTOR = "org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider";

    @Inject
    PartnerCenterTokenProvider tokens;

    @Inject
    Instance<PartnerCenterCallListener> listenerBeans;

    private PartnerCenterRestClient client;
    private ResilienceSettings settings;
    private CircuitBreaker breaker;
    private ThrottleGate throttle;

    /**
     * Builds the REST Client from the {@code partner-center} configuration keys. It is built here rather than injected
     * to choose the HTTP connector (the default one cannot send PATCH) and to register the token filter as an instance.
     */
    @PostConstruct
    void connect() {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue(CONFIG_PREFIX + "url", String.class)
                .orElseThrow(() -> new IllegalStateException("Set " + CONFIG_PREFIX + "url (PARTNER_CENTER_MP_REST_URL)"));
        long connectTimeout = config.getOptionalValue(CONFIG_PREFIX + "connectTimeout", Long.class).orElse(5_000L);
        long readTimeout = config.getOptionalValue(CONFIG_PREFIX + "readTimeout", Long.class).orElse(30_000L);
        configure(URI.create(url), connectTimeout, readTimeout, ResilienceSettings.fromConfig(config), Clock.systemUTC());
    }

    private void configure(URI url, long connectTimeoutMs, long readTimeoutMs, ResilienceSettings resilience, Clock clock) {
        this.settings = resilience;
        this.breaker = new CircuitBreaker(resilience.breakerFailureThreshold(), resilience.breakerOpenFor(), clock);
        this.throttle = new ThrottleGate(clock);
        this.client = RestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .property("jersey.config.client.connector.provider", CONNECTOR)
                .register(new BearerTokenFilter(tokens))
                .build(PartnerCenterRestClient.class);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The breaker's state, for health and for the UI's explanation. */
    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    public CustomerCollection listCustomers(String correlationId, int size, String filter, String continuationToken) {
        return call("listCustomers", null, null, newId(), correlationId, (c, requestId) -> c.listCustomers(requestId,
                correlationId, size, filter, continuationToken == null ? null : SEEK_NEXT, continuationToken));
    }

    public Customer getCustomer(String correlationId, String customerId) {
        return call("getCustomer", customerId, null, newId(), correlationId,
                (c, requestId) -> c.getCustomer(requestId, correlationId, customerId));
    }

    public CustomerUserCollection listUsers(String correlationId, String customerId, int size, String continuationToken) {
        return listUsers(correlationId, customerId, size, UserListing.ACTIVE, continuationToken);
    }

    /**
     * A page of a customer's users: active or deleted ones, in Partner Center's order or sorted. A continuation token
     * belongs to its listing, so the same listing must be passed with it.
     */
    public CustomerUserCollection listUsers(String correlationId, String customerId, int size, UserListing listing,
                                            String continuationToken) {
        return call("listUsers", customerId, null, newId(), correlationId, (c, requestId) -> c.listUsers(requestId,
                correlationId, customerId, size, listing.filter(), listing.sortField(), listing.sortDirection(),
                continuationToken == null ? null : SEEK_NEXT, continuationToken));
    }

    public CustomerUser getUser(String correlationId, String customerId, String userId) {
        return call("getUser", customerId, userId, newId(), correlationId,
                (c, requestId) -> c.getUser(requestId, correlationId, customerId, userId));
    }

    /** PATCHes a user with a request id the caller chose (and audited) beforehand for the first attempt. */
    public CustomerUser updateUser(String requestId, String correlationId, String customerId, String userId, CustomerUser changes) {
        return call("updateUser", customerId, userId, requestId, correlationId,
                (c, id) -> c.updateUser(id, correlationId, customerId, userId, changes));
    }

    /** What the loop does after a failed attempt. */
    private record Decision(boolean retry, boolean sameRequestId, long delayMs) {
        static final Decision GIVE_UP = new Decision(false, false, 0);
    }

    private <T> T call(String operation, String customerId, String userId, String firstRequestId, String correlationId,
                       BiFunction<PartnerCenterRestClient, String, T> send) {
        String throttleKey = customerId == null ? PARTNER_THROTTLE_KEY : customerId.trim().toLowerCase(Locale.ROOT);
        String requestId = firstRequestId;
        int attempt = 0;
        int transientRetries = 0;
        boolean renewed = false;
        boolean throttleRetried = false;
        while (true) {
            attempt++;
            if (!breaker.allowsCall()) {
                long seconds = breaker.secondsUntilRetry();
                PartnerCenterUnavailableException open = new PartnerCenterUnavailableException(
                        PartnerCenterUnavailableException.Reason.CIRCUIT_OPEN,
                        "Partner Center is failing, so UserDesk has stopped calling it; it tries again in " + seconds
                                + " s.", null).retryIn(seconds).withIds(requestId, correlationId);
                emit(new CallEvent(CallEvent.Kind.OUTCOME, operation, customerId, userId, correlationId, requestId,
                        attempt, null, null, open.reason().name(), 0, false));
                throw open;
            }
            Duration throttled = throttle.remaining(throttleKey);
            if (throttled.compareTo(settings.retryAfterCap()) > 0) {
                breaker.releaseTrial();
                long seconds = Math.max(1, (throttled.toMillis() + 999) / 1000);
                PartnerCenterException busy = new PartnerCenterException(429, null, seconds,
                        "Partner Center is throttling this customer; try again in " + seconds + " s.")
                        .withIds(requestId, correlationId);
                emit(new CallEvent(CallEvent.Kind.OUTCOME, operation, customerId, userId, correlationId, requestId,
                        attempt, 429, seconds, "THROTTLED", 0, false));
                throw busy;
            }
            sleep(throttled.toMillis());
            emit(new CallEvent(CallEvent.Kind.ATTEMPT, operation, customerId, userId, correlationId, requestId, attempt,
                    null, null, null, 0, false));
            RuntimeException failure;
            try {
                T result = send.apply(client, requestId);
                breaker.recordSuccess();
                emit(new CallEvent(CallEvent.Kind.OUTCOME, operation, customerId, userId, correlationId, requestId,
                        attempt, null, null, null, 0, true));
                return result;
            } catch (RuntimeException e) {
                failure = classify(e, requestId, correlationId);
            }

            Decision decision = Decision.GIVE_UP;
            Integer status = null;
            Long retryAfter = null;
            String why;
            if (failure instanceof PartnerCenterException answer) {
                status = answer.status();
                retryAfter = answer.retryAfterSeconds();
                why = "HTTP_" + status;
                if (status < 500) {
                    breaker.recordSuccess(); // an answer other than 5xx: Partner Center itself is working
                }
                if (status == 401 && !renewed && tokens.renew(null)) {
                    renewed = true;
                    decision = new Decision(true, false, 0);
                } else if (status == 429) {
                    long waitSeconds = retryAfter == null ? 1 : Math.max(0, retryAfter);
                    throttle.block(throttleKey, Duration.ofSeconds(waitSeconds));
                    if (!throttleRetried && waitSeconds <= settings.retryAfterCap().toSeconds()) {
                        throttleRetried = true;
                        decision = new Decision(true, false, TimeUnit.SECONDS.toMillis(waitSeconds));
                    }
                } else if (status >= 500) {
                    breaker.recordFailure();
                    if (transientRetries < settings.maxRetries()) {
                        transientRetries++;
                        decision = new Decision(true, false, backoff(transientRetries));
                    }
                }
            } else {
                PartnerCenterUnavailableException down = (PartnerCenterUnavailableException) failure;
                why = down.reason().name();
                boolean transientFailure = switch (down.reason()) {
                    case TIMEOUT, CONNECTION_FAILED, CONNECTION_DROPPED -> true;
                    default -> false;
                };
                if (down.reason() == PartnerCenterUnavailableException.Reason.MALFORMED_RESPONSE) {
                    breaker.recordSuccess(); // it answered, if unreadably
                } else if (!transientFailure) {
                    breaker.releaseTrial(); // nothing reached Partner Center (no credentials or no token)
                }
                if (transientFailure) {
                    breaker.recordFailure();
                    if (transientRetries < settings.maxRetries()) {
                        transientRetries++;
                        decision = new Decision(true, true, backoff(transientRetries));
                    }
                }
            }
            if (!decision.retry()) {
                emit(new CallEvent(CallEvent.Kind.OUTCOME, operation, customerId, userId, correlationId, requestId,
                        attempt, status, retryAfter, why, 0, false));
                throw failure;
            }
            String nextRequestId = decision.sameRequestId() ? requestId : newId();
            emit(new CallEvent(CallEvent.Kind.RETRY, operation, customerId, userId, correlationId, nextRequestId,
                    attempt, status, retryAfter, why, decision.delayMs(), false));
            String logLine = "Partner Center " + operation + " attempt " + attempt + " failed (" + why + "); retrying in "
                    + decision.delayMs() + " ms, correlation id " + correlationId;
            LOG.info(logLine);
            sleep(decision.delayMs());
            requestId = nextRequestId;
        }
    }

    private long backoff(int retry) {
        return settings.backoff(retry, ThreadLocalRandom.current().nextDouble()).toMillis();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.CONNECTION_FAILED,
                    "Interrupted while waiting to retry Partner Center.", e);
        }
    }

    private void emit(CallEvent event) {
        for (PartnerCenterCallListener listener : listeners()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Partner Center call listener failed for correlation id "
                        + event.correlationId() + ": " + e);
            }
        }
    }

    private List<PartnerCenterCallListener> listeners() {
        List<PartnerCenterCallListener> found = new ArrayList<>();
        if (listenerBeans != null) {
            listenerBeans.forEach(found::add);
        }
        return found;
    }

    /** Any failure of one attempt as a typed exception with this attempt's ids. */
    static RuntimeException classify(RuntimeException e, String requestId, String correlationId) {
        if (e instanceof PartnerCenterException answer) {
            return answer.withIds(requestId, correlationId);
        }
        if (e instanceof PartnerCenterUnavailableException down) {
            return down.withIds(requestId, correlationId);
        }
        if (e instanceof WebApplicationException web) {
            return new PartnerCenterException(web.getResponse().getStatus(), null, null,
                    "Partner Center answered HTTP " + web.getResponse().getStatus()).withIds(requestId, correlationId);
        }
        if (e instanceof ProcessingException processing) {
            return translate(processing).withIds(requestId, correlationId);
        }
        if (e instanceof JsonbException || e instanceof JsonException) {
            return malformed(e).withIds(requestId, correlationId);
        }
        throw e;
    }

    static PartnerCenterUnavailableException translate(ProcessingException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof PartnerCenterUnavailableException unavailable) {
                return unavailable;
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.CONNECTION_FAILED,
                        "Partner Center cannot be reached.", e);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.TIMEOUT,
                        "Partner Center did not answer in time.", e);
            }
            cause = cause.getCause();
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("timed out") || text.contains("timeout")) {
            return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.TIMEOUT,
                    "Partner Center did not answer in time.", e);
        }
        // a body cut short fails inside the JSON reader too, so the broken stream is looked for first
        if (hasCause(e, IOException.class)) {
            return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.CONNECTION_DROPPED,
                    "The connection to Partner Center broke before its answer arrived.", e);
        }
        if (hasCause(e, JsonbException.class) || hasCause(e, JsonException.class)) {
            return malformed(e);
        }
        return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.CONNECTION_FAILED,
                "Partner Center cannot be reached.", e);
    }

    private static PartnerCenterUnavailableException malformed(Exception e) {
        return new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.MALFORMED_RESPONSE,
                "Partner Center sent an answer UserDesk cannot read.", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
