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
            AuditQuery failedOutcomes = AuditQuery.builder().outcome(AuditOutcome.FAILED).pageSize(50).build();
            measurePages(store, failedOutcomes, results, "outcome = failed (" + String.format(Locale.ROOT, "%,d",
                    countMatching(store, failedOutcomes)) + " matches)");
            AuditQuery unknownOutcomes = AuditQuery.builder().outcome(AuditOutcome.UNKNOWN).pageSize(50).build();
            measurePage(store, unknownOutcomes, results, "outcome = unknown (none)");
            AuditQuery retiredActor = AuditQuery.builder().actor("Staff Member " + ACTORS).pageSize(50).build();
            measurePages(store, retiredActor, results, "actor = a staff member who left (all " + String.format(
                    Locale.ROOT, "%,d", countMatching(store, retiredActor)) + " matches in the oldest 2 %)");

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
            double sameTable;
            double unindexed;
            double append;
            try (Connection pooled = db.getConnection(); Connection baseline = db.getConnection()) {
                double[] rates = appendBesideBaseline(new AuditStore(oneConnection(pooled)), baseline, events);
                append = rates[0];
                sameTable = rates[1];
                unindexed = rates[2];
            }
            results.add(row("raw single-row INSERT of the same event into a full-size copy of audit_event (same rows,"
                    + " indexes and checks), one per transaction: the baseline", sameTable, "rows/s", APPENDS
                    + " rows in " + APPEND_BLOCKS + " blocks taking turns with the appends"));
            results.add(row("for context: the same INSERT into a copy with no indexes or checks", unindexed, "rows/s",
                    APPENDS + " rows, taking turns likewise"));
            results.add(row("AuditStore.append (lock, head read, hash, insert, durable commit: one round trip)", append,
                    "events/s", String.format(Locale.ROOT, "%.0f%% of the baseline, %.0f%% of the unindexed INSERT",
                            100 * append / sameTable, 100 * append / unindexed)));
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
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder(1 << 22);
            for (long seq = 1; seq <= events; seq++) {
                Instant at = start.plus(seq * 25_000L, ChronoUnit.MICROS);
                // a staff member who left: every other event of the oldest 2 % is hers, none after
                boolean retired = seq <= events / 50 && seq % 2 == 0;
                AuditEvent event = sampleEvent(random, seq, at, prevHash, retired);
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

    private static final AuditEventType[] KINDS = {AuditEventType.USER_UPDATE_ATTEMPT,
        AuditEventType.USER_UPDATE_OUTCOME, AuditEventType.USER_UPDATE_REJECTED, AuditEventType.AUDIT_READ,
        AuditEventType.SIGN_IN_SUCCEEDED};
    private static final AuditOutcome[] KIND_OUTCOMES = {AuditOutcome.PENDING, AuditOutcome.SUCCEEDED,
        AuditOutcome.REJECTED, AuditOutcome.SUCCEEDED, AuditOutcome.SUCCEEDED};

    /**
     * One event as the portal writes them: a mix of kinds by 50 staff (or by a 51st who has left, when
     * {@code retired}), the user edits about 200 customers' 5,000 users
     * with a correlation and a request id (random UUIDs, as the portal's), the reviewers' reads and the sign-ins
     * without customer, user or correlation (as {@code AuditReview} and {@code SecurityAudit} write them); all with a
     * client address, a user agent and a details object. Its id is a version 7 UUID of its time, as
     * {@link NewAuditEvent} makes them; its hash is not set.
     */
    private static AuditEvent sampleEvent(Random random, long seq, Instant at, String prevHash, boolean retired) {
        int kind = random.nextInt(KINDS.length);
        int drawn = random.nextInt(ACTORS);
        int actor = retired ? ACTORS : drawn;
        int customer = random.nextInt(CUSTOMERS);
        int user = random.nextInt(USERS);
        boolean edit = kind <= 2;
        String correlationId = new UUID(random.nextLong(), random.nextLong()).toString();
        String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        String details = CanonicalJson.write(sampleDetails(seq));
        // one change in 50 fails at Partner Center
        boolean failed = kind == 1 && seq % 50 == 0;
        return new AuditEvent(seq, TimeOrderedUuid.of(at.toEpochMilli(), random.nextLong(), random.nextLong()), at,
                KINDS[kind].name(), failed ? AuditOutcome.FAILED.name() : KIND_OUTCOMES[kind].name(), "staff-" + actor, "Staff Member " + actor,
                List.of("agent"), "10.0." + (actor % 250) + ".1", "Mozilla/5.0 (benchmark)",
                edit ? "customer-" + customer : null, edit ? "Customer " + customer : null,
                edit ? "user-" + user : null, edit ? "user" + user + "@customer" + customer + ".example" : null,
                edit ? correlationId : null, kind <= 1 ? requestId : null, kind == 1 ? (failed ? 409 : 200) : null, null, null,
                kind == 1 ? 120L : null, details, prevHash, "0".repeat(64));
    }

    /** The same content as an event to append (the store assigns seq, time, previous hash and id). */
    private static NewAuditEvent toAppend(AuditEvent e) {
        return NewAuditEvent.builder(AuditEventType.valueOf(e.eventType()), AuditOutcome.valueOf(e.outcome()))
                .actor(e.actorId(), e.actorName(), e.actorRoles())
                .client(e.clientIp(), e.userAgent())
                .customer(e.customerId(), e.customerName())
                .user(e.userId(), e.userPrincipalName())
                .correlationId(e.correlationId())
                .requestId(e.requestId())
                .httpStatus(e.httpStatus())
                .durationMs(e.durationMs())
                .details(sampleDetails(e.seq()))
                .build();
    }

    /** What was asked for, and the reason given, in the sample event with this seq. */
    private static Map<String, Object> sampleDetails(long seq) {
        return Map.of("requested", Map.of("displayName", "Name " + seq), "reason", "ticket " + (seq % 997));
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

    /** The first page only, for a filter too rare for a page half-way through. */
    private static void measurePage(AuditStore store, AuditQuery query, List<String> results, String label) {
        for (int warm = 0; warm < 5; warm++) {
            store.search(query);
        }
        results.add(row("first page of 50, " + label, medianMillis(() -> store.search(query)), "ms", "median of 21"));
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
     * {@link #APPENDS} appends of realistic events, and the same events INSERTed as plain rows (the baseline) into a
     * full-size copy of {@code audit_event} (same rows, indexes and checks) and, for context, into a copy with no
     * indexes or checks, in blocks that take turns, so that all three see the same machine: on a shared machine the
     * commit latency moves by 2-3x within minutes, and measuring one after the other compared them at different
     * moments. Every INSERT writes the whole row (all 23 columns) with the content the append writes; what the
     * baseline leaves out is exactly the chain: the lock, the head read, the hash and the function call.
     *
     * @return {appends per second, same-table inserts per second, unindexed inserts per second}
     */
    private static double[] appendBesideBaseline(AuditStore store, Connection c, int events) throws Exception {
        long copyStart = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_event_copy (LIKE audit_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            s.execute("INSERT INTO audit_event_copy SELECT * FROM audit_event");
            List<String> indexes = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_event'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            for (String index : indexes) {
                s.execute(index.replaceFirst("INDEX (\\w+) ON public\\.audit_event ", "INDEX $1_copy ON public.audit_event_copy "));
            }
            s.execute("CREATE TABLE unindexed_copy (LIKE audit_event)");
            s.execute("VACUUM ANALYZE audit_event_copy");
            s.execute("VACUUM ANALYZE unindexed_copy");
            // all three start from the same state: every page written out, so each first change of a page after this
            // costs the append and the INSERTs alike (a full-page image in the WAL)
            s.execute("CHECKPOINT");
            s.execute("SET synchronous_commit = on");
            System.out.printf(Locale.ROOT, "copied audit_event with its %d indexes for the baseline in %.1f s%n",
                    indexes.size(), seconds(copyStart));
        }
        c.setAutoCommit(true);
        long[] nanos = new long[3];
        int perBlock = APPENDS / APPEND_BLOCKS;
        String insertSql = " (seq, event_id, occurred_at, event_type, outcome, actor_id, actor_name, actor_roles,"
                + " client_ip, user_agent, customer_id, customer_name, user_id, user_principal_name, correlation_id,"
                + " request_id, http_status, error_code, error_description, duration_ms, details, prev_hash, hash)"
                + " VALUES (?, ?, clock_timestamp(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Random random = new Random(7);
        try (PreparedStatement sameTable = c.prepareStatement("INSERT INTO audit_event_copy" + insertSql);
             PreparedStatement unindexed = c.prepareStatement("INSERT INTO unindexed_copy" + insertSql)) {
            int[] rows = new int[3];
            // warm-up, not timed: one block of each, so all three are measured with compiled code and prepared
            // statements, as in a portal that has been running (the page timings warm up likewise)
            for (int block = -1; block < APPEND_BLOCKS; block++) {
                for (int turn = 0; turn < 3; turn++) {
                    int which = Math.floorMod(block + turn, 3);
                    long start = System.nanoTime();
                    for (int i = 0; i < perBlock; i++) {
                        long seq = events + 1L + rows[which]++;
                        Instant now = Instant.now();
                        AuditEvent event = sampleEvent(random, seq, now, AuditHashing.GENESIS_HASH, false);
                        if (which == 0) {
                            store.append(toAppend(event));
                        } else {
                            PreparedStatement insert = which == 1 ? sameTable : unindexed;
                            int p = 0;
                            insert.setLong(++p, seq);
                            insert.setObject(++p, TimeOrderedUuid.next(java.time.Clock.systemUTC()));
                            insert.setString(++p, event.eventType());
                            insert.setString(++p, event.outcome());
                            insert.setString(++p, event.actorId());
                            insert.setString(++p, event.actorName());
                            insert.setString(++p, String.join(",", event.actorRoles()));
                            insert.setString(++p, event.clientIp());
                            insert.setString(++p, event.userAgent());
                            insert.setString(++p, event.customerId());
                            insert.setString(++p, event.customerName());
                            insert.setString(++p, event.userId());
                            insert.setString(++p, event.userPrincipalName());
                            insert.setString(++p, event.correlationId());
                            insert.setString(++p, event.requestId());
                            insert.setObject(++p, event.httpStatus(), java.sql.Types.INTEGER);
                            insert.setString(++p, event.errorCode());
                            insert.setString(++p, event.errorDescription());
                            insert.setObject(++p, event.durationMs(), java.sql.Types.BIGINT);
                            insert.setString(++p, event.details());
                            insert.setString(++p, AuditHashing.GENESIS_HASH);
                            insert.setString(++p, String.format(Locale.ROOT, "%064x", seq));
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
