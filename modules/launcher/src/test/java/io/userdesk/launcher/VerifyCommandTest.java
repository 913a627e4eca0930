package io.userdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.audit.export.ExportBundleWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar userdesk.jar verify FILE} as an auditor runs it: the exit code and what is printed for an intact
 * bundle, a bundle whose event was changed in the database before the export, and a file that is not a bundle.
 */
class VerifyCommandTest {

    @TempDir
    Path folder;

    @Test
    void anIntactExportIsValidAndATamperedOneNamesItsFirstBadEvent() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            io.userdesk.audit.SchemaMigrations.migrate(db);
            AuditStore store = new AuditStore(db);
            for (int i = 0; i < 5; i++) {
                store.append(NewAuditEvent.builder(AuditEventType.AUDIT_READ, AuditOutcome.SUCCEEDED)
                        .actor("reviewer", "Reviewer " + i, List.of("reviewer")).build());
            }
            Path intact = export(store, key, "intact.zip");
            String keyFile = folder.resolve("key.pem").toString();
            Files.writeString(Path.of(keyFile), key.publicKeyPem());

            Result ok = run("verify", intact.toString(), "--public-key", keyFile);
            assertEquals(VerifyCommand.INTACT, ok.code, ok.out + ok.err);
            assertTrue(ok.out.contains("VALID: 5 chain links checked"), ok.out);

            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
                s.execute("UPDATE audit_event SET actor_name = 'Someone Else' WHERE seq = 3");
            }
            String thirdId = store.findBySeq(3).orElseThrow().eventId().toString();
            Result broken = run("verify", export(store, key, "tampered.zip").toString());
            assertEquals(VerifyCommand.BROKEN, broken.code, broken.out + broken.err);
            assertTrue(broken.out.contains("INVALID: first bad event at seq 3 (event id " + thirdId + ")"), broken.out);
        }
        Files.writeString(folder.resolve("notes.zip"), "not a zip");
        Result unreadable = run("verify", folder.resolve("notes.zip").toString());
        assertEquals(VerifyCommand.UNREADABLE, unreadable.code);
        assertTrue(unreadable.err.startsWith("The export cannot be checked:"), unreadable.err);
        assertEquals(VerifyCommand.UNREADABLE, run("verify").code);
    }

    private Path export(AuditStore store, AuditSigningKey key, String name) throws Exception {
        Path file = folder.resolve(name);
        AuditCheckpoint checkpoint = store.checkpoint(key).orElseThrow();
        try (OutputStream out = Files.newOutputStream(file)) {
            ExportBundleWriter.write(store, AuditQuery.builder().build(), checkpoint, "test", Instant.now(), out);
        }
        return file;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
