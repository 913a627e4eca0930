package io.userdesk.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.ChainVerification;
import io.userdesk.audit.DatabaseRoles;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.audit.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export bundles and the offline verifier against a real PostgreSQL: an untouched export verifies; after a superuser
 * tampers with the table, the database check and the offline check name the same first bad event.
 */
class ExportBundleTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path folder;

    private DataSource dataSource;
    private String databaseName;
    private AuditStore store;
    private final AuditSigningKey key = AuditSigningKey.generate();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        databaseName = "export_test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + databaseName);
        }
        dataSource = postgres.getDatabase("postgres", databaseName);
        SchemaMigrations.migrate(dataSource);
        store = new AuditStore(dataSource, key, 4);
        for (int i = 1; i <= 10; i++) {
            store.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
                    .actor(i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "Alice Agent" : "Bob Builder", List.of("agent"))
                    .customer("c-" + (i % 3), "Customer, \"" + (i % 3) + "\"")
                    .user("u-" + i, "user" + i + "@contoso.example")
                    .correlationId("corr-" + i)
                    .details(Map.of("requested", Map.of("displayName", "=SUM(A1) line\n" + i)))
                    .build());
        }
    }

    @Test
    void storeWritesACheckpointEveryNEventsAndVerifyChecksThem() {
        List<AuditCheckpoint> checkpoints = store.checkpoints();
        assertEquals(List.of(4L, 8L), checkpoints.stream().map(AuditCheckpoint::uptoSeq).toList());
        assertTrue(checkpoints.stream().allMatch(AuditCheckpoint::signatureValid));
        assertEquals(new ChainVerification(true, 10, null, null), store.verify());
        assertEquals(new ChainVerification(true, 3, null, null), store.verify(3, 5));
    }

    @Test
    void anUntouchedExportOfEverythingVerifiesOffline() throws IOException {
        Path bundle = export(AuditQuery.builder().build());
        BundleVerification result = ExportBundleVerifier.verify(bundle, key.publicKeyBase64());
        assertTrue(result.valid(), result.chain().reason());
        assertEquals(10, result.chain().eventsChecked());
        assertTrue(result.manifestSummary().contains("key " + key.keyId()), result.manifestSummary());
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            String csv = new String(zip.getInputStream(zip.getEntry("events.csv")).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(11, csv.split("\r\n(?=\\d|$)").length, "header and ten records");
            assertTrue(csv.contains("\"'=SUM(A1) line") || csv.contains("=SUM(A1)"), csv);
            assertTrue(csv.contains("\"Customer, \"\"1\"\"\""), "commas and quotes are quoted: " + csv);
        }
    }

    @Test
    void aClientGoingAwayMidExportEndsItWithAnErrorAndLeavesNoWorkerThreadBehind() throws Exception {
        // many events quickly: the export does not check hashes, so plain rows will do
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (seq, event_id, occurred_at, event_type, outcome, actor_id, details, prev_hash, hash)"
                    + " SELECT g, gen_random_uuid(), clock_timestamp(), 'AUDIT_READ', 'SUCCEEDED', 'rita',"
                    + " '{\"page\":\"' || md5(g::text) || '\"}', lpad(to_hex(g - 1), 64, '0'), lpad(to_hex(g), 64, '0')"
                    + " FROM generate_series(11, 2010) AS g");
        }
        AuditCheckpoint covering = store.checkpoint(key).orElseThrow();
        OutputStream goneAfter20k = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 20_000) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        java.io.UncheckedIOException failure = assertThrows(java.io.UncheckedIOException.class,
                () -> ExportBundleWriter.write(store, AuditQuery.builder().build(), covering, "reviewer",
                        Instant.now(), goneAfter20k));
        assertTrue(String.valueOf(failure.getCause()).contains("Broken pipe"), String.valueOf(failure.getCause()));
        for (int wait = 0; wait < 50 && workerThreadsAlive(); wait++) {
            Thread.sleep(100);
        }
        assertTrue(!workerThreadsAlive(), "the reader, CSV and deflate threads ended");
        assertEquals(2010, store.count(), "the store still answers");
    }

    private static boolean workerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("userdesk-audit-"));
    }

    @Test
    void aFilteredExportProvesItsEventsBelongToTheSignedChain() throws IOException {
        Path bundle = export(AuditQuery.builder().actor("Alice Agent").actor("nobody").build());
        BundleVerification result = ExportBundleVerifier.verify(bundle, null);
        assertTrue(result.valid(), result.chain().reason());
        assertTrue(result.manifestSummary().contains("events: 5 (seq 2 to 10)"), result.manifestSummary());
    }

    @Test
    void aBundleSignedWithAnotherKeyOrWithAChangedFileIsRefused() throws IOException {
        Path bundle = export(AuditQuery.builder().build());
        BundleVerification otherKey = ExportBundleVerifier.verify(bundle, AuditSigningKey.generate().publicKeyBase64());
        assertFalse(otherKey.valid());
        assertTrue(otherKey.chain().reason().contains("not with the expected key"), otherKey.chain().reason());

        Path edited = folder.resolve("edited.zip");
        try (ZipFile zip = new ZipFile(bundle.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("events.jsonl")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("bob", "eve")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        BundleVerification result = ExportBundleVerifier.verify(edited, null);
        assertFalse(result.valid());
        assertTrue(result.chain().reason().contains("events.jsonl does not match the SHA-256"), result.chain().reason());

        Files.writeString(folder.resolve("not.zip"), "hello");
        assertThrows(IOException.class, () -> ExportBundleVerifier.verify(folder.resolve("not.zip"), null));
    }

    @Test
    void afterAChangeADeletionOrAReorderTheDatabaseAndTheExportNameTheSameFirstBadEvent() throws Exception {
        AuditEvent fifth = store.findBySeq(5).orElseThrow();
        AuditEvent sixth = store.findBySeq(6).orElseThrow();
        AuditEvent seventh = store.findBySeq(7).orElseThrow();

        asSuperuserWithoutTriggers("UPDATE audit_event SET user_principal_name = 'x@evil.example' WHERE seq = 5");
        assertFirstBadEvent(5, fifth, "was changed");
        asSuperuserWithoutTriggers("UPDATE audit_event SET user_principal_name = 'user5@contoso.example' WHERE seq = 5");
        assertTrue(store.verify().valid());

        asSuperuserWithoutTriggers("CREATE TABLE saved AS SELECT * FROM audit_event WHERE seq = 6;"
                + " DELETE FROM audit_event WHERE seq = 6");
        assertFirstBadEvent(7, seventh, "expected seq 6");
        asSuperuserWithoutTriggers("INSERT INTO audit_event SELECT * FROM saved; DROP TABLE saved");
        assertTrue(store.verify().valid());

        asSuperuserWithoutTriggers("UPDATE audit_event SET seq = seq + 1000000 WHERE seq IN (5, 6);"
                + " UPDATE audit_event SET seq = CASE seq WHEN 1000005 THEN 6 ELSE 5 END WHERE seq > 1000000");
        assertFirstBadEvent(5, sixth, "prev_hash");
        asSuperuserWithoutTriggers("UPDATE audit_event SET seq = seq + 1000000 WHERE seq IN (5, 6);"
                + " UPDATE audit_event SET seq = CASE seq WHEN 1000005 THEN 6 ELSE 5 END WHERE seq > 1000000");
        assertTrue(store.verify().valid());
        assertTrue(ExportBundleVerifier.verify(export(AuditQuery.builder().build()), null).valid());
    }

    @Test
    void theApplicationRoleMayOnlyInsertAndSelectOnTheAuditTables() throws SQLException {
        DatabaseRoles.ensureApplicationRole(dataSource, "userdesk_app_test", "app-secret");
        DatabaseRoles.grantApplicationRole(dataSource, "userdesk_app_test");
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + databaseName;
        try (Connection app = DriverManager.getConnection(url, "userdesk_app_test", "app-secret");
             Statement s = app.createStatement()) {
            AuditStore appStore = new AuditStore(singleUse(url));
            assertNotNull(appStore.append(NewAuditEvent.builder(AuditEventType.AUDIT_READ, AuditOutcome.SUCCEEDED)
                    .actor("reviewer", "Reviewer", List.of("reviewer")).build()));
            assertTrue(appStore.checkpoint(key).isPresent());
            for (String sql : List.of("UPDATE audit_event SET actor_id = 'x'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER USER",
                    "UPDATE audit_checkpoint SET signature = 'x'", "DELETE FROM audit_checkpoint",
                    "TRUNCATE audit_checkpoint")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("permission denied")
                        || refused.getMessage().contains("must be owner"), sql + ": " + refused.getMessage());
            }
            assertEquals(11, appStore.count());
            assertTrue(appStore.verify().valid());
        }
    }

    private DataSource singleUse(String url) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(url);
        source.setUser("userdesk_app_test");
        source.setPassword("app-secret");
        return source;
    }

    private void assertFirstBadEvent(long seq, AuditEvent expected, String reasonPart) throws IOException {
        ChainVerification inDatabase = store.verify();
        assertFalse(inDatabase.valid());
        assertEquals(seq, inDatabase.firstInvalidSeq());
        assertEquals(expected.eventId(), inDatabase.firstInvalidEventId());
        assertTrue(inDatabase.reason().contains(reasonPart), inDatabase.reason());

        BundleVerification offline = ExportBundleVerifier.verify(export(AuditQuery.builder().build()), null);
        assertFalse(offline.valid());
        assertEquals(seq, offline.chain().firstInvalidSeq());
        assertEquals(expected.eventId(), offline.chain().firstInvalidEventId());
        assertTrue(offline.chain().reason().contains(reasonPart), offline.chain().reason());
    }

    private Path export(AuditQuery query) throws IOException {
        Path bundle = Files.createTempFile(folder, "export", ".zip");
        AuditCheckpoint covering = store.checkpoint(key).orElseThrow();
        try (OutputStream out = Files.newOutputStream(bundle)) {
            ExportBundleWriter.write(store, query, covering, "reviewer", Instant.now(), out);
        }
        return bundle;
    }

    private void asSuperuserWithoutTriggers(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute(sql);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
    }
}
