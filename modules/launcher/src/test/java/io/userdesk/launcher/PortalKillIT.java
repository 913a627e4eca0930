package io.userdesk.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Done-when 4 of the audit trail, with a real kill: the built one-jar ({@code java -jar userdesk.jar}, demo mode, its
 * own {@code USERDESK_HOME} and ports) runs; an agent's PATCH is held by the emulator's {@code HANG} fault after the
 * portal has committed the attempt; the portal's JVM (the launcher's Payara Micro child) is killed with SIGKILL, so
 * no outcome can be written; the launcher is started again on the same home (same embedded database, same audit key)
 * and the test checks, as a reviewer would, that the orphaned attempt was reconciled and the chain still verifies.
 *
 * <p>Why the one-jar rather than a second Payara in the web ITs: it is the product as shipped, killed the way a crash
 * or an OOM killer kills it, restarted the way an operator restarts it; and it costs the same two Payara boots.
 */
class PortalKillIT {

    private static final String CONTOSO = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";
    private static final String DANIEL_TSAI = "a9ef48bb-0000-4000-8000-000000000001";
    private static final String USER_PATH = "/api/customers/" + CONTOSO + "/users/" + DANIEL_TSAI;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int httpPort = Integer.getInteger("it.http.port", 18080);
    private final int dbPort = Integer.getInteger("it.db.port", 15432);
    private final Path jar = Path.of(System.getProperty("it.launcher.jar", "target/userdesk.jar"));
    private final Path reports = Path.of(System.getProperty("it.reports", "target/failsafe-reports"));
    private final Path home = Path.of(System.getProperty("it.home", "target/kill-it-home")).toAbsolutePath();
    private final List<Process> launchers = new ArrayList<>();

    @Test
    void aPortalKilledBetweenAttemptAndOutcomeHasTheAttemptReconciledAfterRestart() throws Exception {
        deleteRecursively(home);
        Process first = startLauncher("first-run");
        awaitReady(first, output("first-run"));

        String requestedName = "Killed Mid-Call " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> fault = send("POST", "/partner-center/_emulator/faults", null, "application/json",
                "{\"method\":\"PATCH\",\"path\":\"/v1/customers/*/users/*\",\"kind\":\"HANG\",\"delayMs\":120000,"
                        + "\"times\":1}");
        assertTrue(fault.statusCode() / 100 == 2, "the emulator takes the fault: " + fault.body());
        String agent = token("agent");
        CompletableFuture<HttpResponse<String>> patch = http.sendAsync(request("PATCH", USER_PATH, agent,
                        "application/json", "{\"displayName\":\"" + requestedName + "\"}").build(),
                HttpResponse.BodyHandlers.ofString());

        Attempt attempt = awaitCommittedAttempt(requestedName);
        assertFalse(patch.isDone(), "the PATCH is still in flight when the portal is killed");
        ProcessHandle portal = first.toHandle().children()
                .filter(child -> child.info().commandLine().orElse("").contains("payara-micro.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("the launcher runs Payara Micro as its child"));
        assertTrue(portal.destroyForcibly(), "SIGKILL sent to the portal's JVM");
        portal.onExit().get(30, TimeUnit.SECONDS);

        HttpResponse<String> cutOff = awaitAnswerOrFailure(patch);
        assertTrue(cutOff == null || cutOff.statusCode() != 200,
                "the agent never got a success for a change that was cut off: " + (cutOff == null ? "" : cutOff.body()));
        assertTrue(first.waitFor(90, TimeUnit.SECONDS), "the launcher stops its database and exits with its portal");

        Instant restartedAt = Instant.now();
        Process second = startLauncher("second-run");
        awaitReady(second, output("second-run"));
        String reviewer = token("reviewer");
        JsonObject reconciled = awaitReconciliation(reviewer, attempt.correlationId());

        assertEquals("FAILED", reconciled.getString("outcome"), "the emulator never applied the held PATCH: " + reconciled);
        assertEquals("userdesk-system", reconciled.getString("actorId"));
        assertEquals(CONTOSO, reconciled.getString("customerId"));
        assertEquals("Contoso Ltd", reconciled.getString("customerName"));
        assertEquals(DANIEL_TSAI, reconciled.getString("userId"));
        assertTrue(reconciled.getJsonNumber("seq").longValue() > attempt.seq());
        assertTrue(Instant.parse(reconciled.getString("occurredAt")).isAfter(restartedAt),
                "reconciled by the restarted portal: " + reconciled.getString("occurredAt") + " vs " + restartedAt);
        JsonObject details = reconciled.getJsonObject("details");
        assertEquals(attempt.seq(), details.getJsonNumber("attemptSeq").longValue());
        assertEquals(requestedName, details.getJsonObject("requested").getString("displayName"));
        assertNotEquals(requestedName, details.getJsonObject("current").getString("displayName"));
        assertTrue(details.getString("verdict").contains("not applied"), details.toString());

        JsonObject shownAttempt = json(send("GET", "/api/audit/events/" + attempt.seq(), reviewer, null, null));
        assertEquals("USER_UPDATE_ATTEMPT", shownAttempt.getString("eventType"));
        assertEquals("PENDING", shownAttempt.getString("outcome"));
        assertEquals(attempt.correlationId(), shownAttempt.getString("correlationId"));
        assertEquals(List.of("USER_UPDATE_ATTEMPT", "USER_UPDATE_RECONCILED"), eventTypesOf(attempt.correlationId()),
                "the attempt is settled once, by the reconciliation, and never got an outcome");

        JsonObject user = json(send("GET", USER_PATH, token("agent"), null, null));
        assertNotEquals(requestedName, user.getString("displayName"), "what the agent sees agrees with the verdict");

        JsonObject verification = json(send("GET", "/api/audit/verify", reviewer, null, null));
        assertTrue(verification.getBoolean("valid"), "the chain verifies across the kill: " + verification);
        assertTrue(verification.getJsonNumber("eventsChecked").longValue() >= reconciled.getJsonNumber("seq").longValue(),
                verification.toString());
    }

    @AfterEach
    void stopLaunchers() throws InterruptedException {
        for (Process launcher : launchers) {
            if (launcher.isAlive()) {
                launcher.destroy(); // SIGTERM: the launcher stops Payara Micro, then PostgreSQL
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly();
                }
            }
        }
    }

    private Process startLauncher(String name) throws IOException {
        Files.createDirectories(reports);
        Path output = output(name);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("USERDESK_") || key.startsWith("PARTNER_CENTER_"));
        environment.put("USERDESK_HOME", home.toString());
        environment.put("USERDESK_HTTP_PORT", Integer.toString(httpPort));
        environment.put("USERDESK_DB_PORT", Integer.toString(dbPort));
        environment.put("USERDESK_DEMO", "true");
        // fault injection for this test only; the reconciler takes attempts older than 5 s instead of 120 s
        environment.put("USERDESK_JAVA_OPTS", "-Xmx768m -Demulator.admin.enabled=true"
                + " -Duserdesk.audit.reconcile.min-age-seconds=5");
        Process launcher = builder.start();
        launchers.add(launcher);
        return launcher;
    }

    /** Ready when the launcher prints its banner: after Payara Micro deployed both WARs and the portal answers. */
    private void awaitReady(Process launcher, Path output) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue() + " before it was ready;"
                        + " see " + output);
            }
            if (Files.readString(output, StandardCharsets.ISO_8859_1).contains("UserDesk is running:")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the portal was not ready within " + READY_TIMEOUT + "; see " + output);
    }

    private Path output(String run) {
        return reports.resolve(PortalKillIT.class.getName() + "-" + run + "-output.txt");
    }

    private Attempt awaitCommittedAttempt(String requestedName) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                    "SELECT seq, correlation_id FROM audit_event WHERE event_type = 'USER_UPDATE_ATTEMPT'"
                            + " AND details LIKE ? ORDER BY seq DESC LIMIT 1")) {
                query.setString(1, "%" + requestedName + "%");
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return new Attempt(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no committed attempt for '" + requestedName + "' within 20 s");
    }

    private List<String> eventTypesOf(String correlationId) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT event_type FROM audit_event WHERE correlation_id = ? ORDER BY seq")) {
            query.setString(1, correlationId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/"
                + EmbeddedDatabase.DATABASE_NAME, "postgres", "");
    }

    private JsonObject awaitReconciliation(String reviewer, String correlationId) throws InterruptedException {
        Instant deadline = Instant.now().plus(RECONCILE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> page = send("GET", "/api/audit/events?action=USER_UPDATE_RECONCILED&user="
                    + DANIEL_TSAI + "&pageSize=50", reviewer, null, null);
            assertEquals(200, page.statusCode(), page.body());
            Optional<JsonObject> found = json(page).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(event -> correlationId.equals(event.getString("correlationId", null))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the attempt " + correlationId + " was not reconciled within " + RECONCILE_TIMEOUT);
    }

    private static HttpResponse<String> awaitAnswerOrFailure(CompletableFuture<HttpResponse<String>> patch)
            throws InterruptedException, TimeoutException {
        try {
            return patch.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException connectionLost) {
            return null;
        }
    }

    private String token(String account) {
        HttpResponse<String> answer = send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&password=demo");
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).getString("access_token");
    }

    private HttpRequest.Builder request(String method, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(150))
                .header("Accept", "application/json, */*;q=0.1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private HttpResponse<String> send(String method, String path, String bearer, String contentType, String body) {
        try {
            return http.send(request(method, path, bearer, contentType, body).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> answer) {
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private record Attempt(long seq, String correlationId) {
    }
}
