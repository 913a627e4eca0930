package io.userdesk.web.edit;

import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.client.CallEvent;
import io.userdesk.client.PartnerCenterCallListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a {@code USER_UPDATE_RETRY} audit event for every retried Partner Center call of a change, so the trail of
 * one correlation id reads: attempt, each retry (its status, {@code Retry-After}, reason, wait and the request id of
 * the next try), outcome. The gateway reports every call; only those of a change that {@link UserEditService} is
 * following are audited (reads are not audited), with the actor the change belongs to.
 *
 * <p>An audit failure here is left to the gateway, which logs it and goes on: a retry record cannot be a reason to
 * abandon a change whose attempt is already audited.
 */
@ApplicationScoped
public class RetryAudit implements PartnerCenterCallListener {
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private record Followed(Actor actor, Instant since) {
    }

    private final Map<String, Followed> followed = new ConcurrentHashMap<>();

    @Inject
    AuditStore audit;

    /** Audits the retries of calls with this correlation id from now on, in the name of {@code actor}. */
    public void follow(String correlationId, Actor actor) {
        Instant now = Instant.now();
        followed.values().removeIf(f -> f.since().isBefore(now.minus(FORGET_AFTER)));
        followed.put(correlationId, new Followed(actor, now));
    }

    @Override
    public void onEvent(CallEvent event) {
        Followed change = followed.get(event.correlationId());
        if (change == null) {
            return;
        }
        if (event.kind() == CallEvent.Kind.OUTCOME && "updateUser".equals(event.operation())) {
            followed.remove(event.correlationId());
            return;
        }
        if (event.kind() != CallEvent.Kind.RETRY) {
            return;
        }
        Actor actor = change.actor();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", event.operation());
        details.put("failedAttempt", event.attempt());
        details.put("reason", event.failure());
        if (event.retryAfterSeconds() != null) {
            details.put("retryAfterSeconds", event.retryAfterSeconds());
        }
        details.put("waitMs", event.delayMs());
        audit.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_RETRY, AuditOutcome.PENDING)
                .actor(actor.id(), actor.displayName(), actor.roles())
                .client(actor.clientIp(), actor.userAgent())
                .customer(event.customerId(), null)
                .user(event.userId(), null)
                .correlationId(event.correlationId())
                .requestId(event.requestId())
                .httpStatus(event.httpStatus())
                .error(event.failure(), describe(event))
                .details(details)
                .build());
    }

    private static String describe(CallEvent event) {
        String why = event.httpStatus() != null ? "Partner Center answered " + event.httpStatus()
                : "Partner Center gave no answer (" + event.failure() + ")";
        return why + (event.retryAfterSeconds() == null ? "" : " with Retry-After " + event.retryAfterSeconds() + " s")
                + "; retried after " + event.delayMs() + " ms.";
    }
}
