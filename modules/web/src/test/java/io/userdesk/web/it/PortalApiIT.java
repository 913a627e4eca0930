package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static io.userdesk.web.it.PortalDeployment.DANIEL_TSAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal API end to end: real portal WAR, real emulator WAR, real PostgreSQL. Each scenario checks what a caller
 * sees, what reached Partner Center (the emulator's request log) and what the audit trail holds.
 */
@ExtendWith(ArquillianExtension.class)
class PortalApiIT {

    /** This class's portal ends browser sessions after 6 s idle and 15 s in all (its other scenarios use no session). */
    private static final Duration IDLE = Duration.ofSeconds(6);
    private static final Duration ABSOLUTE = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() throws java.io.IOException {
        return PortalDeployment.withProperties(PortalDeployment.portal(), "userdesk.session.idle-timeout-minutes=0.1",
                "userdesk.session.absolute-timeout-minutes=0.25");
    }

    @Test
    void browserSessionsEndAfterTheIdleTimeoutAndAtTheAbsoluteLifetimeHoweverBusy() throws Exception {
        WebSession idle = new WebSession();
        WebSession busy = new WebSession();
        long start = System.nanoTime();
        assertEquals(302, idle.signIn("agent", "demo").status());
        assertEquals(302, busy.signIn("reviewer", "demo").status());
        assertEquals(200, idle.get("/customers/index.xhtml").status());
        long idleFrom = System.nanoTime();
        // the busy session asks every second; the idle one says nothing for longer than its idle timeout
        while (elapsed(idleFrom).compareTo(IDLE.plusSeconds(2)) < 0) {
            assertEquals(200, busy.get("/audit/index.xhtml").status(), "busy at " + elapsed(start).toMillis() + " ms");
            Thread.sleep(1000);
        }
        assertSentToSignIn(idle.get("/customers/index.xhtml"), "after " + elapsed(idleFrom).toMillis() + " ms idle");
        // still well inside the absolute lifetime (counted from before sign-in, so the server's clock is behind ours)
        assertTrue(elapsed(start).compareTo(ABSOLUTE.minusSeconds(3)) < 0, "the idle check took too long to prove "
                + "the busy session outlives it: " + elapsed(start).toMillis() + " ms");
        assertEquals(200, busy.get("/audit/index.xhtml").status(), "busy for " + elapsed(start).toMillis() + " ms");
        while (elapsed(start).compareTo(ABSOLUTE.plusSeconds(2)) < 0) {
            busy.get("/audit/index.xhtml");
            Thread.sleep(1000);
        }
        assertSentToSignIn(busy.get("/audit/index.xhtml"), "after " + elapsed(start).toMillis() + " ms however busy");
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static void assertSentToSignIn(Http.Answer answer, String when) {
        assertEquals(302, answer.status(), when);
        assertTrue(answer.header("Location").contains("/signin.xhtml"), when + ": " + answer.header("Location"));
    }

    @Test
    void anAgentsPatchReachesPartnerCenterAsDocumentedAndIsAuditedBeforeAndAfter() throws Exception {
        String token = Http.token("agent", "demo");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI, token,
                "{\"usageLocation\":\"TW\",\"attributes\":{\"objectType\":\"CustomerUser\"}}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("TW", answer.json().getString("usageLocation"));
        String correlationId = answer.header("MS-CorrelationId");
        String requestId = answer.header("MS-RequestId");
        assertNotNull(correlationId);

        // Partner Center (the emulator) holds the change
        Http.Answer stored = Http.send("GET", "/partner-center/v1/customers/" + CONTOSO + "/users/" + DANIEL_TSAI,
                PortalDeployment.EMULATOR_TOKEN, null, null);
        assertEquals("TW", stored.json().getString("usageLocation"));

        // ... and received exactly the documented request
        JsonObject patch = onlyPatch(Http.emulatorRequests(logStart));
        assertEquals(requestId, patch.getString("requestId"));
        assertEquals(correlationId, patch.getString("correlationId"));
        assertEquals("Bearer ***", patch.getString("authorization"));
        JsonObject body = parse(patch.getString("body"));
        assertEquals("TW", body.getString("usageLocation"));
        assertEquals("CustomerUser", body.getJsonObject("attributes").getString("objectType"));
        assertEquals(Set.of("usageLocation", "attributes"), body.keySet());

        // the audit holds the attempt (committed first) and the outcome with before -> after
        List<AuditRow> rows = auditRows(correlationId);
        assertEquals(2, rows.size());
        AuditRow attempt = rows.get(0);
        AuditRow outcome = rows.get(1);
        assertEquals("USER_UPDATE_ATTEMPT", attempt.eventType());
        assertEquals("PENDING", attempt.outcome());
        assertEquals("agent", attempt.actorId());
        assertEquals(requestId, attempt.requestId());
        assertEquals(DANIEL_TSAI, attempt.userId());
        assertNotNull(attempt.clientIp());
        assertEquals("USER_UPDATE_OUTCOME", outcome.eventType());
        assertEquals("SUCCEEDED", outcome.outcome());
        assertEquals(200, outcome.httpStatus());
        assertEquals("Contoso Ltd", outcome.customerName());
        JsonObject change = parse(outcome.details()).getJsonArray("changes").getJsonObject(0);
        assertEquals("usageLocation", change.getString("field"));
        assertEquals("US", change.getString("before"));
        assertEquals("TW", change.getString("after"));
        assertEquals(attempt.hash(), outcome.prevHash(), "the outcome is chained to the attempt");
    }

    @Test
    void aPasswordResetIsSentButItsTextNeverReachesTheAuditOrTheAnswer() throws Exception {
        String token = Http.token("admin", "demo");
        String secret = "Kx9!mQ2#rT7pW";
        Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + secondContosoUser(token), token,
                "{\"passwordProfile\":{\"password\":\"" + secret + "\",\"forceChangePassword\":true},"
                        + "\"attributes\":{\"objectType\":\"CustomerUser\"}}");

        assertEquals(200, answer.status(), answer.body());
        assertFalse(answer.body().contains(secret), "the portal must not echo the password");
        List<AuditRow> rows = auditRows(answer.header("MS-CorrelationId"));
        assertEquals(2, rows.size());
        JsonObject requested = parse(rows.get(0).details()).getJsonObject("requested");
        assertEquals("changed", requested.getString("password"));
        assertTrue(requested.getBoolean("forceChangePassword"));
        try (Connection db = ItDatabase.connect(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE '%" + secret + "%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no audit row may contain the password");
        }
    }

    @Test
    void anInvalidUsageLocationIsRefusedNamingTheFieldNotSentAndAudited() throws Exception {
        String token = Http.token("agent", "demo");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI, token,
                "{\"usageLocation\":\"XX\"}");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        JsonObject problem = answer.json();
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("usageLocation", error.getString("field"));
        assertTrue(error.getString("message").contains("ISO 3166-1"));
        for (JsonObject request : Http.emulatorRequests(logStart).getValuesAs(JsonObject.class)) {
            assertFalse("PATCH".equals(request.getString("method")), "nothing may reach Partner Center");
        }
        List<AuditRow> rows = auditRows(problem.getString("correlationId"));
        assertEquals(1, rows.size());
        assertEquals("USER_UPDATE_REJECTED", rows.get(0).eventType());
        assertEquals("REJECTED", rows.get(0).outcome());
        assertEquals("XX", parse(rows.get(0).details()).getJsonObject("requested").getString("usageLocation"));
    }

    @Test
    void aPartnerCenter404IsExplainedAndAuditedAsFailed() throws Exception {
        String token = Http.token("agent", "demo");
        String unknownUser = "00000000-0000-4000-8000-00000000dead";

        Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + unknownUser, token,
                "{\"displayName\":\"Nobody\"}");

        assertEquals(404, answer.status(), answer.body());
        JsonObject problem = answer.json();
        assertEquals("60002", problem.getString("partnerCenterCode"));
        assertTrue(problem.getString("detail").toLowerCase().contains("not found"));
        List<AuditRow> rows = auditRows(problem.getString("correlationId"));
        assertEquals(2, rows.size());
        AuditRow outcome = rows.get(1);
        assertEquals("FAILED", outcome.outcome());
        assertEquals(404, outcome.httpStatus());
        assertEquals("60002", outcome.errorCode());
    }

    @Test
    void onlyAgentsAndAdminsMayChangeAndOnlyWithAToken() {
        String reviewer = Http.token("reviewer", "demo");
        assertEquals(403, Http.patch("/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI, reviewer,
                "{\"displayName\":\"Reviewer Was Here\"}").status());
        Http.Answer anonymous = Http.patch("/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI, null,
                "{\"displayName\":\"Anonymous Was Here\"}");
        assertEquals(401, anonymous.status());
        assertEquals(401, Http.get("/api/customers", "not-a-token").status());
        assertEquals(401, Http.send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=agent&password=wrong").status());
        assertEquals(200, Http.get("/api/audit/events", reviewer).status());
        assertEquals(403, Http.get("/api/audit/events", Http.token("agent", "demo")).status());
    }

    @Test
    void customersAndUsersAreFoundAndPagedThroughContinuationTokens() {
        String token = Http.token("agent", "demo");
        JsonArray found = Http.get("/api/customers?search=contoso", token).json().getJsonArray("items");
        assertEquals(CONTOSO, found.getJsonObject(0).getString("id"));
        assertTrue(Http.get("/api/customers?search=CONTOSO.ONMICROSOFT", token).json().getJsonArray("items").size() >= 1);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer page = Http.get("/api/customers/" + CONTOSO + "/users?pageSize=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, page.status(), page.body());
            for (JsonObject user : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                assertTrue(seen.add(user.getString("id")), "no user twice");
            }
            cursor = page.json().containsKey("nextCursor") ? page.json().getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 40);
        assertTrue(seen.size() >= 2000, "every active user of the big customer, got " + seen.size());

        JsonArray daniel = Http.get("/api/customers/" + CONTOSO + "/users?search=daniel.tsai@", token).json().getJsonArray("items");
        assertEquals(DANIEL_TSAI, daniel.getJsonObject(0).getString("id"));
        assertEquals(400, Http.get("/api/customers?cursor=bm90LWEtY3Vyc29y", token).status());
    }

    @Test
    void theAuditTableRefusesUpdatesEvenOverJdbc() throws Exception {
        Http.patch("/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI, Http.token("agent", "demo"), "{\"usageLocation\":\"ZZ\"}");
        try (Connection db = ItDatabase.connect(); Statement st = db.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_event SET actor_id = 'mallory'"));
            assertEquals("42501", update.getSQLState());
            SQLException delete = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_event"));
            assertEquals("42501", delete.getSQLState());
        }
    }

    @Test
    void healthAndOpenApiAnswer() {
        assertEquals(200, Http.get("/health/ready", null).status());
        assertEquals(200, Http.get("/openapi", null).status());
    }

    private static String secondContosoUser(String token) {
        JsonArray users = Http.get("/api/customers/" + CONTOSO + "/users?pageSize=3", token).json().getJsonArray("items");
        return users.getJsonObject(1).getString("id");
    }

    private static JsonObject onlyPatch(JsonArray requests) {
        JsonObject found = null;
        for (JsonObject request : requests.getValuesAs(JsonObject.class)) {
            if ("PATCH".equals(request.getString("method"))) {
                assertNull(found, "exactly one PATCH");
                found = request;
            }
        }
        assertNotNull(found, "the PATCH reached the emulator");
        return found;
    }

    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    record AuditRow(String eventType, String outcome, String actorId, String clientIp, String customerName, String userId,
                    String requestId, Integer httpStatus, String errorCode, String details, String prevHash, String hash) {
    }

    static List<AuditRow> auditRows(String correlationId) throws SQLException {
        List<AuditRow> rows = new ArrayList<>();
        try (Connection db = ItDatabase.connect();
             PreparedStatement ps = db.prepareStatement("SELECT event_type, outcome, actor_id, client_ip, customer_name, user_id, "
                     + "request_id, http_status, error_code, details, prev_hash, hash FROM audit_event WHERE correlation_id = ? ORDER BY seq")) {
            ps.setString(1, correlationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12)));
                }
            }
        }
        return rows;
    }
}
