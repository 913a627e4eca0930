package io.userdesk.audit;

import io.userdesk.audit.export.BundleVerification;
import io.userdesk.audit.export.ExportBundleVerifier;
import io.userdesk.audit.export.ExportBundleWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The audit trail's benchmark (not a test): fills a durable PostgreSQL ({@code fsync=on},
 * {@code synchronous_commit=on}) with a valid chain of N events (default 1,000,000), then measures the reviewer's
 * filtered first page and a page deep in the results, export and verify rates, and append throughput beside a raw
 * single-row INSERT baseline on the same server. Prints a Markdown table for docs/performance.md.
 *
 * <p>Run: {@code mvn -B -ntp -pl modules/audit-persistence test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.userdesk.audit.AuditBenchmark [-Dexec.args=1000000]}
 */
public final class AuditBenchmark {

    private static final int ACTORS = 50;
    private static final int CUSTOMERS = 200;
    private static final int USERS = 5000;
    private static final int APPENDS = 2000;
    private static final int APPEND_BLOCKS = 10;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("userdesk-benchmark");
        List<String> results = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB")
                .start()) {
            DataSource db = postgres.getPostgresDatabase();
            SchemaMigrations.migrate(db);
            AuditStore store = new AuditStore(db);
            AuditSigningKey key = AuditSigningKey.generate();

            long loadStart = System.nanoTime();
            load(db, events);
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE audit_event");
            }
            System.out.printf(Locale.ROOT, "loaded %,d events in %.1f s%n", events, seconds(loadStart));

            AuditQuery byActor = AuditQuery.builder().actor("Staff Member 7").pageSize(50).build();
            long matching = countMatching(store, byActor);
            measurePages(store, byActor, results, "actor = one of 50 staff (" + String.format(Locale.ROOT, "%,d", matching) + " matches)");
            AuditQuery byCustomerAndOutcome = AuditQuery.builder().customerId("Customer 42")
                    .outcome(AuditOutcome.SUCCEEDED).pageSize(50).build();
            measurePages(store, byCustomerAndOutcome, results, "customer name + outcome");
            AuditQuery twoActorsAndAction = AuditQuery.builder().actor("staff-3").actor("Staff Member 9")
                    .eventTypes(java.util.Set.of(AuditEventType.USER_UPDATE_OUTCOME)).pageSize(50).build();
            measurePages(store, twoActorsAndAction, results, "two actors + action");

            AuditCheckpoint covering = store.checkpoint(key).orElseThrow();
            Path bundle = work.resolve("export.zip");
            long exportStart = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16)) {
                ExportBundleWriter.write(store, AuditQuery.builder().build(), covering, "benchmark", Instant.now(), out);
            }
            double exportSeconds = seconds(exportStart);
            results.add(row("export everything (JSONL + CSV + chain, ZIP)", events / exportSeconds, "events/s",
                    String.format(Locale.ROOT, "%.1f s, %,d MB", exportSeconds, Files.size(bundle) >> 20)));

            long verifyStart = System.nanoTime();
            ChainVerification verified = store.verify();
            double verifySeconds = seconds(verifyStart);
            if (!verified.valid()) {
                throw new IllegalStateException("the generated chain does not verify: " + verified);
            }
            results.add(row("verify in the database (GET /api/audit/verify)", events / verifySeconds, "events/s",
                    String.format(Locale.ROOT, "%.1f s", verifySeconds)));

            long offlineStart = System.nanoTime();
            BundleVerification offline = ExportBundleVerifier.verify(bundle, key.publicKeyBase64());
            double offlineSeconds = seconds(offlineStart);
            if (!offline.valid()) {
                throw new IllegalStateException("the export does not verify: " + offline.chain());
            }
            results.add(row("verify the export offline (userdesk.jar verify)", events / offlineSeconds, "events/s",
                    String.format(Locale.ROOT, "%.1f s", offlineSeconds)));

            // the portal appends through its connection pool: give the store one open connection, as the baseline has
            double raw;
            double indexed;
            double append;
            try (Connection pooled = db.getConnection(); Connection baseline = db.getConnection()) {
                double[] rates = appendBesideBaseline(new AuditStore(oneConnection(pooled)), baseline);
                append = rates[0];
                raw = rates[1];
                indexed = rates[2];
            }
            results.add(row("raw single-row INSERT, one per transaction (baseline)", raw, "rows/s", APPENDS
                    + " rows into a copy of the table without its indexes, in " + APPEND_BLOCKS
                    + " blocks taking turns with the appends"));
            results.add(row("for context: the same INSERT into a copy with audit_event's 9 indexes and checks", indexed,
                    "rows/s", APPENDS + " rows, taking turns likewise"));
            results.add(row("AuditStore.append (lock, head read, hash, insert, durable commit: one round trip)", append, "events/s",
                    String.format(Locale.ROOT, "%.0f%% of the baseline", 100 * append / raw)));
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.out.println();
        System.out.println("| measurement | result | unit | notes |");
        System.out.println("|---|---:|---|---|");
        results.forEach(System.out::println);
    }

    private static void load(DataSource db, int events) throws Exception {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String prevHash = AuditHashing.GENESIS_HASH;
        AuditEventType[] types = {AuditEventType.USER_UPDATE_ATTEMPT, AuditEventType.USER_UPDATE_OUTCOME,
            AuditEventType.USER_UPDATE_REJECTED, AuditEventType.AUDIT_READ, AuditEventType.SIGN_IN_SUCCEEDED};
        AuditOutcome[] outcomes = {AuditOutcome.PENDING, AuditOutcome.SUCCEEDED, AuditOutcome.REJECTED,
            AuditOutcome.SUCCEEDED, AuditOutcome.SUCCEEDED};
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder(1 << 22);
            for (long seq = 1; seq <= events; seq++) {
                int kind = random.nextInt(types.length);
                int actor = random.nextInt(ACTORS);
                int customer = random.nextInt(CUSTOMERS);
                int user = random.nextInt(USERS);
                Instant at = start.plus(seq * 25_000L, ChronoUnit.MICROS);
                String details = CanonicalJson.write(Map.of("requested", Map.of("displayName", "Name " + seq),
                        "reason", "ticket " + (seq % 997)));
                AuditEvent event = new AuditEvent(seq, new UUID(random.nextLong(), random.nextLong()), at,
                        types[kind].name(), outcomes[kind].name(), "staff-" + actor, "Staff Member " + actor,
                        List.of("agent"), "10.0." + (actor % 250) + ".1", "Mozilla/5.0 (benchmark)",
                        "customer-" + customer, "Customer " + customer, "user-" + user,
                        "user" + user + "@customer" + customer + ".example", UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), kind == 1 ? 200 : null, null, null, kind == 1 ? 120L : null,
                        details, prevHash, "0".repeat(64));
                String hash = AuditHashing.hashOf(event);
                appendCopyRow(batch, event, hash);
                prevHash = hash;
                if (seq % 50_000 == 0 || seq == events) {
                    copy.copyIn("COPY audit_event (seq, event_id, occurred_at, event_type, outcome, actor_id,"
                            + " actor_name, actor_roles, client_ip, user_agent, customer_id, customer_name, user_id,"
                            + " user_principal_name, correlation_id, request_id, http_status, error_code,"
                            + " error_description, duration_ms, details, prev_hash, hash) FROM STDIN",
                            new StringReader(batch.toString()));
                    batch.setLength(0);
                    c.commit();
                }
            }
        }
    }

    private static void appendCopyRow(StringBuilder out, AuditEvent e, String hash) {
        Object[] values = {e.seq(), e.eventId(), AuditHashing.formatOccurredAt(e.occurredAt()), e.eventType(),
            e.outcome(), e.actorId(), e.actorName(), String.join(",", e.actorRoles()), e.clientIp(), e.userAgent(),
            e.customerId(), e.customerName(), e.userId(), e.userPrincipalName(), e.correlationId(), e.requestId(),
            e.httpStatus(), e.errorCode(), e.errorDescription(), e.durationMs(), e.details(), e.prevHash(), hash};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            if (values[i] == null) {
                out.append("\\N");
            } else {
                String text = values[i].toString();
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }

    private static long countMatching(AuditStore store, AuditQuery query) {
        long[] count = {0};
        store.streamMatching(query, e -> count[0]++);
        return count[0];
    }

    /** First page, and the page that starts half-way through the matching events (its cursor taken from a scan). */
    private static void measurePages(AuditStore store, AuditQuery query, List<String> results, String label) {
        for (int warm = 0; warm < 5; warm++) {
            store.search(query);
        }
        double first = medianMillis(() -> store.search(query));
        List<AuditEvent> matching = new ArrayList<>();
        store.streamMatching(query, matching::add);
        AuditEvent middle = matching.get(matching.size() / 2);
        AuditQuery deep = query.withCursor(AuditStore.encodeCursor(middle.occurredAt(), middle.seq()));
        for (int warm = 0; warm < 5; warm++) {
            store.search(deep);
        }
        double deepMillis = medianMillis(() -> store.search(deep));
        results.add(row("first page of 50, " + label, first, "ms", "median of 21"));
        results.add(row("page of 50 half-way through the results (" + String.format(Locale.ROOT, "%,d",
                matching.size() / 2) + " events deep), " + label, deepMillis, "ms", "median of 21, keyset cursor"));
    }

    private static double medianMillis(Runnable work) {
        double[] samples = new double[21];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            work.run();
            samples[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    /**
     * {@link #APPENDS} appends, as many raw INSERTs into an unindexed copy of the table (the baseline) and as many into
     * a copy with all of audit_event's indexes and checks (for context), in blocks that take turns, so that all three
     * see the same machine: on a shared machine the commit latency moves by 2-3x within minutes, and measuring one
     * after the other compared them at different moments.
     *
     * @return {appends per second, raw inserts per second, indexed inserts per second}
     */
    private static double[] appendBesideBaseline(AuditStore store, Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_baseline (LIKE audit_event)");
            s.execute("CREATE TABLE indexed_baseline (LIKE audit_event INCLUDING ALL)");
            s.execute("SET synchronous_commit = on");
        }
        c.setAutoCommit(true);
        long[] nanos = new long[3];
        int perBlock = APPENDS / APPEND_BLOCKS;
        String insertSql = " (seq, event_id, occurred_at, event_type, outcome, actor_id, details, prev_hash, hash)"
                + " VALUES (?, ?, clock_timestamp(), 'USER_UPDATE_ATTEMPT', 'PENDING', 'staff-1', ?, ?, ?)";
        try (PreparedStatement raw = c.prepareStatement("INSERT INTO raw_baseline" + insertSql);
             PreparedStatement indexed = c.prepareStatement("INSERT INTO indexed_baseline" + insertSql)) {
            int[] rows = new int[3];
            // warm-up, not timed: one block of each, so all three are measured with compiled code and prepared
            // statements, as in a portal that has been running (the page timings warm up likewise)
            for (int block = -1; block < APPEND_BLOCKS; block++) {
                for (int turn = 0; turn < 3; turn++) {
                    int which = Math.floorMod(block + turn, 3);
                    long start = System.nanoTime();
                    for (int i = 0; i < perBlock; i++) {
                        int row = ++rows[which];
                        if (which == 0) {
                            store.append(NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
                                    .actor("staff-1", "Staff Member 1", List.of("agent"))
                                    .details(Map.of("requested", Map.of("displayName", "Name " + row))).build());
                        } else {
                            PreparedStatement insert = which == 1 ? raw : indexed;
                            insert.setLong(1, row);
                            insert.setObject(2, UUID.randomUUID());
                            insert.setString(3, "{\"requested\":{\"displayName\":\"Name " + row + "\"}}");
                            insert.setString(4, AuditHashing.GENESIS_HASH);
                            // unique per row, as the indexed copy's UNIQUE (hash) requires
                            insert.setString(5, String.format(Locale.ROOT, "%064x", row));
                            insert.executeUpdate();
                        }
                    }
                    if (block >= 0) {
                        nanos[which] += System.nanoTime() - start;
                    }
                }
            }
        }
        int total = perBlock * APPEND_BLOCKS;
        return new double[] {total / (nanos[0] / 1e9), total / (nanos[1] / 1e9), total / (nanos[2] / 1e9)};
    }

    /** A DataSource that always hands out the same open connection (close() does nothing), like a pool of one. */
    private static DataSource oneConnection(Connection connection) {
        Connection keepOpen = (Connection) java.lang.reflect.Proxy.newProxyInstance(
                AuditBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(AuditBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return keepOpen;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String row(String what, double value, String unit, String notes) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s |", what,
                value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value),
                unit, notes);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
