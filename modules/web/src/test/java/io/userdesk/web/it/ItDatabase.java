package io.userdesk.web.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL (embedded binaries) for the whole failsafe run, on the fixed port the portal under test
 * is configured with ({@code it.db.port}), before any Payara Micro boots; stops it at the end. Surefire runs do not
 * set that property, so unit tests never pay for it.
 */
public class ItDatabase implements LauncherSessionListener {
    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.db.port");
        if (port == null || postgres != null) {
            return;
        }
        int dbPort = Integer.parseInt(port);
        try (ServerSocket probe = new ServerSocket(dbPort)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + dbPort + " for the IT database is taken; free it or set -Dit.db.port", e);
        }
        try {
            Path dataDir = Files.createTempDirectory("userdesk-it-pg");
            postgres = EmbeddedPostgres.builder()
                    .setPort(dbPort)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The IT PostgreSQL cannot start", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    /** A superuser connection to the database the portal under test uses. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + System.getProperty("it.db.port") + "/postgres",
                "postgres", "postgres");
    }
}
