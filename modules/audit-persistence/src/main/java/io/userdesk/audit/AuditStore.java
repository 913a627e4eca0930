package io.userdesk.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * The audit trail: appends hash-chained events to {@code audit_event} and reads, searches and verifies them, with
 * plain JDBC on a {@link DataSource}.
 *
 * <p>Why it is built this way:
 * <ul>
 *   <li><b>One chain writer at a time, across JVMs.</b> Each event's hash covers the previous event's hash, so
 *       appends must be strictly ordered. A transaction-level PostgreSQL advisory lock ({@link #CHAIN_LOCK_KEY}) does
 *       that for every portal instance sharing the database, and is released by COMMIT or ROLLBACK even if the JVM
 *       dies.</li>
 *   <li><b>Durable before the caller continues.</b> The caller writes an attempt <em>before</em> calling Partner
 *       Center, so each append commits on its own with {@code synchronous_commit = on} set for that transaction,
 *       whatever the server or role default is (embedded PostgreSQL, for one, defaults to off). Server-wide
 *       {@code fsync} cannot be set per transaction: the database must run with it on.</li>
 *   <li><b>One round trip per append.</b> Lock, head, clock, hash and INSERT run in the database function
 *       {@code audit_append} (migration V4), committed by auto-commit, so an append costs one round trip and one
 *       commit like a plain INSERT. The portal writes the canonical content around the three values only known
 *       under the lock and checks the hash the database computed. A connection whose transactions are not READ
 *       COMMITTED falls back to three round trips (lock and head, INSERT, COMMIT).</li>
 *   <li><b>Database time.</b> {@code occurred_at} is PostgreSQL's {@code clock_timestamp()} taken under the lock,
 *       so several JVMs with drifting clocks still produce one consistent timeline.</li>
 *   <li><b>Fail closed.</b> Any database failure becomes an {@link AuditUnavailableException}; the caller must not
 *       make a change it could not audit.</li>
 *   <li><b>Pooled connections are handed back as found.</b> In production the DataSource is the container's pool:
 *       auto-commit is restored on every path. Call {@link #append} outside a JTA transaction (or give the store a
 *       non-transactional DataSource): the audit write must commit on its own, not with the caller's work.</li>
 *   <li><b>Keyset pagination.</b> {@link #search} pages by {@code (occurred_at, seq)}, never OFFSET, so deep pages
 *       are as cheap as the first and no event is skipped or repeated while new ones arrive. Each alternative of
 *       the most selective filter reads its own index in time order ({@link SearchSql}), so a page costs the same
 *       however old or rare its events are.</li>
 * </ul>
 * Instances hold no state besides the DataSource and are safe to share between threads.
 */
public final class AuditStore {

    /** Key of the transaction-level advisory lock that serializes chain writers: "UDAUDIT1" in ASCII. */
    public static final long CHAIN_LOCK_KEY = 0x5544_4155_4449_5431L;

    /** How long an append waits for the chain lock before giving up with {@link AuditUnavailableException}. */
    public static final String CHAIN_LOCK_TIMEOUT = "10s";

    /** Rows per round trip when {@link #verify()} streams the whole table. */
    static final int VERIFY_FETCH_SIZE = 4096;

    private static final String COLUMNS = "seq, event_id, occurred_at, event_type, outcome, actor_id, actor_name,"
            + " actor_roles, client_ip, user_agent, customer_id, customer_name, user_id, user_principal_name,"
            + " correlation_id, request_id, http_status, error_code, error_description, duration_ms, details,"
            + " prev_hash, hash";

    // READ COMMITTED so that the "last row" query, which runs after the lock is granted, sees the previous writer's
    // commit even if the pool hands out connections defaulting to REPEATABLE READ or SERIALIZABLE.
    private static final String APPEND_TRANSACTION_SETTINGS = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;"
            + " SET LOCAL synchronous_commit = on;"
            + " SET LOCAL lock_timeout = '" + CHAIN_LOCK_TIMEOUT + "'";

    private static final String CHECKPOINT_COLUMNS = "checkpoint_no, upto_seq, head_hash, created_at, algorithm,"
            + " key_id, public_key, signature";

    // One round trip: the settings, the lock, then (a new statement, so a new READ COMMITTED snapshot taken after the
    // lock was granted) the head and the database time. Round trips, not the commit, were most of an append's cost.
    private static final String LOCK_AND_READ_HEAD = APPEND_TRANSACTION_SETTINGS + ";"
            + " SELECT pg_advisory_xact_lock(" + CHAIN_LOCK_KEY + ");"
            + " SELECT h.seq, h.hash, clock_timestamp() FROM (SELECT 1) AS one"
            + " LEFT JOIN LATERAL (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS h ON true";

    private static final String APPEND_FUNCTION = "SELECT appended_seq, appended_at, appended_prev_hash, appended_hash"
            + " FROM audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The SQLSTATE with which {@code audit_append} refuses a transaction that is not READ COMMITTED. */
    private static final String NEEDS_READ_COMMITTED = "UD001";

    private static final String INSERT = "INSERT INTO audit_event (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,19}):(\\d{1,19})");
    private static final Instant EARLIEST_CURSOR_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_CURSOR_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final System.Logger LOG = System.getLogger(AuditStore.class.getName());

    private final DataSource dataSource;
    private final AuditSigningKey checkpointKey;
    private final long checkpointEveryEvents;

    /**
     * A store that writes no checkpoints by itself (call {@link #checkpoint(AuditSigningKey)}).
     *
     * @param dataSource the UserDesk database, already migrated with {@link SchemaMigrations#migrate(DataSource)}
     */
    public AuditStore(DataSource dataSource) {
        this(dataSource, null, 0);
    }

    /**
     * A store that signs a checkpoint after every {@code checkpointEveryEvents}-th event (seq divisible by it).
     *
     * @param dataSource the UserDesk database, already migrated
     * @param checkpointKey the audit signing key, or null for no automatic checkpoints
     * @param checkpointEveryEvents how many events between checkpoints (0: none)
     */
    public AuditStore(DataSource dataSource, AuditSigningKey checkpointKey, long checkpointEveryEvents) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (checkpointEveryEvents < 0) {
            throw new IllegalArgumentException("checkpointEveryEvents must be 0 or more: " + checkpointEveryEvents);
        }
        this.checkpointKey = checkpointKey;
        this.checkpointEveryEvents = checkpointKey == null ? 0 : checkpointEveryEvents;
    }

    /**
     * Appends an event to the end of the chain and commits it durably.
     *
     * @param event the event
     * @return the stored event with its seq, database time and hashes
     * @throws IllegalArgumentException if the details carry a value under a secret-looking key
     *                                  ({@code password}, {@code token}, ...; only null, {@code "changed"} or a Boolean
     *                                  is allowed there); nothing is written then
     * @throws AuditUnavailableException if the database cannot store it; nothing is written then (unless the
     *                                   connection broke during COMMIT itself, when the outcome cannot be known)
     */
    public AuditEvent append(NewAuditEvent event) {
        Objects.requireNonNull(event, "event");
        DetailsSecretGuard.requireNoSecrets(event.details());
        AuditEvent stored;
        try (Connection connection = dataSource.getConnection()) {
            Optional<AuditEvent> appended = appendInOneRoundTrip(connection, event);
            stored = appended.isPresent() ? appended.get() : appendInExplicitTransaction(connection, event);
        } catch (SQLException e) {
            throw new AuditUnavailableException("The audit trail cannot be written: " + describe(e), e);
        }
        checkpointIfDue(stored.seq());
        return stored;
    }

    /**
     * The usual path: one call of {@code audit_append} (migration V4) in auto-commit, which takes the chain lock, reads
     * the head and the database clock, completes and hashes the canonical content and inserts the row; the implicit
     * transaction commits (durably: the function sets {@code synchronous_commit = on} for it) before the answer
     * arrives. One round trip, like a plain INSERT.
     *
     * @return empty when the connection's transactions are not READ COMMITTED (the function refuses, nothing is
     *         written): then {@link #appendInExplicitTransaction} sets the level itself
     */
    private static Optional<AuditEvent> appendInOneRoundTrip(Connection connection, NewAuditEvent event)
            throws SQLException {
        boolean originalAutoCommit = connection.getAutoCommit();
        // a pending transaction of the caller is committed here, as the explicit path's COMMIT always did
        connection.setAutoCommit(true);
        try (PreparedStatement call = connection.prepareStatement(APPEND_FUNCTION)) {
            String[] parts = AuditHashing.canonicalParts(event);
            int i = 0;
            call.setObject(++i, event.eventId());
            call.setString(++i, event.eventType().name());
            call.setString(++i, event.outcome().name());
            call.setString(++i, event.actorId());
            call.setString(++i, event.actorName());
            call.setString(++i, rolesColumn(event.actorRoles()));
            call.setString(++i, event.clientIp());
            call.setString(++i, event.userAgent());
            call.setString(++i, event.customerId());
            call.setString(++i, event.customerName());
            call.setString(++i, event.userId());
            call.setString(++i, event.userPrincipalName());
            call.setString(++i, event.correlationId());
            call.setString(++i, event.requestId());
            call.setObject(++i, event.httpStatus(), Types.INTEGER);
            call.setString(++i, event.errorCode());
            call.setString(++i, event.errorDescription());
            call.setObject(++i, event.durationMs(), Types.BIGINT);
            call.setString(++i, event.detailsJson());
            for (String part : parts) {
                call.setString(++i, part);
            }
            call.setLong(++i, CHAIN_LOCK_KEY);
            call.setString(++i, CHAIN_LOCK_TIMEOUT);
            long seq;
            Instant occurredAt;
            String prevHash;
            String hash;
            try (ResultSet row = call.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("audit_append returned no row", "XX000");
                }
                seq = row.getLong(1);
                occurredAt = row.getObject(2, OffsetDateTime.class).toInstant();
                prevHash = row.getString(3);
                hash = row.getString(4);
            }
            AuditEvent stored = stored(seq, occurredAt, event, prevHash, hash);
            String expected = AuditHashing.hashOf(seq, occurredAt, event, prevHash);
            if (!expected.equals(hash)) {
                // cannot happen unless the database and AuditHashing disagree on the canonical form; fail closed, and
                // verification names this event
                throw new AuditUnavailableException("The audit trail stored event " + seq + " with hash " + hash
                        + " but its content hashes to " + expected, null);
            }
            return Optional.of(stored);
        } catch (SQLException e) {
            if (NEEDS_READ_COMMITTED.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        } finally {
            restoreAutoCommitQuietly(connection, originalAutoCommit);
        }
    }

    /** The fallback: lock and head, INSERT, COMMIT as three round trips in a READ COMMITTED transaction. */
    private static AuditEvent appendInExplicitTransaction(Connection connection, NewAuditEvent event)
            throws SQLException {
        boolean originalAutoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            AuditEvent stored = appendUnderChainLock(connection, event);
            connection.commit();
            return stored;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            restoreAutoCommitQuietly(connection, originalAutoCommit);
        }
    }

    // The event is already committed: a failed checkpoint must not turn its append into a failure. The next due
    // checkpoint (or the timed one) covers the head again.
    private void checkpointIfDue(long seq) {
        if (checkpointEveryEvents > 0 && seq % checkpointEveryEvents == 0) {
            try {
                checkpoint(checkpointKey);
            } catch (AuditUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "Audit checkpoint after seq " + seq + " not written: "
                        + e.getMessage());
            }
        }
    }

    /**
     * @param seq a chain position
     * @return the event at that position, if any
     * @throws AuditUnavailableException if the database cannot be read
     */
    public Optional<AuditEvent> findBySeq(long seq) {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?")) {
                statement.setLong(1, seq);
                List<AuditEvent> found = readAll(statement);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /**
     * @param correlationId the id shared by an attempt and its outcome
     * @return the events with that correlation id, oldest first (empty if none)
     * @throws AuditUnavailableException if the database cannot be read
     */
    public List<AuditEvent> findByCorrelationId(String correlationId) {
        Objects.requireNonNull(correlationId, "correlationId");
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_event WHERE correlation_id = ? ORDER BY seq")) {
                statement.setString(1, correlationId);
                return readAll(statement);
            }
        });
    }

    /**
     * Attempts whose outcome was never written (the portal stopped between the attempt and the outcome): a
     * {@link AuditEventType#USER_UPDATE_ATTEMPT} with no {@link AuditEventType#USER_UPDATE_OUTCOME} or
     * {@link AuditEventType#USER_UPDATE_RECONCILED} of the same correlation id (retries do not count), at least
     * {@code minAgeSeconds} old by the database clock (younger ones may still be in flight on another instance).
     *
     * @param minAgeSeconds how old an attempt must be
     * @param since only attempts at or after this time (the previous look's {@link OpenAttempts#checkedUpTo()}, or the
     *              oldest attempt it left open), read from the index of event types; null to look at the whole trail
     * @return those attempts, oldest first, and the database time up to which they were looked for
     * @throws AuditUnavailableException if the database cannot be read
     */
    public OpenAttempts findAttemptsWithoutOutcome(long minAgeSeconds, Instant since) {
        return read(connection -> {
            Instant cutoff;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT clock_timestamp() - make_interval(secs => ?)")) {
                statement.setLong(1, minAgeSeconds);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    cutoff = row.getObject(1, OffsetDateTime.class).toInstant();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_event a WHERE a.event_type = 'USER_UPDATE_ATTEMPT' AND a.occurred_at <= ?"
                    + (since == null ? "" : " AND a.occurred_at >= ?")
                    + " AND NOT EXISTS (SELECT 1 FROM audit_event o WHERE o.correlation_id = a.correlation_id"
                    + " AND o.event_type IN ('USER_UPDATE_OUTCOME', 'USER_UPDATE_RECONCILED')) ORDER BY a.seq")) {
                statement.setObject(1, utc(cutoff));
                if (since != null) {
                    statement.setObject(2, utc(since));
                }
                return new OpenAttempts(readAll(statement), cutoff);
            }
        });
    }

    /**
     * Finds events newest first, one page at a time.
     *
     * @param query filters, page size and the cursor of the previous page
     * @return the page and the cursor of the next one
     * @throws IllegalArgumentException if the cursor was not produced by this method ("invalid cursor")
     * @throws AuditUnavailableException if the database cannot be read
     */
    public AuditPage search(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        CursorPosition after = query.cursor() == null ? null : decodeCursor(query.cursor());
        SearchSql.Statement sql = SearchSql.page(query, after, COLUMNS);
        List<Object> parameters = sql.parameters();

        List<AuditEvent> rows = read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                planWithTheValues(statement);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                return readAll(statement);
            }
        });
        if (rows.size() <= query.pageSize()) {
            return new AuditPage(rows, null);
        }
        List<AuditEvent> page = rows.subList(0, query.pageSize());
        AuditEvent last = page.get(page.size() - 1);
        return new AuditPage(page, encodeCursor(last.occurredAt(), last.seq()));
    }

    /**
     * Streams every event that matches the query's filters (its page size and cursor are ignored), oldest first (seq
     * order), without holding them in memory: what an export reads.
     *
     * @param query the filters
     * @param consumer receives each event
     * @return how many events were streamed
     * @throws AuditUnavailableException if the database cannot be read
     */
    public long streamMatching(AuditQuery query, Consumer<AuditEvent> consumer) {
        Objects.requireNonNull(query, "query");
        SearchSql.Statement sql = SearchSql.all(query, COLUMNS);
        return stream(sql.sql(), sql.parameters(), consumer);
    }

    /**
     * Streams the events with {@code fromSeq <= seq <= toSeq} in seq order.
     *
     * @param fromSeq the first seq
     * @param toSeq the last seq
     * @param consumer receives each event
     * @return how many events were streamed
     * @throws AuditUnavailableException if the database cannot be read
     */
    public long streamRange(long fromSeq, long toSeq, Consumer<AuditEvent> consumer) {
        return stream("SELECT " + COLUMNS + " FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq",
                List.of(fromSeq, toSeq), consumer);
    }

    /**
     * Streams the chain links (seq, event id, prev hash, hash) of {@code fromSeq <= seq <= toSeq} in seq order: the
     * hash skeleton an export carries to tie a filtered set to a signed checkpoint.
     *
     * @param fromSeq the first seq
     * @param toSeq the last seq
     * @param consumer receives each link
     * @return how many links were streamed
     * @throws AuditUnavailableException if the database cannot be read
     */
    public long streamLinks(long fromSeq, long toSeq, Consumer<ChainLink> consumer) {
        return streamRows("SELECT seq, event_id, prev_hash, hash FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq",
                List.of(fromSeq, toSeq), VERIFY_FETCH_SIZE * 10,
                rows -> new ChainLink(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4)),
                consumer);
    }

    private long stream(String sql, List<Object> parameters, Consumer<AuditEvent> consumer) {
        return streamRows(sql, parameters, VERIFY_FETCH_SIZE, AuditStore::readEvent, consumer);
    }

    /**
     * Streams a query's rows through a server-side cursor: PostgreSQL's driver honours the fetch size only inside a
     * transaction, otherwise it loads every row. The rows are read on a second thread ({@link RowPipeline}) while the
     * consumer works on the previous ones. The read-only transaction is rolled back and auto-commit restored.
     */
    private <T> long streamRows(String sql, List<Object> parameters, int fetchSize, RowPipeline.RowReader<T> reader,
                                Consumer<T> consumer) {
        try (Connection connection = dataSource.getConnection()) {
            boolean originalAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(fetchSize);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return RowPipeline.drain(rows, reader, consumer);
                }
            } finally {
                rollbackQuietly(connection, null);
                restoreAutoCommitQuietly(connection, originalAutoCommit);
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("The audit trail cannot be read: " + describe(e), e);
        }
    }

    /**
     * Signs the current chain head with {@code key} and stores it as the next checkpoint, unless the newest checkpoint
     * already covers the head with the same key (then that one is returned).
     *
     * @param key the portal's audit signing key
     * @return the checkpoint covering the head, or empty when the chain is empty
     * @throws AuditUnavailableException if the database cannot be read or written
     */
    public Optional<AuditCheckpoint> checkpoint(AuditSigningKey key) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection()) {
            boolean originalAutoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<AuditCheckpoint> result = checkpointUnderChainLock(connection, key);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommitQuietly(connection, originalAutoCommit);
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("The audit checkpoint cannot be written: " + describe(e), e);
        }
    }

    private static Optional<AuditCheckpoint> checkpointUnderChainLock(Connection connection, AuditSigningKey key)
            throws SQLException {
        ChainHead head = lockChainAndReadHead(connection);
        if (head.seq() == 0) {
            return Optional.empty();
        }
        long headSeq = head.seq();
        String headHash = head.hash();
        List<AuditCheckpoint> newest = readCheckpoints(connection,
                "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY checkpoint_no DESC LIMIT 1");
        long number = 1;
        if (!newest.isEmpty()) {
            AuditCheckpoint latest = newest.get(0);
            if (latest.uptoSeq() == headSeq && latest.keyId().equals(key.keyId())) {
                return Optional.of(latest);
            }
            number = latest.checkpointNo() + 1;
        }
        Instant createdAt = head.now();
        String content = AuditCheckpoint.signedContent(number, headSeq, headHash, createdAt,
                AuditSigningKey.ALGORITHM, key.keyId());
        AuditCheckpoint checkpoint = new AuditCheckpoint(number, headSeq, headHash, createdAt,
                AuditSigningKey.ALGORITHM, key.keyId(), key.publicKeyBase64(),
                key.sign(content.getBytes(StandardCharsets.UTF_8)));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint ("
                + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.checkpointNo());
            insert.setLong(2, checkpoint.uptoSeq());
            insert.setString(3, checkpoint.headHash());
            insert.setObject(4, utc(checkpoint.createdAt()));
            insert.setString(5, checkpoint.algorithm());
            insert.setString(6, checkpoint.keyId());
            insert.setString(7, checkpoint.publicKey());
            insert.setString(8, checkpoint.signature());
            insert.executeUpdate();
        }
        return Optional.of(checkpoint);
    }

    /**
     * @return every stored checkpoint, oldest first
     * @throws AuditUnavailableException if the database cannot be read
     */
    public List<AuditCheckpoint> checkpoints() {
        return read(connection -> readCheckpoints(connection,
                "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY checkpoint_no"));
    }

    /**
     * @return the newest checkpoint, if any
     * @throws AuditUnavailableException if the database cannot be read
     */
    public Optional<AuditCheckpoint> latestCheckpoint() {
        List<AuditCheckpoint> newest = read(connection -> readCheckpoints(connection,
                "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY checkpoint_no DESC LIMIT 1"));
        return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
    }

    private static List<AuditCheckpoint> readCheckpoints(Connection connection, String sql) throws SQLException {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                checkpoints.add(new AuditCheckpoint(rows.getLong("checkpoint_no"), rows.getLong("upto_seq"),
                        rows.getString("head_hash"),
                        rows.getObject("created_at", OffsetDateTime.class).toInstant(), rows.getString("algorithm"),
                        rows.getString("key_id"), rows.getString("public_key"), rows.getString("signature")));
            }
        }
        return checkpoints;
    }

    /**
     * Re-reads the whole chain in seq order and checks every link: seq 1, 2, 3, ... without gaps, each
     * {@code prev_hash} equal to the previous event's {@code hash} ({@link AuditHashing#GENESIS_HASH} for seq 1), each
     * {@code hash} equal to the hash recomputed from the row, and each stored signed checkpoint equal to the hash at
     * its seq with a valid signature. Stops at the first failure.
     *
     * <p>The checkpoints make a consistently rewritten tail, or removed newest events, detectable too, up to the newest
     * checkpoint.
     *
     * @return the result, with the first invalid event and the reason if the chain is broken
     * @throws AuditUnavailableException if the database cannot be read
     */
    public ChainVerification verify() {
        return verify(1, Long.MAX_VALUE);
    }

    /**
     * Checks the events {@code fromSeq <= seq <= toSeq} as {@link #verify()} does; the first event's link is checked
     * against the event before the range.
     *
     * @param fromSeq the first seq to check (1 or more)
     * @param toSeq the last seq to check
     * @return the result
     * @throws IllegalArgumentException if the range is empty or starts below 1
     * @throws AuditUnavailableException if the database cannot be read
     */
    public ChainVerification verify(long fromSeq, long toSeq) {
        if (fromSeq < 1 || toSeq < fromSeq) {
            throw new IllegalArgumentException("the range to verify must satisfy 1 <= from <= to");
        }
        List<AuditCheckpoint> checkpoints = checkpoints().stream()
                .filter(c -> c.uptoSeq() >= fromSeq && c.uptoSeq() <= toSeq).toList();
        String prevHash = fromSeq == 1 ? AuditHashing.GENESIS_HASH
                : findBySeq(fromSeq - 1).map(AuditEvent::hash).orElse(null);
        ChainChecker checker = new ChainChecker(fromSeq, prevHash, checkpoints);
        streamRange(fromSeq, toSeq, checker::accept);
        return checker.finish(null);
    }

    /**
     * @return how many events are stored
     * @throws AuditUnavailableException if the database cannot be read
     */
    public long count() {
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static AuditEvent appendUnderChainLock(Connection connection, NewAuditEvent event) throws SQLException {
        ChainHead head = lockChainAndReadHead(connection);
        long seq = head.seq() + 1;
        String prevHash = head.seq() == 0 ? AuditHashing.GENESIS_HASH : head.hash();
        Instant occurredAt = head.now();
        String hash = AuditHashing.hashOf(seq, occurredAt, event, prevHash);
        AuditEvent stored = stored(seq, occurredAt, event, prevHash, hash);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setLong(++i, stored.seq());
            insert.setObject(++i, stored.eventId());
            insert.setObject(++i, utc(stored.occurredAt()));
            insert.setString(++i, stored.eventType());
            insert.setString(++i, stored.outcome());
            insert.setString(++i, stored.actorId());
            insert.setString(++i, stored.actorName());
            insert.setString(++i, rolesColumn(stored.actorRoles()));
            insert.setString(++i, stored.clientIp());
            insert.setString(++i, stored.userAgent());
            insert.setString(++i, stored.customerId());
            insert.setString(++i, stored.customerName());
            insert.setString(++i, stored.userId());
            insert.setString(++i, stored.userPrincipalName());
            insert.setString(++i, stored.correlationId());
            insert.setString(++i, stored.requestId());
            insert.setObject(++i, stored.httpStatus(), Types.INTEGER);
            insert.setString(++i, stored.errorCode());
            insert.setString(++i, stored.errorDescription());
            insert.setObject(++i, stored.durationMs(), Types.BIGINT);
            insert.setString(++i, stored.details());
            insert.setString(++i, stored.prevHash());
            insert.setString(++i, stored.hash());
            insert.executeUpdate();
        }
        return stored;
    }

    private static AuditEvent stored(long seq, Instant occurredAt, NewAuditEvent event, String prevHash, String hash) {
        return new AuditEvent(seq, event.eventId(), occurredAt, event.eventType().name(),
                event.outcome().name(), event.actorId(), event.actorName(), event.actorRoles(), event.clientIp(),
                event.userAgent(), event.customerId(), event.customerName(), event.userId(),
                event.userPrincipalName(), event.correlationId(), event.requestId(), event.httpStatus(),
                event.errorCode(), event.errorDescription(), event.durationMs(), event.detailsJson(), prevHash, hash);
    }

    /** NULL for no roles, so that '' (which reads back as one empty role) can never be written by us. */
    private static String rolesColumn(List<String> roles) {
        return roles.isEmpty() ? null : String.join(",", roles);
    }

    private static List<AuditEvent> readAll(PreparedStatement statement) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(readEvent(rows));
            }
        }
        return events;
    }

    /** Reads a row of {@link #COLUMNS} (every query that calls this selects them first, in that order). */
    private static AuditEvent readEvent(ResultSet row) throws SQLException {
        // by position: looking columns up by name cost a hash lookup per column per row in verify and export
        String roles = row.getString(8);
        return new AuditEvent(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getObject(3, OffsetDateTime.class).toInstant(),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                roles == null ? List.of() : Arrays.asList(roles.split(",", -1)),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                row.getString(14),
                row.getString(15),
                row.getString(16),
                row.getObject(17, Integer.class),
                row.getString(18),
                row.getString(19),
                row.getObject(20, Long.class),
                row.getString(21),
                row.getString(22),
                row.getString(23));
    }

    /**
     * Makes PostgreSQL plan this statement for its values each time it runs, instead of switching to a generic plan
     * after five runs: a generic plan assumes an average value, so for {@code outcome = ?} it expects a third of the
     * trail to match and walks the time index newest first, which for a rare outcome (FAILED, UNKNOWN) reads the whole
     * trail; planned with the value it uses the index of the outcomes other than SUCCEEDED and PENDING (migration
     * V14). A search is a person's click, so planning it each time (well under a millisecond) is cheap. Behind a pool
     * that does not expose the driver's statement the default stays.
     */
    private static void planWithTheValues(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private <T> T read(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new AuditUnavailableException("The audit trail cannot be read: " + describe(e), e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String encodeCursor(Instant occurredAt, long seq) {
        long epochMicros = Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L),
                occurredAt.getNano() / 1_000);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((epochMicros + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static CursorPosition decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            Matcher parts = CURSOR.matcher(decoded);
            if (!parts.matches()) {
                throw new IllegalArgumentException("invalid cursor");
            }
            Instant occurredAt = Instant.EPOCH.plus(Long.parseLong(parts.group(1)), ChronoUnit.MICROS);
            long seq = Long.parseLong(parts.group(2));
            if (seq < 1 || occurredAt.isBefore(EARLIEST_CURSOR_TIME) || occurredAt.isAfter(LATEST_CURSOR_TIME)) {
                throw new IllegalArgumentException("invalid cursor");
            }
            return new CursorPosition(occurredAt, seq);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // NumberFormatException and Base64 errors are IllegalArgumentExceptions too; keep one plain message
            throw new IllegalArgumentException("invalid cursor", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void restoreAutoCommitQuietly(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // A connection that cannot even switch auto-commit is broken and the pool's validation drops it. Failing
            // here would misreport an event that is already committed as lost.
        }
    }

    /** Says what went wrong without quoting statement parameters, row values or credentials. */
    private static String describe(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return "database error";
        }
        if (state.startsWith("08")) {
            return "the database cannot be reached (SQLState " + state + ")";
        }
        return switch (state) {
            case "55P03" -> "timed out after " + CHAIN_LOCK_TIMEOUT + " waiting for the chain lock (SQLState 55P03)";
            case "42P01" -> "the audit table does not exist; have the schema migrations run? (SQLState 42P01)";
            case "42883" -> "the audit_append function does not exist; have the schema migrations run? (SQLState 42883)";
            case "42501" -> "permission denied (SQLState 42501)";
            case "57P01", "57P02", "57P03" -> "the database is shutting down or starting up (SQLState " + state + ")";
            default -> "the database refused the operation (SQLState " + state + ")";
        };
    }

    /** The newest event's seq (0 for an empty chain) and hash, and the database time, read under the chain lock. */
    private record ChainHead(long seq, String hash, Instant now) {
    }

    private static ChainHead lockChainAndReadHead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(LOCK_AND_READ_HEAD);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        if (rows.getMetaData().getColumnCount() == 3 && rows.next()) {
                            long seq = rows.getLong(1);
                            boolean empty = rows.wasNull();
                            String hash = rows.getString(2);
                            // PostgreSQL keeps microseconds; truncating makes the hashed value equal the stored one
                            Instant now = rows.getObject(3, OffsetDateTime.class).toInstant()
                                    .truncatedTo(ChronoUnit.MICROS);
                            return new ChainHead(empty ? 0 : seq, hash, now);
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    throw new SQLException("the chain head query returned no row", "XX000");
                }
                isResultSet = statement.getMoreResults();
            }
        }
    }

    /** A position in the newest-first order: strictly older events come after it. */
    record CursorPosition(Instant occurredAt, long seq) {
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
