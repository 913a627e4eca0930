package io.userdesk.web.audit;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.audit.OpenAttempts;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.client.PartnerCenterUnavailableException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settles attempts whose outcome was never written — the portal was killed between "asked Partner Center" and "got an
 * answer" — by reading the user back from Partner Center and appending a {@code USER_UPDATE_RECONCILED} event with the
 * same correlation id.
 *
 * <p>Why a timer (every 15 s) rather than only a start-up step: at start Partner Center (or, in demo mode, the emulator
 * deployed beside the portal) may not answer yet, and another instance may have died meanwhile. Only changes whose
 * newest event (the attempt or its latest retry) is older than {@code userdesk.audit.reconcile.min-age-seconds}
 * (default 300: a live change writes nothing while its Partner Center calls succeed, which with the 30 s read
 * timeout and a token renewal can take two minutes; each failed try writes a retry) are taken, so a
 * change still in flight on a live instance, even one that keeps retrying, is never settled by guesswork. Several
 * instances may race on one orphan; the second one usually sees the first one's event and skips. Each look reads only the attempts since the
 * previous one (or since the oldest it could not settle), so the timer costs a few index reads, not a scan of the
 * trail; a full look once an hour is the safety net.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptReconciler {
    private static final Logger LOG = Logger.getLogger(AttemptReconciler.class.getName());

    /** The actor of reconciliation events: the portal itself. */
    public static final String SYSTEM_ACTOR = "userdesk-system";

    private static final Set<String> SETTLING = Set.of(AuditEventType.USER_UPDATE_OUTCOME.name(),
            AuditEventType.USER_UPDATE_RECONCILED.name());

    @Inject
    AuditStore audit;

    @Inject
    PartnerCenterGateway partnerCenter;

    /** How often a look reads the whole trail anyway, as a safety net (see {@link #reconcileOrphans()}). */
    private static final Duration FULL_LOOK_EVERY = Duration.ofHours(1);

    /**
     * How far the previous look got: the next one reads only attempts from here on (see {@link OpenAttempts}). Null
     * after a start, so the first look reads the whole trail, which is what finds the attempts a killed instance left.
     */
    private Instant lookFrom;

    /** When a look last read the whole trail (this JVM's clock). */
    private Instant lastFullLook;

    /**
     * Looks for orphaned attempts and settles them. Each look reads from where the previous one stopped, overlapping
     * by the age limit so that an attempt whose commit became visible late still falls into the next look, or from the
     * oldest attempt it could not settle. Once an hour it reads the whole trail, which catches what no watermark can
     * (a commit held up for minutes, a database clock set back).
     */
    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void reconcileOrphans() {
        long minAge = ConfigProvider.getConfig()
                .getOptionalValue("userdesk.audit.reconcile.min-age-seconds", Long.class).orElse(300L);
        Instant now = Instant.now();
        boolean fullLook = lastFullLook == null || now.isAfter(lastFullLook.plus(FULL_LOOK_EVERY));
        try {
            OpenAttempts open = audit.findAttemptsWithoutOutcome(minAge, fullLook ? null : lookFrom);
            if (fullLook) {
                lastFullLook = now;
            }
            Instant next = open.checkedUpTo();
            for (AuditEvent attempt : open.attempts()) {
                boolean settled;
                try {
                    settled = reconcile(attempt, open.checkedUpTo());
                } catch (RuntimeException e) {
                    LOG.warning("Attempt " + attempt.seq() + " not reconciled now (next try in 15 s): " + e.getMessage());
                    settled = false;
                }
                if (!settled && attempt.occurredAt().isBefore(next)) {
                    next = attempt.occurredAt();
                }
            }
            lookFrom = next.minusSeconds(minAge);
        } catch (RuntimeException e) {
            LOG.warning("Orphaned attempts not reconciled now (next try in 15 s): " + e.getMessage());
        }
    }

    /**
     * Reads the user back and records the verdict.
     *
     * @param attempt an attempt without an outcome, older than the age limit
     * @param quietSince the database time the age limit points to: the change is an orphan only if nothing of it
     *                   (attempt or retry) was written after this
     * @return true when the attempt is settled (by this call or, racing it, by another instance); false when it may
     *         still be running (a retry is younger than the age limit) or Partner Center does not answer, and the
     *         attempt waits for the next run
     */
    boolean reconcile(AuditEvent attempt, Instant quietSince) {
        List<AuditEvent> change = audit.findByCorrelationId(attempt.correlationId());
        // only an outcome or a reconciliation settles an attempt; retries share the correlation id but do not
        if (change.stream().anyMatch(e -> SETTLING.contains(e.eventType()))) {
            return true;
        }
        // a live change that keeps retrying writes a retry at least every read timeout: it is not an orphan until it
        // has been quiet for the whole age limit
        if (change.stream().anyMatch(e -> e.occurredAt().isAfter(quietSince))) {
            return false;
        }
        Map<String, Object> requested = requested(attempt.details());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attemptSeq", attempt.seq());
        details.put("requested", requested);
        details.put("method", "read the user back from Partner Center");
        NewAuditEvent.Builder event;
        String customerName = attempt.customerName();
        try {
            customerName = partnerCenter.getCustomer(attempt.correlationId(), attempt.customerId()).companyName();
            CustomerUser current = partnerCenter.getUser(attempt.correlationId(), attempt.customerId(), attempt.userId());
            ReconciliationVerdict verdict = ReconciliationVerdict.decide(requested, current);
            details.put("current", view(current));
            details.put("verdict", verdict.explanation());
            event = NewAuditEvent.builder(AuditEventType.USER_UPDATE_RECONCILED, verdict.outcome())
                    .user(attempt.userId(), current.getUserPrincipalName());
        } catch (PartnerCenterException e) {
            details.put("verdict", "Partner Center refused to return the user (" + e.getMessage()
                    + "): whether the change was applied is unknown.");
            event = NewAuditEvent.builder(AuditEventType.USER_UPDATE_RECONCILED, io.userdesk.audit.AuditOutcome.UNKNOWN)
                    .user(attempt.userId(), attempt.userPrincipalName());
        } catch (PartnerCenterUnavailableException e) {
            LOG.info("Attempt " + attempt.seq() + " not reconciled yet: Partner Center does not answer");
            return false;
        }
        audit.append(event.actor(SYSTEM_ACTOR, "UserDesk (reconciliation)", List.of())
                .customer(attempt.customerId(), customerName)
                .correlationId(attempt.correlationId()).requestId(attempt.requestId())
                .details(details).build());
        LOG.info("Reconciled orphaned attempt " + attempt.seq() + " (correlation id " + attempt.correlationId() + ")");
        return true;
    }

    private static Map<String, Object> requested(String detailsJson) {
        Map<String, Object> requested = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(detailsJson))) {
            JsonObject details = reader.readObject();
            JsonObject asked = details.getJsonObject("requested");
            if (asked != null) {
                for (Map.Entry<String, JsonValue> field : asked.entrySet()) {
                    JsonValue value = field.getValue();
                    requested.put(field.getKey(), switch (value.getValueType()) {
                        case STRING -> ((jakarta.json.JsonString) value).getString();
                        case TRUE -> Boolean.TRUE;
                        case FALSE -> Boolean.FALSE;
                        default -> value.toString();
                    });
                }
            }
        }
        return requested;
    }

    private static Map<String, Object> view(CustomerUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("displayName", user.getDisplayName());
        view.put("firstName", user.getFirstName());
        view.put("lastName", user.getLastName());
        view.put("userPrincipalName", user.getUserPrincipalName());
        view.put("usageLocation", user.getUsageLocation());
        return view;
    }
}
