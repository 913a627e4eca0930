package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewAuditEventTest {

    private static NewAuditEvent.Builder attempt() {
        return NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
                .actor("alice", "Alice", Set.of("agent"));
    }

    @Test
    void buildsWithFreshEventIdsAndEmptyDefaults() {
        long before = System.currentTimeMillis();
        NewAuditEvent first = attempt().build();
        NewAuditEvent second = attempt().build();
        long after = System.currentTimeMillis();
        assertNotEquals(first.eventId(), second.eventId());
        assertEquals(7, first.eventId().version(), "time-ordered ids keep the event_id index appending at its end");
        long idMillis = first.eventId().getMostSignificantBits() >>> 16;
        assertTrue(idMillis >= before && idMillis <= after, "the id carries the time it was built");
        assertEquals(Map.of(), first.details());
        assertEquals("{}", first.detailsJson());
        assertNull(first.customerId());
        assertNull(first.httpStatus());
    }

    @Test
    void requiresAnActorId() {
        NewAuditEvent.Builder noActor = NewAuditEvent.builder(AuditEventType.USER_UPDATE_REJECTED, AuditOutcome.REJECTED);
        assertThrows(IllegalArgumentException.class, noActor::build);
        assertThrows(IllegalArgumentException.class, () -> attempt().actor(" ", "x", null).build());
    }

    @Test
    void sortsAndDeduplicatesRolesAndRejectsTheSeparator() {
        assertEquals(List.of("admin", "agent", "reviewer"),
                attempt().actor("a", null, List.of("reviewer", "admin", "agent", "admin")).build().actorRoles());
        assertEquals(List.of(), attempt().actor("a", null, null).build().actorRoles());
        assertThrows(IllegalArgumentException.class, () -> attempt().actor("a", null, List.of("agent,admin")).build());
        assertThrows(IllegalArgumentException.class, () -> attempt().actor("a", null, List.of("")).build());
    }

    @Test
    void rejectsTextPostgresqlCannotStoreOrThatHashesAmbiguously() {
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> attempt().client("1.2.3.4", "evil\0agent").build());
        assertTrue(nul.getMessage().startsWith("userAgent"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> attempt().customer("c", "bad\uD800").build());
        assertThrows(IllegalArgumentException.class, () -> attempt().details(Map.of("ratio", 0.5)).build());
    }

    @Test
    void freezesTheDetailsAtBuildTime() {
        List<Object> fields = new ArrayList<>(List.of("displayName"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", fields);
        NewAuditEvent event = attempt().details(details).build();
        fields.add("givenName");
        details.put("later", true);
        assertEquals("{\"changed\":[\"displayName\"]}", event.detailsJson());
        assertEquals(Map.of("changed", List.of("displayName")), event.details());
        assertThrows(UnsupportedOperationException.class, () -> event.details().put("x", 1));
    }
}
