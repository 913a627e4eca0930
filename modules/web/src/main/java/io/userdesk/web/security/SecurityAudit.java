package io.userdesk.web.security;

import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.audit.NewAuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the security events (sign-ins, lockouts, staff-account changes, denied requests) to the audit trail.
 *
 * <p>Why one class: every such event needs the same client details and the same rule that no password, hash or token
 * ever goes into it (the store's own guard refuses secret-looking detail keys as well). Sign-in events must not stop
 * sign-in when the audit database is briefly away, so those failures are logged; staff-account changes report it to
 * the admin instead ({@link #staffAccountChanged} throws).
 */
@ApplicationScoped
public class SecurityAudit {
    private static final Logger LOG = Logger.getLogger(SecurityAudit.class.getName());
    private static final int MAX_ATTEMPTED_NAME = 100;

    @Inject
    AuditStore audit;

    @Inject
    HttpServletRequest request;

    /**
     * {@code displayName} is the staff member's name (so that a search by name finds their sign-ins too);
     * {@code method} is how they signed in: {@code password} or {@code oidc}.
     */
    public void signInSucceeded(String username, String displayName, Collection<String> roles, String channel,
                                String method) {
        quietly(base(AuditEventType.SIGN_IN_SUCCEEDED, AuditOutcome.SUCCEEDED, username, displayName, roles)
                .details(Map.of("channel", channel, "method", method)).build());
    }

    /** {@code attemptedUsername} is what was typed (cut to 100 characters); the password never is. */
    public void signInFailed(String attemptedUsername, String reason, String channel, String method) {
        signInFailed(attemptedUsername, reason, channel, method, Map.of());
    }

    /**
     * As above, with extra details that help an admin (e.g. the provider groups of a single sign-on that gave no role);
     * never a secret.
     */
    public void signInFailed(String attemptedUsername, String reason, String channel, String method,
                             Map<String, Object> extra) {
        String name = attemptedUsername == null || attemptedUsername.isBlank() ? "(blank)"
                : attemptedUsername.length() > MAX_ATTEMPTED_NAME ? attemptedUsername.substring(0, MAX_ATTEMPTED_NAME)
                : attemptedUsername;
        Map<String, Object> details = new java.util.LinkedHashMap<>(extra);
        details.put("reason", reason);
        details.put("channel", channel);
        details.put("method", method);
        quietly(base(AuditEventType.SIGN_IN_FAILED, AuditOutcome.REJECTED, name, null, List.of())
                .details(details).build());
    }

    public void accountLocked(String username, String displayName, long lockedSeconds, int failures) {
        quietly(base(AuditEventType.ACCOUNT_LOCKED, AuditOutcome.SUCCEEDED, username, displayName, List.of())
                .details(Map.of("lockedSeconds", lockedSeconds, "failedSignIns", failures)).build());
    }

    /** Throws {@link AuditUnavailableException} so the admin learns that the change is not in the trail. */
    public void staffAccountChanged(String actorId, String actorName, Collection<String> actorRoles, String target,
                                    String action, List<Map<String, String>> changes) {
        audit.append(base(AuditEventType.STAFF_ACCOUNT_CHANGED, AuditOutcome.SUCCEEDED, actorId, actorName, actorRoles)
                .details(Map.of("account", target, "action", action, "changes", changes)).build());
    }

    public void authorizationDenied(String actorId, Collection<String> roles, String method, String path, int status) {
        quietly(base(AuditEventType.AUTHORIZATION_DENIED, AuditOutcome.REJECTED,
                actorId == null ? "(anonymous)" : actorId, null, roles)
                .httpStatus(status).details(Map.of("method", method, "path", path)).build());
    }

    private NewAuditEvent.Builder base(AuditEventType type, AuditOutcome outcome, String actorId, String actorName,
                                       Collection<String> roles) {
        NewAuditEvent.Builder builder = NewAuditEvent.builder(type, outcome).actor(actorId, actorName, roles);
        try {
            builder.client(request.getRemoteAddr(), request.getHeader("User-Agent"));
        } catch (ContextNotActiveException | IllegalStateException | NullPointerException noRequest) {
            // at start-up (bootstrap admin) there is no client
        }
        return builder;
    }

    private void quietly(NewAuditEvent event) {
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            LOG.log(Level.SEVERE, event.eventType() + " could not be audited: " + e.getMessage());
        }
    }
}
