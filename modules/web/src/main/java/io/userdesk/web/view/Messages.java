package io.userdesk.web.view;

import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterUnavailableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Puts messages on the page, and turns the failures a user can meet into sentences that say what to do next. */
final class Messages {

    private Messages() {
    }

    static void info(String summary, String detail) {
        add(null, FacesMessage.SEVERITY_INFO, summary, detail);
    }

    static void error(String summary, String detail) {
        add(null, FacesMessage.SEVERITY_ERROR, summary, detail);
    }

    /** A message at a field; the field's message component shows the detail, so the text is both. */
    static void fieldError(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        // an empty detail, not null: Faces would otherwise repeat the summary as the detail
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, detail == null ? "" : detail));
    }

    /** A user-facing explanation of a failure talking to Partner Center or the audit, with the id support will ask for. */
    static void failure(RuntimeException e) {
        if (e instanceof PartnerCenterException pc) {
            String what = switch (pc.category()) {
                case NOT_FOUND -> "Partner Center could not find it: " + pc.description();
                case ALREADY_EXISTS -> "Partner Center refused the change because it conflicts with another object: " + pc.description();
                case BAD_INPUT -> "Partner Center rejected the change: " + pc.description();
                case TOO_MANY_REQUESTS -> "Partner Center is busy" + (pc.retryAfterSeconds() == null ? "; try again shortly."
                        : " — try again in " + pc.retryAfterSeconds() + " s.");
                case UNAUTHORIZED, FORBIDDEN -> "Partner Center refused UserDesk's credentials. Ask an administrator to check them.";
                default -> "Partner Center failed (HTTP " + pc.status() + "). Nothing was changed; try again later.";
            };
            error(what, correlation(pc.correlationId()));
        } else if (e instanceof PartnerCenterUnavailableException down) {
            String what = switch (down.reason()) {
                case TIMEOUT -> "Partner Center did not answer in time. The change may or may not have been applied: "
                        + "open the user again to check before retrying.";
                case NOT_CONFIGURED -> "Partner Center is not configured for this portal. Ask an administrator.";
                case NOT_AUTHENTICATED -> "UserDesk could not sign in to Partner Center. Nothing was changed; ask an "
                        + "administrator to check its Partner Center credentials.";
                case CIRCUIT_OPEN -> "Partner Center is failing, so UserDesk has paused calls to it. Nothing was sent; "
                        + "try again in " + down.retryInSeconds() + " s.";
                case CONNECTION_DROPPED, MALFORMED_RESPONSE -> "The answer from Partner Center was lost or unreadable. "
                        + "The change may or may not have been applied: open the user again to check before retrying.";
                default -> "Partner Center cannot be reached. Nothing was changed; try again later.";
            };
            error(what, correlation(down.correlationId()));
        } else if (e instanceof AuditUnavailableException) {
            error("The audit trail cannot be written right now, so nothing was sent to Partner Center.",
                    "Try again later, or ask an administrator to check the database.");
        } else {
            throw e;
        }
    }

    private static String correlation(String correlationId) {
        return correlationId == null ? null : "Correlation id: " + correlationId;
    }
}
