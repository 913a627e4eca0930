package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.audit.export.BundleVerification;
import io.userdesk.audit.export.ExportBundleVerifier;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail's integrity end to end (real portal, real emulator, real PostgreSQL): the portal's database role
 * cannot rewrite history; tampering done as a superuser is named, event by event, by the API, the reviewer page and
 * the offline verifier; reviewers' own reads, verifications and exports are audited; 8 concurrent writers leave one
 * valid chain whose counts match what Partner Center (the emulator) received.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @Test
    void thePortalsDatabaseRoleCanOnlyInsertAndSelectOnTheAuditTables() throws Exception {
        agentChangesUsageLocation("GB");
        try (Connection app = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + System.getProperty("it.db.port") + "/postgres", "userdesk_app", "it-app-db-password");
             Statement s = app.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM audit_event")) {
                rows.next();
                assertTrue(rows.getLong(1) > 0, "the role reads the trail");
            }
            for (String sql : List.of("UPDATE audit_event SET actor_id = 'mallory'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER USER",
                    "UPDATE audit_checkpoint SET signature = 'x'", "DELETE FROM audit_checkpoint",
                    "TRUNCATE audit_checkpoint", "DROP TABLE audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                        sql + " -> " + refused.getMessage());
            }
        }
        Http.Answer published = Http.get("/api/audit/public-key", null);
        assertEquals(200, published.status(), "the public key is published without a sign-in: " + published.body());
        JsonObject key = published.json();
        assertEquals("Ed25519", key.getString("algorithm"));
        assertEquals(16, key.getString("keyId").length());
        assertTrue(key.getString("publicKeyPem").startsWith("-----BEGIN PUBLIC KEY-----"), key.toString());
        assertEquals(key, Http.get("/api/audit/public-key", Http.token("agent", "demo")).json(),
                "staff and anonymous callers get the same key");
    }

    @Test
    void reviewersReadsVerificationsAndExportsAreAuditedWithWhoAndWhat() throws Exception {
        agentChangesUsageLocation("DE");
        String token = Http.token("reviewer", "demo");

        Http.Answer page = Http.get("/api/audit/events?actor=agent&actor=Demo%20Admin&action=USER_UPDATE_OUTCOME"
                + "&outcome=succeeded&pageSize=5", token);
        assertEquals(200, page.status(), page.body());
        JsonArray items = page.json().getJsonArray("items");
        assertFalse(items.isEmpty());
        items.getValuesAs(JsonObject.class).forEach(e -> assertEquals("USER_UPDATE_OUTCOME", e.getString("eventType")));
        Map<String, String> read = newestEventOfType("AUDIT_READ");
        assertEquals("reviewer", read.get("actor_id"));
        assertEquals("reviewer", read.get("actor_roles"));
        assertNotNull(read.get("client_ip"));
        assertTrue(read.get("details").contains("\"actors\":[\"agent\",\"Demo Admin\"]"), read.get("details"));

        Http.Answer bad = Http.get("/api/audit/events?outcome=maybe", token);
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("outcome: unknown outcome 'maybe'"), bad.body());

        JsonObject verify = Http.get("/api/audit/verify", token).json();
        assertTrue(verify.getBoolean("valid"), verify.toString());
        assertTrue(verify.getJsonNumber("eventsChecked").longValue() > 3);
        assertTrue(verify.isNull("firstInvalidEventId"));
        Map<String, String> verified = newestEventOfType("AUDIT_VERIFIED");
        assertEquals("SUCCEEDED", verified.get("outcome"));
        assertTrue(verified.get("details").contains("\"valid\":true"), verified.get("details"));

        Path bundle = export(token, "?customer=Contoso%20Ltd");
        BundleVerification offline = ExportBundleVerifier.verify(bundle, key());
        assertTrue(offline.valid(), offline.chain().reason());
        assertTrue(offline.manifestSummary().contains("customer=Contoso Ltd"), offline.manifestSummary());
        Map<String, String> exported = newestEventOfType("AUDIT_EXPORTED");
        assertEquals("reviewer", exported.get("actor_id"));
        assertTrue(exported.get("details").contains("\"customer\":\"Contoso Ltd\""), exported.get("details"));

        assertEquals(403, Http.get("/api/audit/verify", Http.token("agent", "demo")).status(),
                "an agent may not read the audit trail");
    }

    @Test
    void tamperingIsNamedByTheApiTheReviewerPageAndTheOfflineVerifier() throws Exception {
        for (int i = 0; i < 3; i++) {
            agentChangesUsageLocation(i % 2 == 0 ? "FR" : "IT");
        }
        String token = Http.token("reviewer", "demo");
        long target = headSeq() - 4;
        UUID targetId = eventIdAt(target);
        UUID nextId = eventIdAt(target + 1);

        superuser("CREATE TABLE tamper_name AS SELECT seq, actor_name FROM audit_event WHERE seq = " + target + ";"
                + " UPDATE audit_event SET actor_name = 'Somebody Else' WHERE seq = " + target);
        assertNamedEverywhere(token, target, targetId, "change");
        superuser("UPDATE audit_event a SET actor_name = t.actor_name FROM tamper_name t WHERE a.seq = t.seq;"
                + " DROP TABLE tamper_name");
        restoreOrFail(token, target);

        superuser("CREATE TABLE tamper_saved AS SELECT * FROM audit_event WHERE seq = " + target + ";"
                + " DELETE FROM audit_event WHERE seq = " + target);
        assertNamedEverywhere(token, target + 1, nextId, "delete");
        superuser("INSERT INTO audit_event SELECT * FROM tamper_saved; DROP TABLE tamper_saved");
        restoreOrFail(token, target);

        String swap = "UPDATE audit_event SET seq = seq + 100000000 WHERE seq IN (" + target + ", " + (target + 1) + ");"
                + " UPDATE audit_event SET seq = CASE seq WHEN " + (target + 100000000) + " THEN " + (target + 1)
                + " ELSE " + target + " END WHERE seq > 100000000";
        superuser(swap);
        assertNamedEverywhere(token, target, nextId, "reorder");
        superuser(swap);
        restoreOrFail(token, target);

        BundleVerification untouched = ExportBundleVerifier.verify(export(token, ""), key());
        assertTrue(untouched.valid(), untouched.chain().reason());
    }

    @Test
    void eightConcurrentWritersLeaveOneValidChainThatMatchesWhatPartnerCenterReceived() throws Exception {
        String agent = Http.token("agent", "demo");
        JsonArray users = Http.get("/api/customers/" + CONTOSO + "/users?pageSize=8", agent).json().getJsonArray("items");
        long emulatorStart = Http.lastEmulatorRequestSeq();
        long auditStart = headSeq();
        int writers = 8;
        int changesEach = Integer.getInteger("it.concurrency.changes", 500);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        // the emulator keeps its newest 10,000 requests and each change makes three: read its log while it grows
        Map<String, Integer> patchesReceived = new ConcurrentHashMap<>();
        long[] logSeen = {emulatorStart};
        Runnable readLog = () -> {
            for (JsonObject request : Http.emulatorRequests(logSeen[0]).getValuesAs(JsonObject.class)) {
                logSeen[0] = Math.max(logSeen[0], request.getJsonNumber("seq").longValue());
                if ("PATCH".equals(request.getString("method"))) {
                    patchesReceived.merge(request.getString("correlationId"), 1, Integer::sum);
                }
            }
        };
        java.util.concurrent.ScheduledExecutorService logReader = Executors.newSingleThreadScheduledExecutor();
        logReader.scheduleWithFixedDelay(readLog, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        Set<String> correlationIds = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String userId = users.getJsonObject(w % users.size()).getString("id");
            int writer = w;
            done.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < changesEach; i++) {
                    Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + userId, agent,
                            "{\"displayName\":\"Writer " + writer + " change " + i + "\","
                                    + "\"attributes\":{\"objectType\":\"CustomerUser\"}}");
                    assertEquals(200, answer.status(), answer.body());
                    assertTrue(correlationIds.add(answer.header("MS-CorrelationId")), "correlation ids are unique");
                    ok++;
                }
                return ok;
            }));
        }
        int succeeded = 0;
        for (Future<Integer> writer : done) {
            succeeded += writer.get();
        }
        pool.shutdown();
        logReader.shutdown();
        assertTrue(logReader.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        readLog.run();
        int expected = writers * changesEach;
        assertEquals(expected, succeeded);
        assertEquals(correlationIds, patchesReceived.keySet(), "Partner Center received exactly the portal's changes");
        assertTrue(patchesReceived.values().stream().allMatch(n -> n == 1), "no change was sent twice");

        Map<String, Set<String>> kindsByCorrelation = new HashMap<>();
        int attempts = 0;
        int outcomes = 0;
        try (Connection db = ItDatabase.connect();
             PreparedStatement q = db.prepareStatement("SELECT correlation_id, event_type, outcome FROM audit_event"
                     + " WHERE seq > ? AND event_type IN ('USER_UPDATE_ATTEMPT', 'USER_UPDATE_OUTCOME')")) {
            q.setLong(1, auditStart);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(2) + "/" + rows.getString(3);
                    assertTrue(kindsByCorrelation.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(kind),
                            "duplicated " + kind + " for " + rows.getString(1));
                    if (rows.getString(2).equals("USER_UPDATE_ATTEMPT")) {
                        attempts++;
                    } else {
                        outcomes++;
                    }
                }
            }
        }
        assertEquals(expected, attempts, "one attempt per change");
        assertEquals(expected, outcomes, "one outcome per change");
        assertEquals(correlationIds, kindsByCorrelation.keySet(), "the audit and Partner Center agree on the changes");
        kindsByCorrelation.values().forEach(kinds ->
                assertEquals(Set.of("USER_UPDATE_ATTEMPT/PENDING", "USER_UPDATE_OUTCOME/SUCCEEDED"), kinds));

        JsonObject verify = Http.get("/api/audit/verify", Http.token("reviewer", "demo")).json();
        assertTrue(verify.getBoolean("valid"), verify.toString());
        assertTrue(verify.getJsonNumber("eventsChecked").longValue() >= auditStart + 2L * expected);
    }

    @Test
    void aReviewerFiltersOpensAnEventVerifiesAndDownloadsAnExportInTheBrowser() throws Exception {
        agentChangesUsageLocation("NL");
        Path downloads = Files.createDirectories(Path.of(System.getProperty("it.downloads", "target/it-downloads")));
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Browser browser = new Browser()) {
            try {
                browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
                signInAsReviewer(browser);
                browser.open("/audit/index.xhtml");
                browser.type("#auditForm\\:actorFilter", "agent, Demo Admin");
                new org.openqa.selenium.support.ui.Select(browser.find("#auditForm\\:actionFilter"))
                        .selectByValue("USER_UPDATE_OUTCOME");
                browser.type("#auditForm\\:customerFilter", "Contoso Ltd");
                browser.click("#auditForm\\:applyFilters");
                browser.waitForText("#auditForm\\:chips", "Action: USER_UPDATE_OUTCOME");
                String chips = browser.text("#auditForm\\:chips");
                assertTrue(chips.contains("Staff: agent") && chips.contains("Staff: Demo Admin")
                        && chips.contains("Customer: Contoso Ltd"), chips);
                String rows = browser.text("#auditForm\\:events");
                assertTrue(rows.contains("SUCCEEDED") && !rows.contains("PENDING"), rows);
                browser.screenshot("audit-01-filtered");

                browser.driver().findElement(org.openqa.selenium.By.cssSelector(
                        "[aria-label='Remove filter Staff: Demo Admin']")).click();
                browser.waitForPage();
                assertFalse(browser.text("#auditForm\\:chips").contains("Demo Admin"), "the chip was removed");
                assertTrue(browser.text("#auditForm\\:chips").contains("Staff: agent"));

                browser.driver().findElement(org.openqa.selenium.By.cssSelector("#auditForm\\:events a.ud-row-link")).click();
                browser.waitForPage();
                browser.waitForText("#chainStatus", "Verified");
                assertEquals("USER_UPDATE_OUTCOME", browser.text("#eventType"));
                assertTrue(browser.text("#sentBody").contains("usageLocation"), browser.text("#sentBody"));
                assertTrue(browser.text("#returnedState").contains("usageLocation"), browser.text("#returnedState"));
                assertTrue(browser.text("#stateBefore").contains("userPrincipalName"), browser.text("#stateBefore"));
                browser.screenshot("audit-02-event");

                browser.open("/audit/index.xhtml");
                browser.click("#auditForm\\:verify");
                browser.waitForText("#auditForm\\:verifyResult", "intact");
                browser.screenshot("audit-03-verified");

                browser.driver().findElement(org.openqa.selenium.By.id("auditForm:export")).click();
                Path zip = awaitDownload(downloads);
                BundleVerification offline = ExportBundleVerifier.verify(zip, key());
                assertTrue(offline.valid(), offline.chain().reason());
                browser.screenshot("audit-04-exported");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("audit-failure");
                throw e;
            }
        }
    }

    /**
     * The portal "died" between attempt and outcome, after Partner Center had throttled a try 30 s into the change:
     * the attempt and, 30 s later, the retry are written straight to the trail (as the portal would, then no outcome),
     * for a change Partner Center never received. The running portal's reconciler (every 15 s; it also runs right after
     * a restart) takes a change for an orphan only once nothing of it has been written for 45 s in this configuration:
     * not 45 s after the attempt, when the change might still be retrying, but 45 s after the retry, which shares the
     * correlation id and does not pass for an outcome either. It reads the user back and records the verdict. A real
     * kill -9 is in PortalKillIT (launcher).
     */
    @Test
    void anAttemptWhoseOutcomeWasNeverWrittenIsReconciledByReadingTheUserBack() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        org.postgresql.ds.PGSimpleDataSource superuser = new org.postgresql.ds.PGSimpleDataSource();
        superuser.setUrl("jdbc:postgresql://127.0.0.1:" + System.getProperty("it.db.port") + "/postgres");
        superuser.setUser("postgres");
        superuser.setPassword("postgres");
        io.userdesk.audit.AuditEvent attempt = new io.userdesk.audit.AuditStore(superuser).append(
                io.userdesk.audit.NewAuditEvent.builder(io.userdesk.audit.AuditEventType.USER_UPDATE_ATTEMPT,
                                io.userdesk.audit.AuditOutcome.PENDING)
                        .actor("agent", "Demo Agent", List.of("agent"))
                        .customer(CONTOSO, null).user(PortalDeployment.DANIEL_TSAI, null)
                        .correlationId(correlationId).requestId(UUID.randomUUID().toString())
                        .details(Map.of("requested", Map.of("displayName", "Never Sent " + correlationId)))
                        .build());
        Thread.sleep(30_000);
        io.userdesk.audit.AuditEvent retry = new io.userdesk.audit.AuditStore(superuser).append(
                io.userdesk.audit.NewAuditEvent.builder(io.userdesk.audit.AuditEventType.USER_UPDATE_RETRY,
                                io.userdesk.audit.AuditOutcome.PENDING)
                        .actor("agent", "Demo Agent", List.of("agent"))
                        .customer(CONTOSO, null).user(PortalDeployment.DANIEL_TSAI, null)
                        .correlationId(correlationId).requestId(attempt.requestId()).httpStatus(429)
                        .error("HTTP_429", "Too many requests")
                        .details(Map.of("operation", "updateUser", "failedAttempt", 1, "retryAfterSeconds", 1))
                        .build());

        Map<String, String> reconciled = null;
        for (int i = 0; i < 120 && reconciled == null; i++) {
            Thread.sleep(1000);
            try (Connection db = ItDatabase.connect(); PreparedStatement q = db.prepareStatement(
                    "SELECT * FROM audit_event WHERE correlation_id = ? AND event_type = 'USER_UPDATE_RECONCILED'")) {
                q.setString(1, correlationId);
                try (ResultSet rows = q.executeQuery()) {
                    if (rows.next()) {
                        reconciled = new HashMap<>();
                        for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                            reconciled.put(rows.getMetaData().getColumnName(c), rows.getString(c));
                        }
                    }
                }
            }
        }
        assertNotNull(reconciled, "the orphaned attempt " + attempt.seq() + " was reconciled within 2 minutes");
        try (Connection db = ItDatabase.connect(); PreparedStatement q = db.prepareStatement(
                "SELECT extract(epoch FROM r.occurred_at - t.occurred_at) FROM audit_event r, audit_event t"
                        + " WHERE r.seq = ? AND t.seq = ?")) {
            q.setLong(1, Long.parseLong(reconciled.get("seq")));
            q.setLong(2, retry.seq());
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                double quietSeconds = rows.getDouble(1);
                assertTrue(quietSeconds >= 45, "reconciled " + quietSeconds + " s after the retry: while a change may"
                        + " still be retrying it is not taken for an orphan");
            }
        }
        assertEquals("FAILED", reconciled.get("outcome"), "Partner Center never got the change");
        assertEquals("userdesk-system", reconciled.get("actor_id"));
        assertEquals("Contoso Ltd", reconciled.get("customer_name"));
        assertTrue(reconciled.get("details").contains("\"attemptSeq\":" + attempt.seq()), reconciled.get("details"));
        assertTrue(reconciled.get("details").contains("not applied"), reconciled.get("details"));
        assertTrue(Http.get("/api/audit/verify", Http.token("reviewer", "demo")).json().getBoolean("valid"));
    }

    private static Path awaitDownload(Path downloads) throws Exception {
        for (int i = 0; i < 120; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no export was downloaded to " + downloads);
    }

    private void assertNamedEverywhere(String token, long seq, UUID eventId, String what) throws Exception {
        JsonObject api = Http.get("/api/audit/verify", token).json();
        assertFalse(api.getBoolean("valid"), what + ": " + api);
        assertEquals(eventId.toString(), api.getString("firstInvalidEventId"), what + ": " + api);
        assertEquals(seq, api.getJsonNumber("firstInvalidSeq").longValue(), what);

        BundleVerification offline = ExportBundleVerifier.verify(export(token, ""), key());
        assertFalse(offline.valid(), what);
        assertEquals(eventId, offline.chain().firstInvalidEventId(), what + ": " + offline.chain());
        assertEquals(seq, offline.chain().firstInvalidSeq(), what);

        try (Browser browser = new Browser()) {
            signInAsReviewer(browser);
            browser.open("/audit/index.xhtml");
            browser.click("#auditForm\\:verify");
            browser.waitForText("#auditForm\\:verifyResult", "broken");
            String shown = browser.text("#auditForm\\:verifyResult");
            browser.screenshot("tamper-" + what);
            assertTrue(shown.contains("broken at event " + seq) && shown.contains(eventId.toString()), what + ": " + shown);
        }
    }

    private void restoreOrFail(String token, long target) {
        JsonObject api = Http.get("/api/audit/verify", token).json();
        assertTrue(api.getBoolean("valid"), "the test restores what it tampered with: " + api + " near " + target);
    }

    static void signInAsReviewer(Browser browser) {
        browser.open("/signin.xhtml");
        browser.signIn("reviewer", "demo");
    }

    static String key() {
        return Http.get("/api/audit/public-key", Http.token("reviewer", "demo")).json().getString("publicKey");
    }

    static Path export(String token, String query) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "audit-export", ".zip");
        HttpResponse<Path> response = CLIENT.send(HttpRequest.newBuilder(
                        URI.create(PortalDeployment.baseUrl() + "/api/audit/export" + query))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, response.statusCode(), () -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return e.toString();
            }
        });
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("userdesk-audit-"));
        return file;
    }

    static void agentChangesUsageLocation(String country) {
        Http.Answer answer = Http.patch("/api/customers/" + CONTOSO + "/users/" + PortalDeployment.DANIEL_TSAI,
                Http.token("agent", "demo"),
                "{\"usageLocation\":\"" + country + "\",\"attributes\":{\"objectType\":\"CustomerUser\"}}");
        assertEquals(200, answer.status(), answer.body());
    }

    static long headSeq() throws SQLException {
        try (Connection db = ItDatabase.connect(); Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static UUID eventIdAt(long seq) throws SQLException {
        try (Connection db = ItDatabase.connect();
             PreparedStatement q = db.prepareStatement("SELECT event_id FROM audit_event WHERE seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next(), "event " + seq);
                return rows.getObject(1, UUID.class);
            }
        }
    }

    static Map<String, String> newestEventOfType(String type) throws SQLException {
        try (Connection db = ItDatabase.connect();
             PreparedStatement q = db.prepareStatement("SELECT * FROM audit_event WHERE event_type = ?"
                     + " ORDER BY seq DESC LIMIT 1")) {
            q.setString(1, type);
            try (ResultSet rows = q.executeQuery()) {
                assertTrue(rows.next(), "an event of type " + type);
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                }
                return row;
            }
        }
    }

    static void superuser(String sql) throws SQLException {
        try (Connection db = ItDatabase.connect(); Statement s = db.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            try {
                s.execute(sql);
            } finally {
                s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
            }
        }
    }
}
