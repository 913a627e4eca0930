package io.userdesk.web.rest;

import io.userdesk.audit.AuditEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/** An audit event as the API shows it: every column, with {@code details} as JSON rather than as a string. */
final class AuditEventJson {

    private AuditEventJson() {
    }

    static JsonObject of(AuditEvent e) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("seq", e.seq())
                .add("eventId", e.eventId().toString())
                .add("occurredAt", e.occurredAt().toString())
                .add("eventType", e.eventType())
                .add("outcome", e.outcome())
                .add("actorId", e.actorId());
        addIfPresent(json, "actorName", e.actorName());
        JsonArrayBuilder roles = Json.createArrayBuilder();
        e.actorRoles().forEach(roles::add);
        json.add("actorRoles", roles);
        addIfPresent(json, "clientIp", e.clientIp());
        addIfPresent(json, "userAgent", e.userAgent());
        addIfPresent(json, "customerId", e.customerId());
        addIfPresent(json, "customerName", e.customerName());
        addIfPresent(json, "userId", e.userId());
        addIfPresent(json, "userPrincipalName", e.userPrincipalName());
        addIfPresent(json, "correlationId", e.correlationId());
        addIfPresent(json, "requestId", e.requestId());
        if (e.httpStatus() != null) {
            json.add("httpStatus", e.httpStatus());
        }
        addIfPresent(json, "errorCode", e.errorCode());
        addIfPresent(json, "errorDescription", e.errorDescription());
        if (e.durationMs() != null) {
            json.add("durationMs", e.durationMs());
        }
        try (var reader = Json.createReader(new StringReader(e.details()))) {
            json.add("details", reader.readValue());
        }
        json.add("prevHash", e.prevHash()).add("hash", e.hash());
        return json.build();
    }

    private static void addIfPresent(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
