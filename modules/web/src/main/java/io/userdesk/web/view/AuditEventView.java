package io.userdesk.web.view;

import io.userdesk.audit.AuditEvent;
import io.userdesk.web.i18n.Dates;
import io.userdesk.web.i18n.Texts;
import java.util.List;

/**
 * An audit event as pages read it. Expression Language 5 (Jakarta EE 10) cannot read record accessors, so the
 * audit store's record is wrapped in JavaBean getters here rather than shaped for the view in the store.
 */
public class AuditEventView {
    private final AuditEvent event;

    public AuditEventView(AuditEvent event) {
        this.event = event;
    }

    public static List<AuditEventView> of(List<AuditEvent> events) {
        return events.stream().map(AuditEventView::new).toList();
    }

    public long getSeq() { return event.seq(); }
    public String getEventId() { return event.eventId().toString(); }
    /** Full precision with the offset, in the viewer's time zone (stored UTC). */
    public String getOccurredAt() { return Dates.formatPrecise(event.occurredAt()); }
    public String getEventType() { return event.eventType(); }

    /** The action in words, for lists; the stored name stays visible on the event page. */
    public String getActionLabel() {
        return Texts.getOrDefault("audit.action." + event.eventType(), event.eventType());
    }

    /** Date and time to the second in the viewer's time zone and language, for lists. */
    public String getOccurredAtShort() {
        return Dates.format(event.occurredAt());
    }
    public String getOutcome() { return event.outcome(); }
    /** The outcome in the viewer's language (English keeps the stored name). */
    public String getOutcomeLabel() { return Texts.getOrDefault("audit.outcome." + event.outcome(), event.outcome()); }
    public String getActorId() { return event.actorId(); }
    public String getActorName() { return event.actorName(); }
    public String getActorRoles() { return String.join(", ", event.actorRoles()); }
    public String getClientIp() { return event.clientIp(); }
    public String getUserAgent() { return event.userAgent(); }
    public String getCustomerId() { return event.customerId(); }
    public String getCustomerName() { return event.customerName(); }
    public String getUserId() { return event.userId(); }
    public String getUserPrincipalName() { return event.userPrincipalName(); }
    public String getCorrelationId() { return event.correlationId(); }
    public String getRequestId() { return event.requestId(); }
    public Integer getHttpStatus() { return event.httpStatus(); }
    public String getErrorCode() { return event.errorCode(); }
    public String getErrorDescription() { return event.errorDescription(); }
    public Long getDurationMs() { return event.durationMs(); }
    public String getPrevHash() { return event.prevHash(); }
    public String getHash() { return event.hash(); }
}
