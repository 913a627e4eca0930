package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the store against a real PostgreSQL (zonky embedded, one server for the class). Each test gets its own freshly
 * migrated database, because the table under test refuses DELETE and TRUNCATE by design.
 */
class AuditStoreTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres postgres;

    private DataSource dataSource;
    private AuditStore store;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshMigratedDatabase() throws SQLException {
        dataSource = newDatabase();
        SchemaMigrations.migrate(dataSource);
        store = new AuditStore(dataSource);
    }

    private static DataSource newDatabase() throws SQLException {
        String name = "audit_test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Test
    void migrationsCreateBothTablesAndRunOnlyOnce() throws SQLException {
        SchemaMigrations.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet tables = s.executeQuery("SELECT to_regclass('audit_event') IS NOT NULL,"
                    + " to_regclass('staff_account') IS NOT NULL");
            tables.next();
            assertTrue(tables.getBoolean(1));
            assertTrue(tables.getBoolean(2));
            ResultSet history = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
            history.next();
            assertEquals(migrationFiles(), history.getInt(1), "every migration ran exactly once");
        }
        assertEquals(0, store.count());
        assertEquals(new ChainVerification(true, 0, null, null), store.verify());
    }

    /** The versioned migrations shipped in this module (counted, so adding one does not break this test). */
    private static int migrationFiles() {
        java.io.File dir = new java.io.File("src/main/resources/db/migration/userdesk");
        String[] files = dir.list((d, name) -> name.matches("V\\d+__.*\\.sql"));
        assertTrue(files != null && files.length >= 2, "migrations not found at " + dir.getAbsolutePath());
        return files.length;
    }

    @Test
    void appendedEventsFormAValidChain() {
        AuditEvent first = store.append(event("c-1", "u-1", "alice", "Alice Agent")
                .correlationId("corr-1").build());
        AuditEvent second = store.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.SUCCEEDED)
                .actor("zoe", "Zoë Ångström 日本", List.of("reviewer", "agent"))
                .client("2001:db8::1", "Mozilla/5.0 (X11; Linux x86_64)")
                .customer("c-1", "Contoso \"Europe\"")
                .user("u-1", "bob@contoso.example")
                .correlationId("corr-1")
                .requestId("req-1")
                .httpStatus(200)
                .durationMs(1234L)
                .details(orderedDetails())
                .build());
        AuditEvent third = store.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_REJECTED, AuditOutcome.REJECTED)
                .actor("alice", null, null)
                .error("VALIDATION", "displayName: must not be blank\n(line 2)")
                .build());

        assertEquals(List.of(1L, 2L, 3L), List.of(first.seq(), second.seq(), third.seq()));
        assertEquals(AuditHashing.GENESIS_HASH, first.prevHash());
        assertEquals(first.hash(), second.prevHash());
        assertEquals(second.hash(), third.prevHash());
        for (AuditEvent appended : List.of(first, second, third)) {
            assertEquals(AuditHashing.hashOf(appended), appended.hash());
            assertEquals(appended, store.findBySeq(appended.seq()).orElseThrow(), "read back differs from appended");
            assertEquals(appended.occurredAt(), appended.occurredAt().truncatedTo(ChronoUnit.MICROS));
        }
        assertFalse(second.occurredAt().isBefore(first.occurredAt()));
        assertFalse(third.occurredAt().isBefore(second.occurredAt()));

        AuditEvent stored = store.findBySeq(2).orElseThrow();
        assertEquals(List.of("agent", "reviewer"), stored.actorRoles());
        assertEquals("{\"changed\":[\"displayName\",\"jobTitle\"],\"password\":\"changed\",\"zeta\":{\"n\":-3}}",
                stored.details());
        assertEquals(List.of(), store.findBySeq(3).orElseThrow().actorRoles());
        assertTrue(store.findBySeq(4).isEmpty());
        assertEquals(List.of(first, second), store.findByCorrelationId("corr-1"));
        assertEquals(List.of(), store.findByCorrelationId("nope"));

        assertEquals(3, store.count());
        assertEquals(new ChainVerification(true, 3, null, null), store.verify());
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncateEvenForTheSuperuser() throws SQLException {
        appendEvents(2);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE audit_event SET actor_id = 'x'", "DELETE FROM audit_event WHERE seq = 2",
                    "TRUNCATE audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql);
                assertTrue(refused.getMessage().contains("audit_event is append-only: " + sql.split(" ")[0]),
                        refused.getMessage());
            }
        }
        assertEquals(2, store.count());
        assertTrue(store.verify().valid());
    }

    @Test
    void verifyFindsAChangedEvent() throws SQLException {
        appendEvents(3);
        asSuperuserWithoutTriggers("UPDATE audit_event SET actor_id = 'mallory' WHERE seq = 2");
        ChainVerification result = store.verify();
        assertFalse(result.valid());
        assertEquals(2L, result.firstInvalidSeq());
        assertEquals(2, result.eventsChecked());
        assertTrue(result.reason().contains("was changed"), result.reason());
    }

    @Test
    void verifyFindsAChangedEventWhoseHashWasRecomputed() throws SQLException {
        appendEvents(3);
        asSuperuserWithoutTriggers("UPDATE audit_event SET actor_id = 'mallory' WHERE seq = 2");
        AuditEvent forged = store.findBySeq(2).orElseThrow();
        asSuperuserWithoutTriggers("UPDATE audit_event SET hash = '" + AuditHashing.hashOf(forged) + "' WHERE seq = 2");
        ChainVerification result = store.verify();
        assertEquals(3L, result.firstInvalidSeq());
        assertTrue(result.reason().contains("prev_hash"), result.reason());
    }

    @Test
    void verifyFindsADeletedEventAtTheNextOne() throws SQLException {
        appendEvents(3);
        asSuperuserWithoutTriggers("DELETE FROM audit_event WHERE seq = 2");
        ChainVerification result = store.verify();
        assertFalse(result.valid());
        assertEquals(3L, result.firstInvalidSeq());
        assertTrue(result.reason().contains("expected seq 2"), result.reason());
    }

    @Test
    void searchFiltersByCustomerUserActorTypeOutcomeAndTime() {
        store.append(event("c-1", "u-1", "alice", "Alice Agent").build());
        store.append(event("c-1", "u-2", "bob", "Bob Builder").build());
        Instant between = store.append(event("c-2", "u-3", "alice", "Alice Agent").build()).occurredAt();
        store.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.FAILED)
                .actor("carol", "Carol", null).customer("c-2", null).user("u-3", null).httpStatus(409).build());

        assertEquals(List.of(2L, 1L), seqs(AuditQuery.builder().customerId("c-1").build()));
        assertEquals(List.of(4L, 3L), seqs(AuditQuery.builder().userId("u-3").build()));
        assertEquals(List.of(3L, 1L), seqs(AuditQuery.builder().actor("alice").build()));
        assertEquals(List.of(3L, 1L), seqs(AuditQuery.builder().actor("ALICE agent").build()));
        assertEquals(List.of(), seqs(AuditQuery.builder().actor("Alice").build()));
        assertEquals(List.of(3L), seqs(AuditQuery.builder().actor("alice").customerId("c-2").build()));
        assertEquals(List.of(4L), seqs(AuditQuery.builder()
                .eventTypes(Set.of(AuditEventType.USER_UPDATE_OUTCOME, AuditEventType.USER_UPDATE_REJECTED)).build()));
        assertEquals(List.of(4L), seqs(AuditQuery.builder().outcome(AuditOutcome.FAILED).build()));
        assertEquals(List.of(3L, 2L, 1L), seqs(AuditQuery.builder().outcome(AuditOutcome.PENDING).build()));
        assertEquals(List.of(4L, 3L), seqs(AuditQuery.builder().from(between).build()));
        assertEquals(List.of(2L, 1L), seqs(AuditQuery.builder().to(between).build()));
        assertEquals(List.of(4L, 3L, 2L, 1L), seqs(AuditQuery.builder().customerId(" ").build()));
    }

    @Test
    void keysetPagingReturnsEveryEventOnceNewestFirst() {
        appendEvents(25);
        AuditQuery query = AuditQuery.builder().pageSize(10).build();
        List<Integer> pageSizes = new ArrayList<>();
        List<AuditEvent> all = new ArrayList<>();
        AuditPage page = store.search(query);
        pageSizes.add(page.items().size());
        all.addAll(page.items());
        // events arriving while someone pages must neither shift nor repeat the older pages
        appendEvents(3);
        while (page.hasMore()) {
            page = store.search(query.withCursor(page.nextCursor()));
            pageSizes.add(page.items().size());
            all.addAll(page.items());
        }
        assertEquals(List.of(10, 10, 5), pageSizes);
        assertNull(page.nextCursor());
        assertEquals(LongStream.rangeClosed(1, 25).map(i -> 26 - i).boxed().collect(Collectors.toList()),
                all.stream().map(AuditEvent::seq).collect(Collectors.toList()));
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).occurredAt().isAfter(all.get(i - 1).occurredAt()), "not newest first");
        }
        assertEquals(28, store.search(AuditQuery.builder().pageSize(500).build()).items().size());
    }

    @Test
    void pagingThroughSeveralActorsByIdAndNameReturnsEachMatchOnceNewestFirst() {
        // erin left long ago: her events are the oldest, behind everybody else's
        for (int i = 0; i < 3; i++) {
            store.append(event("c-9", "u-9", "erin", "Erin Former").build());
        }
        String[][] staff = {{"alice", "Alice"}, {"bob", "Bob"}, {"carol", "Carol"}, {"dave", "alice"}};
        Set<String> wanted = Set.of("alice", "bob", "dave", "erin");
        List<Long> expected = new ArrayList<>(List.of(3L, 2L, 1L));
        for (int i = 0; i < 40; i++) {
            String[] actor = staff[i % staff.length];
            long seq = store.append(event("c-" + i % 3, "u-" + i, actor[0], actor[1]).build()).seq();
            if (wanted.contains(actor[0])) {
                expected.add(0, seq);
            }
        }
        // "alice" is alice's id and name and dave's name; "Bob" is bob's name only; "erin former" erin's name
        AuditQuery query = AuditQuery.builder().actor("alice").actor("Bob").actor("erin former").pageSize(4).build();

        List<Long> paged = new ArrayList<>();
        AuditPage page = store.search(query);
        paged.addAll(page.items().stream().map(AuditEvent::seq).toList());
        while (page.hasMore()) {
            page = store.search(query.withCursor(page.nextCursor()));
            paged.addAll(page.items().stream().map(AuditEvent::seq).toList());
        }
        assertEquals(expected, paged);

        List<Long> streamed = new ArrayList<>();
        store.streamMatching(query, e -> streamed.add(e.seq()));
        List<Long> oldestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, streamed);

        assertEquals(List.of(3L, 2L, 1L), seqs(AuditQuery.builder().actor("erin").build()));
        assertEquals(List.of(2L), seqs(AuditQuery.builder().actor("Erin Former").customerId("c-9")
                .to(store.search(AuditQuery.builder().actor("erin").pageSize(1).build()).items().get(0).occurredAt())
                .pageSize(1).build()));
    }

    @Test
    void attemptsWithoutOutcomeAreFoundOnceOldEnoughAndFromWhereTheLastLookStopped() {
        AuditEvent orphan = store.append(step(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING, "corr-1"));
        // a retried call shares the correlation id but does not settle the attempt
        store.append(step(AuditEventType.USER_UPDATE_RETRY, AuditOutcome.PENDING, "corr-1"));
        store.append(step(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING, "corr-2"));
        store.append(step(AuditEventType.USER_UPDATE_OUTCOME, AuditOutcome.SUCCEEDED, "corr-2"));
        store.append(step(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING, "corr-3"));
        store.append(step(AuditEventType.USER_UPDATE_RECONCILED, AuditOutcome.FAILED, "corr-3"));

        OpenAttempts tooYoung = store.findAttemptsWithoutOutcome(3600, null);
        assertEquals(List.of(), tooYoung.attempts(), "an hour-old limit: all of them may still be in flight");
        assertTrue(tooYoung.checkedUpTo().isBefore(orphan.occurredAt()));

        OpenAttempts open = store.findAttemptsWithoutOutcome(0, null);
        assertEquals(List.of(orphan.seq()), open.attempts().stream().map(AuditEvent::seq).toList());
        assertFalse(open.checkedUpTo().isBefore(orphan.occurredAt()), "the look covered the orphan");

        assertEquals(List.of(), store.findAttemptsWithoutOutcome(0, open.checkedUpTo().plusNanos(1000)).attempts(),
                "a look from where the last one stopped reads only newer attempts");
        assertEquals(List.of(orphan.seq()), store.findAttemptsWithoutOutcome(0, orphan.occurredAt()).attempts()
                .stream().map(AuditEvent::seq).toList(), "a look from the orphan's time finds it again");
    }

    private static NewAuditEvent step(AuditEventType type, AuditOutcome outcome, String correlationId) {
        return NewAuditEvent.builder(type, outcome).actor("alice", "Alice", List.of("agent"))
                .customer("c-1", "Contoso").user("u-1", "u1@contoso.example").correlationId(correlationId).build();
    }

    @Test
    void aCursorNotMadeBySearchIsRefused() {
        appendEvents(1);
        Base64.Encoder base64 = Base64.getUrlEncoder();
        for (String cursor : List.of("not base64!", base64.encodeToString("hello".getBytes(StandardCharsets.US_ASCII)),
                base64.encodeToString("123:0".getBytes(StandardCharsets.US_ASCII)),
                base64.encodeToString("123:-4".getBytes(StandardCharsets.US_ASCII)),
                base64.encodeToString("99999999999999999999:1".getBytes(StandardCharsets.US_ASCII)),
                base64.encodeToString("9223372036854775807:1".getBytes(StandardCharsets.US_ASCII)))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.search(AuditQuery.builder().cursor(cursor).build()), cursor);
            assertEquals("invalid cursor", refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.builder().pageSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.builder().pageSize(501).build());
    }

    @Test
    void detailsCarryingASecretAreRefusedAndNothingIsWritten() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.append(
                event("c-1", "u-1", "alice", null).details(Map.of("password", "hunter2")).build()));
        assertEquals("details must not carry secrets: key password", refused.getMessage());

        Map<String, Object> nested = Map.of("changes", List.of(Map.of("field", "x"), Map.of("AccessToken", "eyJ...")));
        refused = assertThrows(IllegalArgumentException.class,
                () -> store.append(event("c-1", "u-1", "alice", null).details(nested).build()));
        assertEquals("details must not carry secrets: key AccessToken", refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> store.append(event("c-1", "u-1", "alice", null).details(Map.of("token", 12345)).build()));
        assertEquals(0, store.count());

        Map<String, Object> harmless = new LinkedHashMap<>();
        harmless.put("newPassword", "changed");
        harmless.put("clientSecret", null);
        harmless.put("refreshToken", false);
        harmless.put("passwordPolicy", "strong");
        store.append(event("c-1", "u-1", "alice", null).details(harmless).build());
        assertEquals(1, store.count());
    }

    @Test
    void concurrentAppendsFormOneGaplessChain() throws Exception {
        int threads = 8;
        int appendsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String actor = "agent-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < appendsPerThread; i++) {
                        seqs.add(store.append(event("c-" + i % 3, "u-" + i, actor, null).build()).seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            Set<Long> seqs = new HashSet<>();
            for (Future<List<Long>> result : results) {
                seqs.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(LongStream.rangeClosed(1, 400).boxed().collect(Collectors.toSet()), seqs);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, store.count());
        assertEquals(new ChainVerification(true, 400, null, null), store.verify());
    }

    @Test
    void streamingHandsOverEveryRowInOrderAndStopsReadingWhenTheConsumerFails() {
        int events = RowPipeline.BATCH_SIZE * 2 + 77;
        // many rows quickly: streaming does not check hashes, so plain rows will do
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (seq, event_id, occurred_at, event_type, outcome, actor_id, details, prev_hash, hash)"
                    + " SELECT g, gen_random_uuid(), clock_timestamp(), 'AUDIT_READ', 'SUCCEEDED', 'rita',"
                    + " '{\"page\":\"' || md5(g::text) || '\"}', lpad(to_hex(g - 1), 64, '0'), lpad(to_hex(g), 64, '0')"
                    + " FROM generate_series(1, " + events + ") AS g");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Long> seqs = new ArrayList<>();
        assertEquals(events, store.streamRange(1, Long.MAX_VALUE, e -> seqs.add(e.seq())));
        assertEquals(LongStream.rangeClosed(1, events).boxed().toList(), seqs);

        IllegalStateException stop = new IllegalStateException("the client went away");
        AtomicInteger consumed = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> store.streamRange(1, Long.MAX_VALUE, e -> {
                    if (consumed.incrementAndGet() == RowPipeline.BATCH_SIZE + 3) {
                        throw stop;
                    }
                }));
        assertTrue(thrown == stop, "the consumer's own exception comes back");
        assertEquals(RowPipeline.BATCH_SIZE + 3, consumed.get(), "nothing is handed over after the failure");
        assertEquals(events, store.count(), "the store still answers");
    }

    @Test
    void aConnectionDefaultingToRepeatableReadStillExtendsTheOneChain() throws SQLException {
        store.append(event("c", "u", "a", null).build());
        try (Connection repeatableRead = dataSource.getConnection()) {
            repeatableRead.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            AuditStore onRepeatableRead = new AuditStore(singleConnection(repeatableRead));
            // the one-round-trip function refuses such a transaction; the store then sets READ COMMITTED itself
            assertEquals(2, onRepeatableRead.append(event("c", "u", "b", null).build()).seq());
            assertEquals(3, store.append(event("c", "u", "a", null).build()).seq());
            assertEquals(4, onRepeatableRead.append(event("c", "u", "b", null).build()).seq());
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, repeatableRead.getTransactionIsolation());
            assertTrue(repeatableRead.getAutoCommit());
        }
        assertEquals(new ChainVerification(true, 4, null, null), store.verify());
    }

    @Test
    void theAppendFunctionMakesItsOwnTransactionCommitSynchronouslyAndLeavesTheSessionAsItWas() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            c.setAutoCommit(false);
            try (ResultSet appended = s.executeQuery("SELECT appended_seq FROM audit_append(gen_random_uuid(),"
                    + " 'AUDIT_READ', 'SUCCEEDED', 'a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, '{}', '{', ',', ',', '}', 1, '10s')")) {
                assertTrue(appended.next());
            }
            assertEquals("on", show(s, "synchronous_commit"), "the append's transaction commits synchronously");
            c.rollback();
            assertEquals("off", show(s, "synchronous_commit"), "only for that transaction");
            c.setAutoCommit(true);
        }
        assertEquals(0, store.count());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rows = s.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aStoppedDatabaseMakesTheTrailUnavailable() throws Exception {
        DataSource stopped;
        try (EmbeddedPostgres shortLived = EmbeddedPostgres.builder().start()) {
            stopped = shortLived.getPostgresDatabase();
            SchemaMigrations.migrate(stopped);
            assertEquals(1, new AuditStore(stopped).append(event("c", "u", "a", null).build()).seq());
        }
        AuditStore storeOnStoppedDatabase = new AuditStore(stopped);
        AuditUnavailableException writeFailure = assertThrows(AuditUnavailableException.class,
                () -> storeOnStoppedDatabase.append(event("c", "u", "a", null).build()));
        assertTrue(writeFailure.getMessage().startsWith("The audit trail cannot be written: "), writeFailure.getMessage());
        assertTrue(writeFailure.getMessage().contains("08"), writeFailure.getMessage());
        assertTrue(writeFailure.getCause() instanceof SQLException);
        AuditUnavailableException readFailure = assertThrows(AuditUnavailableException.class,
                storeOnStoppedDatabase::count);
        assertTrue(readFailure.getMessage().startsWith("The audit trail cannot be read: "), readFailure.getMessage());
        assertThrows(AuditUnavailableException.class, storeOnStoppedDatabase::verify);

        IllegalStateException migrationFailure = assertThrows(IllegalStateException.class,
                () -> SchemaMigrations.migrate(stopped));
        assertTrue(migrationFailure.getMessage().startsWith("UserDesk database schema migration failed"),
                migrationFailure.getMessage());
    }

    @Test
    void aPooledConnectionGoesBackWithItsAutoCommitAfterSuccessAndFailure() throws SQLException {
        try (Connection pooled = dataSource.getConnection()) {
            AuditStore onOneConnection = new AuditStore(singleConnection(pooled));
            onOneConnection.append(event("c", "u", "a", null).build());
            assertTrue(pooled.getAutoCommit());

            pooled.setAutoCommit(false);
            onOneConnection.append(event("c", "u", "a", null).build());
            assertFalse(pooled.getAutoCommit());
            pooled.setAutoCommit(true);
            assertTrue(onOneConnection.verify().valid());
            assertTrue(pooled.getAutoCommit());
        }
        try (Connection unmigrated = newDatabase().getConnection()) {
            AuditStore onOneConnection = new AuditStore(singleConnection(unmigrated));
            AuditUnavailableException failure = assertThrows(AuditUnavailableException.class,
                    () -> onOneConnection.append(event("c", "u", "a", null).build()));
            assertTrue(failure.getMessage().contains("have the schema migrations run?"), failure.getMessage());
            assertTrue(unmigrated.getAutoCommit());
            try (Statement s = unmigrated.createStatement(); ResultSet one = s.executeQuery("SELECT 1")) {
                assertTrue(one.next(), "the connection is still usable");
            }
        }
        assertEquals(2, store.count());
    }

    @Test
    void staffAccountsCanBeUpdatedAndAreChecked() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO staff_account (username, display_name, password_hash, roles)"
                    + " VALUES ('alice', 'Alice', 'pbkdf2$...', 'agent,reviewer')");
            assertEquals(1, s.executeUpdate("UPDATE staff_account SET enabled = false, roles = 'admin'"));
            ResultSet row = s.executeQuery("SELECT enabled, created_at FROM staff_account WHERE username = 'alice'");
            row.next();
            assertFalse(row.getBoolean(1));
            assertNotNull(row.getObject(2));
            for (String bad : List.of("('Bob', 'B', 'h', 'agent')", "('carol', 'C', 'h', 'agent, admin')",
                    "('dave', 'D', 'h', 'root')")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(
                        "INSERT INTO staff_account (username, display_name, password_hash, roles) VALUES " + bad));
                assertEquals("23514", refused.getSQLState(), bad);
            }
            assertEquals(1, s.executeUpdate("DELETE FROM staff_account"));
        }
    }

    private static NewAuditEvent.Builder event(String customerId, String userId, String actorId, String actorName) {
        return NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
                .actor(actorId, actorName, List.of("agent"))
                .client("192.0.2.10", "JUnit")
                .customer(customerId, null)
                .user(userId, null)
                .details(Map.of("changed", List.of("displayName")));
    }

    private static Map<String, Object> orderedDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", Map.of("n", -3));
        details.put("password", "changed");
        details.put("changed", List.of("displayName", "jobTitle"));
        return details;
    }

    private void appendEvents(int count) {
        for (int i = 0; i < count; i++) {
            store.append(event("c-1", "u-" + i, "alice", "Alice").build());
        }
    }

    private List<Long> seqs(AuditQuery query) {
        return store.search(query).items().stream().map(AuditEvent::seq).collect(Collectors.toList());
    }

    /** What an attacker with the owner's or a superuser's rights can do despite the triggers. */
    private void asSuperuserWithoutTriggers(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute(sql);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
    }

    /** A DataSource that always hands out the same connection and ignores close(), like a pool with one connection. */
    private static DataSource singleConnection(Connection connection) {
        ClassLoader loader = AuditStoreTest.class.getClassLoader();
        Connection unclosable = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
