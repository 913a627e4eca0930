package io.userdesk.web.edit;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.validation.CustomerUserRules;
import io.userdesk.api.validation.FieldViolation;
import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.client.PartnerCenterUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import io.userdesk.web.security.CustomerScope;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Edits a customer user through Partner Center with the audit first: the portal's core promise. The order is fixed
 * and each step's failure has one meaning:
 * <ol>
 * <li>Field rules (shared with the emulator and the UI). Broken → a {@code USER_UPDATE_REJECTED} event, nothing sent.</li>
 * <li>An attempt event ({@code PENDING}) is committed. If that fails, {@link AuditUnavailableException} propagates and
 *     nothing is sent: no PATCH without its audit.</li>
 * <li>The customer (for its domains and name) and the user as it is now are read; the UPN domain rule is checked.</li>
 * <li>The PATCH is sent with the request id recorded in the attempt.</li>
 * <li>An outcome event linked by correlation id: succeeded with before → after per field, or failed with Partner
 *     Center's status and error, or unknown after a timeout.</li>
 * </ol>
 * A password appears in the PATCH body only; the audit sees {@code "changed"} and the force-change flag. Restoring a
 * deleted user is the same PATCH use case with the documented body {@code state: "active"}, so it is audited the same way.
 */
@ApplicationScoped
public class UserEditService {
    private static final Logger LOG = Logger.getLogger(UserEditService.class.getName());

    @Inject
    PartnerCenterGateway partnerCenter;

    @Inject
    CustomerScope scope;

    @Inject
    AuditStore audit;

    @Inject
    RetryAudit retryAudit;

    /** Checks a requested change without sending or auditing anything; used by the UI to show messages at the fields. */
    public List<FieldViolation> check(CustomerUser requested, Customer customer) {
        CustomerUser body = UserChangeSet.patchBody(requested);
        return CustomerUserRules.validateChanges(body, customer == null ? null : customer.allDomains());
    }

    public EditResult updateUser(Actor actor, String customerId, String userId, CustomerUser requested, String reason) {
        return send(actor, customerId, userId, UserChangeSet.patchBody(requested == null ? new CustomerUser() : requested),
                reason);
    }

    /**
     * Restores a deleted user (Partner Center keeps one for 30 days): a PATCH with {@code state: "active"} only,
     * audited exactly like an edit (attempt first, then the outcome with state inactive → active).
     */
    public EditResult restoreUser(Actor actor, String customerId, String userId, String reason) {
        return send(actor, customerId, userId, UserChangeSet.restoreBody(), reason);
    }

    private EditResult send(Actor actor, String customerId, String userId, CustomerUser body, String reason) {
        scope.requireVisible(customerId);
        String correlationId = PartnerCenterGateway.newId();
        String requestId = PartnerCenterGateway.newId();
        Map<String, Object> requestedView = UserChangeSet.auditView(body);

        List<FieldViolation> violations = UserChangeSet.isEmpty(body)
                ? List.of(new FieldViolation("changes", "changes.empty", "Change at least one field."))
                : CustomerUserRules.validateChanges(body, null);
        if (!violations.isEmpty()) {
            audit.append(event(AuditEventType.USER_UPDATE_REJECTED, AuditOutcome.REJECTED, actor, customerId, userId,
                    correlationId, null).httpStatus(400)
                    .error("validation", summary(violations))
                    .details(details(requestedView, reason, violations, null)).build());
            throw new ValidationFailedException(violations, correlationId);
        }

        audit.append(event(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING, actor, customerId, userId,
                correlationId, requestId).details(details(requestedView, reason, null, null)).build());
        retryAudit.follow(correlationId, actor);

        long started = System.nanoTime();
        Customer customer;
        CustomerUser before;
        try {
            customer = partnerCenter.getCustomer(correlationId, customerId);
            before = partnerCenter.getUser(correlationId, customerId, userId);
        } catch (PartnerCenterException e) {
            recordFailure(actor, customerId, null, userId, null, correlationId, requestId, started, requestedView, reason, e);
            throw e;
        } catch (PartnerCenterUnavailableException e) {
            recordUnavailable(actor, customerId, null, userId, null, correlationId, requestId, started, requestedView, reason, e, false);
            throw e;
        }

        List<FieldViolation> domainViolations = CustomerUserRules.validateChanges(body, customer.allDomains());
        if (!domainViolations.isEmpty()) {
            appendOutcome(event(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.REJECTED, actor, customerId, userId,
                    correlationId, requestId).customer(customerId, customer.companyName())
                    .user(userId, before.getUserPrincipalName()).httpStatus(400)
                    .error("validation", summary(domainViolations)).durationMs(elapsed(started))
                    .details(details(requestedView, reason, domainViolations, null)).build());
            throw new ValidationFailedException(domainViolations, correlationId);
        }

        CustomerUser after;
        try {
            after = partnerCenter.updateUser(requestId, correlationId, customerId, userId, body);
        } catch (PartnerCenterException e) {
            recordFailure(actor, customerId, customer.companyName(), userId, before.getUserPrincipalName(), correlationId,
                    requestId, started, requestedView, reason, e);
            throw e;
        } catch (PartnerCenterUnavailableException e) {
            recordUnavailable(actor, customerId, customer.companyName(), userId, before.getUserPrincipalName(), correlationId,
                    requestId, started, requestedView, reason, e, true);
            throw e;
        }
        after.setPasswordProfile(null);
        List<FieldChange> changes = UserChangeSet.changes(before, after, body);
        appendOutcome(event(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.SUCCEEDED, actor, customerId, userId,
                correlationId, requestId).customer(customerId, customer.companyName())
                .user(userId, before.getUserPrincipalName()).httpStatus(200).durationMs(elapsed(started))
                .details(threeWayRecord(details(requestedView, reason, null, UserChangeSet.auditView(changes)),
                        before, body, after)).build());
        return new EditResult(after, changes, correlationId, requestId);
    }

    private void recordFailure(Actor actor, String customerId, String customerName, String userId, String upn,
                               String correlationId, String requestId, long started, Map<String, Object> requestedView,
                               String reason, PartnerCenterException e) {
        appendOutcome(event(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.FAILED, actor, customerId, userId,
                correlationId, requestId).customer(customerId, customerName).user(userId, upn)
                .httpStatus(e.status()).error(e.faultCode(), e.description()).durationMs(elapsed(started))
                .details(details(requestedView, reason, null, null)).build());
    }

    private void recordUnavailable(Actor actor, String customerId, String customerName, String userId, String upn,
                                   String correlationId, String requestId, long started, Map<String, Object> requestedView,
                                   String reason, PartnerCenterUnavailableException e, boolean patchWasSent) {
        AuditOutcome outcome = patchWasSent && e.outcomeUnknown() ? AuditOutcome.UNKNOWN : AuditOutcome.FAILED;
        appendOutcome(event(AuditEventType.USER_UPDATE_OUTCOME, outcome, actor, customerId, userId, correlationId, requestId)
                .customer(customerId, customerName).user(userId, upn)
                .error(e.reason().name(), e.getMessage()).durationMs(elapsed(started))
                .details(details(requestedView, reason, null, null)).build());
    }

    /**
     * Writes an outcome. The attempt is already recorded; if the outcome cannot be written the change itself still
     * stands, so the failure is logged (without any request content) and the attempt stays {@code PENDING}.
     */
    private void appendOutcome(NewAuditEvent event) {
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            LOG.log(Level.SEVERE, "The outcome of correlation id " + event.correlationId()
                    + " could not be audited; the attempt stays pending: " + e.getMessage());
        }
    }

    private static NewAuditEvent.Builder event(AuditEventType type, AuditOutcome outcome, Actor actor, String customerId,
                                               String userId, String correlationId, String requestId) {
        return NewAuditEvent.builder(type, outcome)
                .actor(actor.id(), actor.displayName(), actor.roles())
                .client(actor.clientIp(), actor.userAgent())
                .customer(customerId, null)
                .user(userId, null)
                .correlationId(correlationId)
                .requestId(requestId);
    }

    /**
     * Adds the three-way record to a successful outcome: the user as read just before the change, the body actually
     * sent, and the user Partner Center returned (passwords only ever as "changed").
     */
    private static Map<String, Object> threeWayRecord(Map<String, Object> details, CustomerUser before,
                                                      CustomerUser sent, CustomerUser returned) {
        details.put("before", UserChangeSet.auditView(before));
        details.put("sent", UserChangeSet.auditView(sent));
        details.put("returned", UserChangeSet.auditView(returned));
        return details;
    }

    private static Map<String, Object> details(Map<String, Object> requested, String reason, List<FieldViolation> violations,
                                               List<Map<String, Object>> changes) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requested", requested);
        if (reason != null && !reason.isBlank()) {
            details.put("reason", reason.trim());
        }
        if (violations != null) {
            details.put("violations", violations.stream().map(v -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("field", v.field());
                entry.put("code", v.code());
                entry.put("message", v.message());
                return entry;
            }).toList());
        }
        if (changes != null) {
            details.put("changes", changes);
        }
        return details;
    }

    private static String summary(List<FieldViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
