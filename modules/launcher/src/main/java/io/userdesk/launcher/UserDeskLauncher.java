package io.userdesk.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar userdesk.jar}: runs the whole product on one machine with nothing but a JDK 17 installed.
 *
 * <p>Sequence: check the HTTP port, lock {@code USERDESK_HOME}, start the embedded PostgreSQL (unless
 * {@code USERDESK_DB_URL} names an external one), start Payara Micro with the WARs as a child JVM, wait until the
 * portal answers, print the banner, then wait for the child. Ctrl-C or SIGTERM stops the child first (it may still
 * be writing audit records) and the database last; if the child ends on its own the database is stopped and the
 * launcher exits with the child's code.
 * Exit codes: 2 configuration or HTTP port, 3 database, 4 portal start-up (see {@link LauncherException}).
 *
 * <p>{@code java -jar userdesk.jar verify EXPORT.zip} instead checks an audit export offline ({@link VerifyCommand}).
 */
public final class UserDeskLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(500);
    /** Payara undeploys and closes its pools on SIGTERM in a few seconds; after this it is killed. */
    private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(20);

    /** The embedded database's application role: INSERT and SELECT only on the audit tables. */
    static final String APPLICATION_ROLE = "userdesk_app";

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final PrintStream out;
    private final PrintStream err;

    private volatile PortalProcess portal;
    private volatile EmbeddedDatabase database;
    private volatile boolean stopping;
    private volatile HomeLock homeLock;

    UserDeskLauncher(Map<String, String> environment, Properties systemProperties, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (VerifyCommand.matches(args)) {
            System.exit(VerifyCommand.run(args, System.out, System.err));
        }
        if (isDebug(System.getenv(), System.getProperties())) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        UserDeskLauncher launcher =
                new UserDeskLauncher(System.getenv(), System.getProperties(), System.out, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "userdesk-shutdown"));
        System.exit(launcher.run(LauncherLayout::ofRunningLauncher));
    }

    /** Where the build output is; a parameter so tests can point at a temporary folder. */
    @FunctionalInterface
    interface LayoutSource {
        LauncherLayout locate() throws LauncherException;
    }

    /** Runs until the portal stops and returns the process exit code. */
    int run(LayoutSource layoutSource) {
        boolean debug = isDebug(environment, systemProperties);
        try {
            LauncherSettings settings = LauncherSettings.from(environment, systemProperties);
            LauncherLayout layout = layoutSource.locate();
            layout.requireFiles(settings.demo());
            PortCheck.requireHttpPortFree(settings.httpPort());
            createDirectory(settings.home());
            homeLock = HomeLock.acquire(settings.home());

            DatabaseConnection connection;
            DatabaseConnection owner = null;
            if (settings.externalDatabase().isPresent()) {
                connection = settings.externalDatabase().get();
                out.println("Using the PostgreSQL at " + connection.url());
            } else {
                out.println("Starting the embedded PostgreSQL (data in "
                        + EmbeddedDatabase.dataDirectory(settings.home()) + ", port "
                        + settings.embeddedDatabasePort() + ")...");
                // under the lock: a Ctrl-C now waits for the start and then stops what was started
                EmbeddedDatabase started;
                synchronized (this) {
                    if (stopping) {
                        return 130;
                    }
                    started = EmbeddedDatabase.start(settings.home(), settings.embeddedDatabasePort());
                    database = started;
                }
                // the portal migrates as the superuser and runs as a role that cannot rewrite the audit tables
                owner = started.connection();
                connection = new DatabaseConnection(owner.url(), APPLICATION_ROLE, newApplicationRolePassword());
                out.printf(Locale.ROOT, "PostgreSQL is ready (%.1f s).%n", started.startupTime().toMillis() / 1000.0);
            }
            Path runtimeDirectory = PortalCommandLine.payaraRuntimeDirectory(settings);
            resetPayaraRuntime(runtimeDirectory);
            PortalCommandLine commandLine = PortalCommandLine.of(
                    Path.of(System.getProperty("java.home"), "bin", "java"), layout, settings, connection, owner);
            out.println("Starting Payara Micro on port " + settings.httpPort() + (settings.demo()
                    ? " with the portal and the Partner Center emulator (demo mode)..." : " with the portal..."));
            synchronized (this) {
                if (stopping) {
                    return 130;
                }
                portal = PortalProcess.start(commandLine, settings.home(), out, err);
            }
            portal.awaitReady(URI.create("http://127.0.0.1:" + settings.httpPort() + "/"),
                    READY_TIMEOUT, READY_POLL_INTERVAL);
            out.println(Banner.text(settings, connection, settings.externalDatabase().isEmpty()));

            int exitCode = portal.waitFor();
            if (!stopping) {
                out.println("UserDesk stopped: Payara Micro exited with code " + exitCode + ".");
                stopAll();
            }
            return exitCode;
        } catch (LauncherException e) {
            if (stopping) {
                return 130;
            }
            err.println(e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            stopAll();
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll();
            return 130;
        }
    }

    /** A fresh random password per start: the portal sets it on the role; nobody else needs it. */
    private static String newApplicationRolePassword() {
        byte[] random = new byte[18];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Stops the portal, then the database; called by the shutdown hook and when the portal ends or fails.
     * Synchronized and idempotent, so the hook and the main thread can both call it.
     */
    synchronized void stopAll() {
        stopping = true;
        PortalProcess runningPortal = portal;
        if (runningPortal != null && runningPortal.isAlive()) {
            out.println("Stopping Payara Micro...");
            try {
                runningPortal.stop(CHILD_STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EmbeddedDatabase runningDatabase = database;
        if (runningDatabase != null) {
            database = null;
            out.println("Stopping the embedded PostgreSQL...");
            try {
                runningDatabase.close();
            } catch (IOException | RuntimeException e) {
                err.println("Could not stop the embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }
        HomeLock heldLock = homeLock;
        if (heldLock != null) {
            homeLock = null;
            heldLock.close();
        }
    }

    /**
     * Empties Payara Micro's root directory before each start. With {@code --rootDir} Payara remembers every
     * application deployed in an earlier run and loads it again: after a demo run, a non-demo start would still
     * deploy the emulator, and a stale copy of a WAR could shadow the new build. The directory holds nothing else of
     * value (runtime jars and generated files); the data is in PostgreSQL.
     */
    static void resetPayaraRuntime(Path runtimeDirectory) throws LauncherException {
        if (!Files.exists(runtimeDirectory)) {
            return;
        }
        try {
            Files.walkFileTree(runtimeDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: could not clear "
                    + runtimeDirectory + " (" + e + "). Is another UserDesk running with the same USERDESK_HOME?", e);
        }
    }

    private static void createDirectory(Path directory) throws LauncherException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: cannot create "
                    + directory + " (" + e + "). Set " + LauncherSettings.HOME + " to a writable folder.", e);
        }
    }

    private static boolean isDebug(Map<String, String> environment, Properties systemProperties) {
        String value = systemProperties.getProperty(LauncherSettings.propertyName(LauncherSettings.DEBUG),
                environment.getOrDefault(LauncherSettings.DEBUG, "false"));
        return value.strip().equalsIgnoreCase("true");
    }
}
