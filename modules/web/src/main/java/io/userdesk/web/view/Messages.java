package io.userdesk.web.view;

import io.userdesk.api.validation.FieldViolation;
import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.client.PartnerCenterException;
import io.userdesk.client.PartnerCenterUnavailableException;
import io.userdesk.web.i18n.Texts;
import io.userdesk.web.security.StaffAdministration;
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
                case NOT_FOUND -> Texts.get("failure.notFound", pc.description());
                case ALREADY_EXISTS -> Texts.get("failure.alreadyExists", pc.description());
                case BAD_INPUT -> Texts.get("failure.badInput", pc.description());
                case TOO_MANY_REQUESTS -> pc.retryAfterSeconds() == null ? Texts.get("failure.busy")
                        : Texts.get("failure.busyRetry", String.valueOf(pc.retryAfterSeconds()));
                case UNAUTHORIZED, FORBIDDEN -> Texts.get("failure.credentials");
                default -> Texts.get("failure.http", String.valueOf(pc.status()));
            };
            error(what, correlation(pc.correlationId()));
        } else if (e instanceof PartnerCenterUnavailableException down) {
            String what = switch (down.reason()) {
                case TIMEOUT -> Texts.get("failure.timeout");
                case NOT_CONFIGURED -> Texts.get("failure.notConfigured");
                case NOT_AUTHENTICATED -> Texts.get("failure.notAuthenticated");
                case CIRCUIT_OPEN -> Texts.get("failure.circuitOpen", String.valueOf(down.retryInSeconds()));
                case CONNECTION_DROPPED, MALFORMED_RESPONSE -> Texts.get("failure.answerLost");
                default -> Texts.get("failure.unreachable");
            };
            error(what, correlation(down.correlationId()));
        } else if (e instanceof AuditUnavailableException) {
            error(Texts.get("failure.auditDown"), Texts.get("failure.auditDownDetail"));
        } else {
            throw e;
        }
    }

    /** A broken validation rule in the viewer's language, by its code; the English message when the code is unknown. */
    static String violation(FieldViolation violation) {
        return Texts.getOrDefault("rule." + violation.code(), violation.message(), violation.arguments().toArray());
    }

    /** A staff-administration refusal in the viewer's language, by its code; its English message otherwise. */
    static String refusal(StaffAdministration.Refused refused) {
        return refused.code() == null ? refused.getMessage()
                : Texts.getOrDefault("refused." + refused.code(), refused.getMessage(), refused.arguments().toArray());
    }

    static String correlation(String correlationId) {
        return correlationId == null ? null : Texts.get("common.correlationIdValue", correlationId);
    }
}
