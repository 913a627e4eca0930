package io.userdesk.web.view;

import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.audit.ChainVerification;
import io.userdesk.web.audit.AuditReview;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditStore;
import io.userdesk.web.i18n.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One audit event in full: who, when, where, what was asked, before → after, the outcome and the linked events. */
@Named
@RequestScoped
public class AuditEventBacking {

    /** A row of a two-column table: a field and a value, or a field and its before → after. */
    public record Row(String field, String before, String after) {
        public String getField() { return field; }
        public String getBefore() { return before; }
        public String getAfter() { return after; }
    }

    @Inject
    AuditStore audit;

    @Inject
    AuditReview review;

    @Inject
    CurrentStaff currentStaff;

    private Long seq;
    private AuditEvent event;
    private List<AuditEventView> linked = List.of();
    private List<Row> requested = List.of();
    private List<Row> changes = List.of();
    private String reason;
    private String chainStatus;
    private boolean chainValid;
    private String sent;
    private String returned;
    private String before;

    public void load() {
        if (seq == null) {
            Messages.error(Texts.get("auditEvent.choose"), null);
            return;
        }
        try {
            event = review.open(currentStaff.actor(), seq).orElse(null);
        } catch (AuditUnavailableException e) {
            Messages.error(Texts.get("audit.unavailable"), Texts.get("common.tryLaterOrAdmin"));
            return;
        }
        if (event == null) {
            Messages.error(Texts.get("auditEvent.notFound", String.valueOf(seq)), null);
            return;
        }
        ChainVerification link = audit.verify(seq, seq);
        chainValid = link.valid();
        chainStatus = link.valid()
                ? Texts.get("auditEvent.verified", String.valueOf(seq - 1))
                : Texts.get("auditEvent.notVerified", link.reason());
        sent = detailText("sent");
        returned = detailText("returned");
        before = detailText("before");
        if (event.correlationId() != null) {
            linked = AuditEventView.of(audit.findByCorrelationId(event.correlationId()));
        }
        JsonObject details;
        try (var reader = Json.createReader(new StringReader(event.details()))) {
            details = reader.readObject();
        }
        List<Row> requestedRows = new ArrayList<>();
        JsonObject asked = details.getJsonObject("requested");
        if (asked != null) {
            for (Map.Entry<String, JsonValue> entry : asked.entrySet()) {
                requestedRows.add(new Row(entry.getKey(), null, text(entry.getValue())));
            }
        }
        requested = requestedRows;
        List<Row> changeRows = new ArrayList<>();
        if (details.containsKey("changes")) {
            for (JsonValue value : details.getJsonArray("changes")) {
                JsonObject change = value.asJsonObject();
                changeRows.add(new Row(text(change.get("field")), text(change.get("before")), text(change.get("after"))));
            }
        }
        changes = changeRows;
        reason = details.containsKey("reason") ? text(details.get("reason")) : null;
    }

    private String detailText(String member) {
        try (var reader = Json.createReader(new StringReader(event.details()))) {
            JsonObject details = reader.readObject();
            return details.containsKey(member) ? details.get(member).toString() : null;
        }
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            return ((jakarta.json.JsonString) value).getString();
        }
        return value.toString();
    }

    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public AuditEventView getEvent() { return event == null ? null : new AuditEventView(event); }
    public List<AuditEventView> getLinked() { return linked; }
    public List<Row> getRequested() { return requested; }
    public List<Row> getChanges() { return changes; }
    public String getReason() { return reason; }
    public String getChainStatus() { return chainStatus; }
    public boolean isChainValid() { return chainValid; }
    public String getSent() { return sent; }
    public String getReturned() { return returned; }
    public String getBefore() { return before; }
}
