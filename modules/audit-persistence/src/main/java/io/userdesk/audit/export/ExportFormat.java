package io.userdesk.audit.export;

import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditHashing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The layout of an export bundle, shared by the writer and the verifier so that the two can never disagree.
 *
 * <p>A bundle is a ZIP with {@value #EVENTS_JSONL} (one event per line, the stored columns), {@value #EVENTS_CSV} (the
 * same events for spreadsheets), {@value #CHAIN_CSV} (seq, event id, prev hash and hash of every event from the first
 * exported one up to the covering checkpoint: what links a filtered set to the signed head) and {@value #MANIFEST}
 * (filters, range, SHA-256 of each file, the covering signed checkpoint and the public key).
 */
final class ExportFormat {

    static final String FORMAT = "userdesk-audit-export/1";
    static final String EVENTS_JSONL = "events.jsonl";
    static final String EVENTS_CSV = "events.csv";
    static final String CHAIN_CSV = "chain.csv";
    static final String MANIFEST = "manifest.json";

    static final List<String> CSV_COLUMNS = List.of("seq", "eventId", "occurredAt", "eventType", "outcome",
            "actorId", "actorName", "actorRoles", "clientIp", "userAgent", "customerId", "customerName", "userId",
            "userPrincipalName", "correlationId", "requestId", "httpStatus", "errorCode", "errorDescription",
            "durationMs", "details", "prevHash", "hash");

    private ExportFormat() {
    }

    /**
     * One event as a JSON Lines line (canonical JSON, no newline): the hashed content with the {@code hash} member
     * at its sorted place (before {@code httpStatus}).
     */
    static String jsonLine(AuditEvent e) {
        return AuditHashing.canonicalContentWithHash(e);
    }

    /** Reads a line written by {@link #jsonLine(AuditEvent)}. */
    @SuppressWarnings("unchecked")
    static AuditEvent parseJsonLine(String line) {
        Map<String, Object> json = (Map<String, Object>) JsonText.parse(line);
        Long httpStatus = (Long) json.get("httpStatus");
        return new AuditEvent(
                (Long) json.get("seq"),
                UUID.fromString((String) json.get("eventId")),
                Instant.parse((String) json.get("occurredAt")),
                (String) json.get("eventType"),
                (String) json.get("outcome"),
                (String) json.get("actorId"),
                (String) json.get("actorName"),
                (List<String>) json.get("actorRoles"),
                (String) json.get("clientIp"),
                (String) json.get("userAgent"),
                (String) json.get("customerId"),
                (String) json.get("customerName"),
                (String) json.get("userId"),
                (String) json.get("userPrincipalName"),
                (String) json.get("correlationId"),
                (String) json.get("requestId"),
                httpStatus == null ? null : Math.toIntExact(httpStatus),
                (String) json.get("errorCode"),
                (String) json.get("errorDescription"),
                (Long) json.get("durationMs"),
                (String) json.get("details"),
                (String) json.get("prevHash"),
                (String) json.get("hash"));
    }

    /** One event as a CSV record (RFC 4180), with CRLF. */
    static String csvLine(AuditEvent e) {
        List<Object> values = new ArrayList<>(List.of(e.seq(), e.eventId(),
                AuditHashing.formatOccurredAt(e.occurredAt()), e.eventType(), e.outcome(), e.actorId()));
        values.add(e.actorName());
        values.add(String.join(",", e.actorRoles()));
        values.add(e.clientIp());
        values.add(e.userAgent());
        values.add(e.customerId());
        values.add(e.customerName());
        values.add(e.userId());
        values.add(e.userPrincipalName());
        values.add(e.correlationId());
        values.add(e.requestId());
        values.add(e.httpStatus());
        values.add(e.errorCode());
        values.add(e.errorDescription());
        values.add(e.durationMs());
        values.add(e.details());
        values.add(e.prevHash());
        values.add(e.hash());
        return csvRecord(values);
    }

    static String csvRecord(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            // a leading =, +, - or @ would be run as a formula by spreadsheets: quote-and-prefix it
            boolean formula = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number);
            if (formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                line.append('"').append(formula ? "'" : "").append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }
}
