package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static io.userdesk.web.it.PortalDeployment.DANIEL_TSAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against the emulator's fault injection (reference §1.1, §2.2, §4): throttling, timeouts, refused input,
 * expiring tokens, a failing Partner Center, broken and unreadable answers, and paging through continuation tokens.
 * Each scenario checks what the API caller (or the browser) sees, what reached the emulator (its request log) and
 * which linked audit events the change left. The portal runs with short timeouts and backoff (arquillian.xml):
 * read timeout 4 s, backoff 200 ms, breaker opens after 4 failed attempts for 10 s. The breaker scenario runs last.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerCenterResilienceIT {
    private static final String USER_PATH = "/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI;
    private static final String PATCH_GLOB = "/v1/customers/*/users/*";
    private static final String FABRIKAM = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0002";
    private static final String NORTHWIND = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0004";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @AfterEach
    void clearFaults() {
        Http.send("DELETE", "/partner-center/_emulator/faults", null, null, null);
    }

    @Test
    @Order(1)
    void a429WithRetryAfter2IsWaitedOutOnceAndTheChangeSucceeds() throws Exception {
        String token = Http.token("agent", "demo");
        injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"THROTTLE\",\"retryAfterSeconds\":2,\"times\":1}");
        long logStart = Http.lastEmulatorRequestSeq();

        long started = System.nanoTime();
        Http.Answer answer = Http.patch(USER_PATH, token, "{\"displayName\":\"Daniel Tsai (throttled)\"}");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, answer.status(), answer.body());
        assertTrue(elapsedMs >= 2000, "the portal waited Retry-After before retrying, took " + elapsedMs + " ms");
        List<JsonObject> patches = requests(logStart, "PATCH");
        assertEquals(2, patches.size(), "one retry");
        assertEquals(429, patches.get(0).getInt("status"));
        assertEquals(200, patches.get(1).getInt("status"));
        assertNotEquals(patches.get(0).getString("requestId"), patches.get(1).getString("requestId"),
                "after an answer (even 429) the next call has a new MS-RequestId");

        List<AuditRow> rows = auditRows(answer.header("MS-CorrelationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_RETRY", "USER_UPDATE_OUTCOME"), types(rows));
        AuditRow retry = rows.get(1);
        assertEquals(429, retry.httpStatus());
        assertEquals(2, parse(retry.details()).getInt("retryAfterSeconds"));
        assertEquals(patches.get(1).getString("requestId"), retry.requestId(), "the retry names the request id it sends");
        assertEquals("SUCCEEDED", rows.get(2).outcome());
    }

    @Test
    @Order(2)
    void aTimeoutIsRetriedWithTheSameRequestIdAndAppliedOnce() throws Exception {
        String token = Http.token("agent", "demo");
        injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"HANG\",\"delayMs\":6000,\"times\":1}");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch(USER_PATH, token, "{\"displayName\":\"Daniel Tsai (after a timeout)\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("Daniel Tsai (after a timeout)", answer.json().getString("displayName"));
        List<JsonObject> patches = waitForRequests(logStart, "PATCH", 2);
        assertEquals(patches.get(0).getString("requestId"), patches.get(1).getString("requestId"),
                "a call that timed out is retried with the same MS-RequestId");
        List<AuditRow> rows = auditRows(answer.header("MS-CorrelationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_RETRY", "USER_UPDATE_OUTCOME"), types(rows));
        assertEquals("TIMEOUT", rows.get(1).errorCode());
        assertEquals(rows.get(0).requestId(), rows.get(1).requestId());
        assertEquals("SUCCEEDED", rows.get(2).outcome());
    }

    @Test
    @Order(3)
    void a400IsNotRetried() throws Exception {
        String token = Http.token("agent", "demo");
        injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"ERROR\",\"status\":400,\"times\":1}");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch(USER_PATH, token, "{\"displayName\":\"Daniel Tsai (refused)\"}");

        assertEquals(400, answer.status(), answer.body());
        assertEquals(1, requests(logStart, "PATCH").size(), "a 400 is never retried");
        List<AuditRow> rows = auditRows(answer.json().getString("correlationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_OUTCOME"), types(rows));
        assertEquals("FAILED", rows.get(1).outcome());
        assertEquals(400, rows.get(1).httpStatus());
    }

    @Test
    @Order(4)
    void anExpiredTokenIsRenewedOnceTransparently() throws Exception {
        String token = Http.token("agent", "demo");
        Http.patch(USER_PATH, token, "{\"usageLocation\":\"US\"}"); // makes sure the portal holds a token
        int issuedBefore = Http.get("/partner-center/_emulator/tokens", null).json().getInt("issued");
        assertEquals(204, Http.send("POST", "/partner-center/_emulator/tokens/expire", null, null, null).status());
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch(USER_PATH, token, "{\"usageLocation\":\"TW\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(issuedBefore + 1, Http.get("/partner-center/_emulator/tokens", null).json().getInt("issued"),
                "exactly one new token was fetched");
        JsonArray log = Http.emulatorRequests(logStart);
        assertEquals(401, log.getJsonObject(0).getInt("status"), "the expired token was refused");
        assertEquals(1, log.getValuesAs(JsonObject.class).stream().filter(r -> r.getInt("status") == 401).count());
        List<AuditRow> rows = auditRows(answer.header("MS-CorrelationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_RETRY", "USER_UPDATE_OUTCOME"), types(rows));
        assertEquals(401, rows.get(1).httpStatus());
        assertEquals("SUCCEEDED", rows.get(2).outcome());
    }

    @Test
    @Order(5)
    void aDroppedConnectionIsRetriedAndAnUnreadableAnswerIsExplained() {
        String token = Http.token("agent", "demo");
        injectFault("{\"method\":\"GET\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"DROP\",\"times\":1}");
        long logStart = Http.lastEmulatorRequestSeq();
        Http.Answer dropped = Http.get(USER_PATH, token);
        assertEquals(200, dropped.status(), dropped.body());
        List<JsonObject> gets = requests(logStart, "GET");
        assertEquals(2, gets.size(), "retried once after the broken connection");
        assertEquals(gets.get(0).getString("requestId"), gets.get(1).getString("requestId"),
                "no answer arrived, so the retry keeps the MS-RequestId");

        injectFault("{\"method\":\"GET\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"MALFORMED\",\"times\":1}");
        Http.Answer unreadable = Http.get(USER_PATH, token);
        assertEquals(502, unreadable.status(), unreadable.body());
        assertTrue(unreadable.json().getString("detail").contains("lost or unreadable"), unreadable.body());
    }

    @Test
    @Order(6)
    void userAndCustomerListsPageThroughContinuationTokens() {
        String token = Http.token("agent", "demo");
        long logStart = Http.lastEmulatorRequestSeq();
        int users = 0;
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer page = Http.get("/api/customers/" + CONTOSO + "/users?pageSize=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, page.status(), page.body());
            users += page.json().getJsonArray("items").size();
            cursor = page.json().containsKey("nextCursor") ? page.json().getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 40);
        assertTrue(users >= 2000, "the 2,000-user customer is listed completely, got " + users);
        List<JsonObject> calls = requests(logStart, "GET");
        assertEquals(pages, calls.size(), "one Partner Center page per portal page: nothing fetched ahead");
        for (JsonObject call : calls.subList(1, calls.size())) {
            assertTrue(call.getString("query").contains("seekOperation=Next"), "followed by continuation token: " + call);
            assertTrue(call.getString("query").contains("size=100"), "never more than the page asked for: " + call);
        }

        long customersStart = Http.lastEmulatorRequestSeq();
        Http.Answer first = Http.get("/api/customers?pageSize=2", token);
        assertEquals(2, first.json().getJsonArray("items").size());
        Http.Answer second = Http.get("/api/customers?pageSize=2&cursor=" + first.json().getString("nextCursor"), token);
        assertEquals(200, second.status(), second.body());
        assertNotEquals(first.json().getJsonArray("items").getJsonObject(0).getString("id"),
                second.json().getJsonArray("items").getJsonObject(0).getString("id"));
        List<JsonObject> customerCalls = requests(customersStart, "GET");
        assertEquals(2, customerCalls.size());
        assertTrue(customerCalls.get(1).getString("query").contains("seekOperation=Next"), customerCalls.get(1).toString());
    }

    @Test
    @Order(7)
    void aThrottleLongerThanTheCapIsNotWaitedOutAndTheApiAndTheUiSayWhenToRetry() throws Exception {
        // other customers than Contoso: a throttled customer stays throttled for every caller until Retry-After passes
        String token = Http.token("agent", "demo");
        String fabrikamUser = Http.get("/api/customers/" + FABRIKAM + "/users?pageSize=1", token).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        injectFault("{\"method\":\"PATCH\",\"path\":\"" + PATCH_GLOB + "\",\"kind\":\"THROTTLE\",\"retryAfterSeconds\":60,\"times\":1}");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer answer = Http.patch("/api/customers/" + FABRIKAM + "/users/" + fabrikamUser, token,
                "{\"displayName\":\"Fabrikam user (throttled long)\"}");

        assertEquals(429, answer.status(), answer.body());
        assertEquals("Partner Center is busy — try again in 60 s.", answer.json().getString("detail"));
        assertEquals("60", answer.header("Retry-After"));
        assertEquals(1, requests(logStart, "PATCH").size(), "60 s is above the 30 s cap: no retry");
        List<AuditRow> rows = auditRows(answer.json().getString("correlationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_OUTCOME"), types(rows));
        assertEquals(429, rows.get(1).httpStatus());
        long afterThrottle = Http.lastEmulatorRequestSeq();
        Http.Answer held = Http.get("/api/customers/" + FABRIKAM + "/users/" + fabrikamUser, token);
        assertEquals(429, held.status(), "the customer is still throttled for every caller: " + held.body());
        assertEquals(0, Http.emulatorRequests(afterThrottle).size(), "so nothing is sent until Retry-After has passed");

        injectFault("{\"method\":\"GET\",\"path\":\"/v1/customers/*/users\",\"kind\":\"THROTTLE\",\"retryAfterSeconds\":45}");
        try (Browser browser = signedInBrowser()) {
            browser.open("/customers/users.xhtml?customer=" + NORTHWIND);
            browser.waitForText("#pageMessages", "Partner Center is busy — try again in 45 s.");
            browser.screenshot("throttled");
        }
    }

    @Test
    @Order(99)
    void withPartnerCenterFailingTheBreakerOpensAndTheApiAndTheUiSaySo() throws Exception {
        String token = Http.token("agent", "demo");
        injectFault("{\"path\":\"/v1/**\",\"kind\":\"ERROR\",\"status\":503}");
        long logStart = Http.lastEmulatorRequestSeq();

        Http.Answer failing = Http.patch(USER_PATH, token, "{\"displayName\":\"Daniel Tsai (failing)\"}");
        assertEquals(502, failing.status(), failing.body());
        assertEquals(4, requests(logStart, "GET").size(), "the first call and three retries, then the breaker opened");
        List<AuditRow> failingRows = auditRows(failing.json().getString("correlationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_RETRY", "USER_UPDATE_RETRY", "USER_UPDATE_RETRY",
                "USER_UPDATE_OUTCOME"), types(failingRows));
        assertEquals("FAILED", failingRows.get(4).outcome());

        long openStart = Http.lastEmulatorRequestSeq();
        Http.Answer open = Http.patch(USER_PATH, token, "{\"displayName\":\"Daniel Tsai (breaker open)\"}");
        assertEquals(503, open.status(), open.body());
        assertEquals("Partner Center is failing", open.json().getString("title"));
        assertTrue(open.json().getString("detail").contains("paused calls"), open.body());
        assertNotNull(open.header("Retry-After"));
        assertEquals(0, Http.emulatorRequests(openStart).size(), "nothing was sent while the breaker is open");
        List<AuditRow> openRows = auditRows(open.json().getString("correlationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_OUTCOME"), types(openRows));
        assertEquals("CIRCUIT_OPEN", openRows.get(1).errorCode());

        try (Browser browser = signedInBrowser()) {
            browser.open("/customers/users.xhtml?customer=" + CONTOSO);
            browser.waitForText("#pageMessages", "Partner Center is failing, so UserDesk has paused calls to it");
            browser.screenshot("breaker-open");
        }

        clearFaults();
        Thread.sleep(10_500);
        assertEquals(200, Http.get(USER_PATH, token).status(), "after the open period a trial call closes the breaker");
    }

    private static Browser signedInBrowser() {
        Browser browser = new Browser();
        browser.open("/signin.xhtml");
        browser.signIn("agent", "demo");
        return browser;
    }

    private static void injectFault(String json) {
        Http.Answer answer = Http.send("POST", "/partner-center/_emulator/faults", null, "application/json", json);
        assertEquals(201, answer.status(), answer.body());
    }

    private static List<JsonObject> requests(long since, String method) {
        return Http.emulatorRequests(since).getValuesAs(JsonObject.class).stream()
                .filter(r -> method.equals(r.getString("method"))).toList();
    }

    private static List<JsonObject> waitForRequests(long since, String method, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<JsonObject> found = requests(since, method);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        return requests(since, method);
    }

    private static List<String> types(List<AuditRow> rows) {
        return rows.stream().map(AuditRow::eventType).toList();
    }

    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    record AuditRow(String eventType, String outcome, String requestId, Integer httpStatus, String errorCode, String details) {
    }

    static List<AuditRow> auditRows(String correlationId) throws SQLException {
        assertNotNull(correlationId, "the answer names its correlation id");
        List<AuditRow> rows = new ArrayList<>();
        try (Connection db = ItDatabase.connect();
             PreparedStatement ps = db.prepareStatement("SELECT event_type, outcome, request_id, http_status, error_code, "
                     + "details FROM audit_event WHERE correlation_id = ? ORDER BY seq")) {
            ps.setString(1, correlationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }
}
