package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditHashingTest {

    private static final String PREV = "a".repeat(64);

    /** A fixed, fully populated event (errorCode and errorDescription left null on purpose). */
    private static final AuditEvent FIXED = new AuditEvent(2, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            Instant.parse("2026-11-26T14:53:11.123456Z"), "USER_UPDATE_OUTCOME", "SUCCEEDED", "alice", "Alice Agent",
            List.of("admin", "agent"), "192.0.2.10", "Mozilla/5.0", "c-1", "Contoso", "u-1", "bob@contoso.example",
            "corr-1", "req-1", 200, null, null, 42L, "{\"changed\":[\"displayName\"]}", PREV, "unused");

    /** The content of {@link #FIXED} written out by hand from the rule in AuditHashing's Javadoc. */
    private static final String FIXED_CANONICAL = "{\"actorId\":\"alice\",\"actorName\":\"Alice Agent\","
            + "\"actorRoles\":[\"admin\",\"agent\"],\"clientIp\":\"192.0.2.10\",\"correlationId\":\"corr-1\","
            + "\"customerId\":\"c-1\",\"customerName\":\"Contoso\","
            + "\"details\":\"{\\\"changed\\\":[\\\"displayName\\\"]}\",\"durationMs\":42,\"errorCode\":null,"
            + "\"errorDescription\":null,\"eventId\":\"123e4567-e89b-12d3-a456-426614174000\","
            + "\"eventType\":\"USER_UPDATE_OUTCOME\",\"httpStatus\":200,\"occurredAt\":\"2026-11-26T14:53:11.123456Z\","
            + "\"outcome\":\"SUCCEEDED\",\"prevHash\":\"" + PREV + "\",\"requestId\":\"req-1\",\"seq\":2,"
            + "\"userAgent\":\"Mozilla/5.0\",\"userId\":\"u-1\",\"userPrincipalName\":\"bob@contoso.example\"}";

    /**
     * SHA-256 of {@link #FIXED_CANONICAL}, computed outside Java with
     * {@code printf '%s' '<the canonical text>' | sha256sum} (GNU coreutils) when the test was written.
     */
    private static final String FIXED_HASH = "008bd1140b00efa0d487fd9082ac755dd19fbcd868f0055cfe215e9a6fafbe84";

    @Test
    void knownVector() throws Exception {
        assertEquals(FIXED_CANONICAL, AuditHashing.canonicalContent(FIXED));
        assertEquals(FIXED_HASH, AuditHashing.hashOf(FIXED));
        String independent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(FIXED_CANONICAL.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FIXED_HASH, independent);
    }

    @Test
    void genesisIsSixtyFourZeros() {
        assertEquals(64, AuditHashing.GENESIS_HASH.length());
        assertTrue(AuditHashing.GENESIS_HASH.chars().allMatch(c -> c == '0'));
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        List<UnaryOperator<AuditEvent>> changes = List.of(
                e -> copy(e, Map.of("seq", 3L)),
                e -> copy(e, Map.of("eventId", UUID.fromString("123e4567-e89b-12d3-a456-426614174001"))),
                e -> copy(e, Map.of("occurredAt", Instant.parse("2026-11-26T14:53:11.123457Z"))),
                e -> copy(e, Map.of("eventType", "USER_UPDATE_ATTEMPT")),
                e -> copy(e, Map.of("outcome", "FAILED")),
                e -> copy(e, Map.of("actorId", "mallory")),
                e -> copy(e, Map.of("actorName", "Alice  Agent")),
                e -> copy(e, Map.of("actorRoles", List.of("admin"))),
                e -> copy(e, Map.of("clientIp", "192.0.2.11")),
                e -> copy(e, Map.of("userAgent", "curl/8")),
                e -> copy(e, Map.of("customerId", "c-2")),
                e -> copy(e, Map.of("customerName", "Fabrikam")),
                e -> copy(e, Map.of("userId", "u-2")),
                e -> copy(e, Map.of("userPrincipalName", "eve@contoso.example")),
                e -> copy(e, Map.of("correlationId", "corr-2")),
                e -> copy(e, Map.of("requestId", "req-2")),
                e -> copy(e, Map.of("httpStatus", 201)),
                e -> copy(e, Map.of("errorCode", "")),
                e -> copy(e, Map.of("errorDescription", "")),
                e -> copy(e, Map.of("durationMs", 43L)),
                e -> copy(e, Map.of("details", "{\"changed\":[\"givenName\"]}")),
                e -> copy(e, Map.of("prevHash", "b".repeat(64))));
        Set<String> hashes = new HashSet<>();
        hashes.add(AuditHashing.hashOf(FIXED));
        for (UnaryOperator<AuditEvent> change : changes) {
            assertTrue(hashes.add(AuditHashing.hashOf(change.apply(FIXED))), "a change did not change the hash");
        }
        assertEquals(23, hashes.size());
    }

    @Test
    void emptyRolesAndOneEmptyRoleHashDifferently() {
        assertNotEquals(AuditHashing.hashOf(copy(FIXED, Map.of("actorRoles", List.of()))),
                AuditHashing.hashOf(copy(FIXED, Map.of("actorRoles", List.of("")))));
    }

    @Test
    void storedHashIsNotPartOfTheContent() {
        assertEquals(AuditHashing.hashOf(FIXED), AuditHashing.hashOf(copy(FIXED, Map.of("hash", "whatever"))));
    }

    @Test
    void timesAreWrittenInUtcWithExactlySixFractionalDigits() {
        assertEquals("2026-01-02T03:04:05.000000Z", AuditHashing.formatOccurredAt(Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("2026-01-02T03:04:05.120000Z", AuditHashing.formatOccurredAt(Instant.parse("2026-01-02T03:04:05.12Z")));
        assertEquals("2026-01-02T03:04:05.123456Z",
                AuditHashing.formatOccurredAt(Instant.parse("2026-01-02T03:04:05.123456789Z")));
    }

    @Test
    void hashOfANewEventEqualsHashOfTheEventAsStored() {
        NewAuditEvent event = NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
                .actor("alice", "Alice", Set.of("reviewer", "agent"))
                .customer("c-1", null)
                .details(Map.of("changed", List.of("displayName")))
                .build();
        Instant at = Instant.parse("2026-11-26T14:53:11.123456Z");
        AuditEvent asStored = new AuditEvent(1, event.eventId(), at, "USER_UPDATE_ATTEMPT", "PENDING", "alice", "Alice",
                List.of("agent", "reviewer"), null, null, "c-1", null, null, null, null, null, null, null, null, null,
                "{\"changed\":[\"displayName\"]}", AuditHashing.GENESIS_HASH, "unused");
        assertEquals(AuditHashing.hashOf(asStored), AuditHashing.hashOf(1, at, event, AuditHashing.GENESIS_HASH));
    }

    @Test
    void theFourPartsTheDatabaseCompletesAreTheCanonicalContentAroundTimePrevHashAndSeq() {
        NewAuditEvent event = NewAuditEvent.builder(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.SUCCEEDED)
                .actor("zoe", "Zoë \"Q\" Ångström 日本\u0001", Set.of("reviewer", "agent"))
                .client("2001:db8::1", "Mozilla/5.0 (X11)\t/x")
                .customer("c-1", "Contoso\\Europe\n")
                .user("u-1", "bob@contoso.example")
                .correlationId("corr").requestId("req").httpStatus(200).durationMs(12L)
                .error("E", "line 1\r\nline 2")
                .details(Map.of("changed", List.of("displayName"), "note", "\u007f\u2028"))
                .build();
        Instant at = Instant.parse("2026-11-26T14:53:11.000100Z");
        String prevHash = "ab".repeat(32);
        String[] parts = AuditHashing.canonicalParts(event);
        String assembled = parts[0] + '"' + AuditHashing.formatOccurredAt(at) + '"' + parts[1] + '"' + prevHash + '"'
                + parts[2] + 4711 + parts[3];
        AuditEvent asStored = new AuditEvent(4711, event.eventId(), at, "USER_UPDATE_OUTCOME", "SUCCEEDED", "zoe",
                event.actorName(), List.of("agent", "reviewer"), event.clientIp(), event.userAgent(), "c-1",
                event.customerName(), "u-1", "bob@contoso.example", "corr", "req", 200, "E", event.errorDescription(),
                12L, event.detailsJson(), prevHash, "unused");
        assertEquals(AuditHashing.canonicalContent(asStored), assembled);
        assertEquals(AuditHashing.hashOf(asStored), AuditHashing.hashOf(4711, at, event, prevHash));
    }

    @Test
    void anExportLineIsTheCanonicalFormOfTheHashedMembersPlusTheHash() {
        AuditEvent e = FIXED;
        Map<String, Object> members = new java.util.HashMap<>(AuditHashing.content(e.seq(), e.eventId(), e.occurredAt(),
                e.eventType(), e.outcome(), e.actorId(), e.actorName(), e.actorRoles(), e.clientIp(), e.userAgent(),
                e.customerId(), e.customerName(), e.userId(), e.userPrincipalName(), e.correlationId(), e.requestId(),
                e.httpStatus(), e.errorCode(), e.errorDescription(), e.durationMs(), e.details(), e.prevHash()));
        members.put("hash", e.hash());
        assertEquals(CanonicalJson.write(members), AuditHashing.canonicalContentWithHash(e));
    }

    /** A copy of {@code e} with the named components replaced. */
    private static AuditEvent copy(AuditEvent e, Map<String, Object> replace) {
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) replace.getOrDefault("actorRoles", e.actorRoles());
        return new AuditEvent(
                (Long) replace.getOrDefault("seq", e.seq()),
                (UUID) replace.getOrDefault("eventId", e.eventId()),
                (Instant) replace.getOrDefault("occurredAt", e.occurredAt()),
                (String) replace.getOrDefault("eventType", e.eventType()),
                (String) replace.getOrDefault("outcome", e.outcome()),
                (String) replace.getOrDefault("actorId", e.actorId()),
                (String) replace.getOrDefault("actorName", e.actorName()),
                roles,
                (String) replace.getOrDefault("clientIp", e.clientIp()),
                (String) replace.getOrDefault("userAgent", e.userAgent()),
                (String) replace.getOrDefault("customerId", e.customerId()),
                (String) replace.getOrDefault("customerName", e.customerName()),
                (String) replace.getOrDefault("userId", e.userId()),
                (String) replace.getOrDefault("userPrincipalName", e.userPrincipalName()),
                (String) replace.getOrDefault("correlationId", e.correlationId()),
                (String) replace.getOrDefault("requestId", e.requestId()),
                (Integer) replace.getOrDefault("httpStatus", e.httpStatus()),
                (String) replace.getOrDefault("errorCode", e.errorCode()),
                (String) replace.getOrDefault("errorDescription", e.errorDescription()),
                (Long) replace.getOrDefault("durationMs", e.durationMs()),
                (String) replace.getOrDefault("details", e.details()),
                (String) replace.getOrDefault("prevHash", e.prevHash()),
                (String) replace.getOrDefault("hash", e.hash()));
    }
}
