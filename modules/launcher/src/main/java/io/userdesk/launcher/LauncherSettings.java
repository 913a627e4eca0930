package io.userdesk.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the operator asked for, read once at start-up so that a typo fails in one clear line before anything runs.
 *
 * <p>Every setting is an environment variable ({@code USERDESK_HTTP_PORT}) or the system property with the same
 * lower-case dotted name ({@code -Duserdesk.http.port}); the system property wins because it is the more specific,
 * per-invocation choice. Blank values count as unset, so {@code USERDESK_DB_URL=} in a compose file means "embedded".
 * The defaults make a bare {@code java -jar userdesk.jar} a working demo.
 */
final class LauncherSettings {

    static final String HOME = "USERDESK_HOME";
    static final String HTTP_PORT = "USERDESK_HTTP_PORT";
    static final String DEMO = "USERDESK_DEMO";
    static final String DB_URL = "USERDESK_DB_URL";
    static final String DB_USER = "USERDESK_DB_USER";
    static final String DB_PASSWORD = "USERDESK_DB_PASSWORD";
    static final String DB_PORT = "USERDESK_DB_PORT";
    static final String JAVA_OPTS = "USERDESK_JAVA_OPTS";
    static final String DEBUG = "USERDESK_DEBUG";

    static final int DEFAULT_HTTP_PORT = 8080;
    /** Off the usual 5432 so a system PostgreSQL on the same machine does not collide with the embedded one. */
    static final int DEFAULT_DB_PORT = 54329;

    private final Path home;
    private final int httpPort;
    private final boolean demo;
    private final Optional<DatabaseConnection> externalDatabase;
    private final int embeddedDatabasePort;
    private final List<String> childJvmOptions;
    private final boolean debug;

    private LauncherSettings(Path home, int httpPort, boolean demo, Optional<DatabaseConnection> externalDatabase,
                             int embeddedDatabasePort, List<String> childJvmOptions, boolean debug) {
        this.home = home;
        this.httpPort = httpPort;
        this.demo = demo;
        this.externalDatabase = externalDatabase;
        this.embeddedDatabasePort = embeddedDatabasePort;
        this.childJvmOptions = childJvmOptions;
        this.debug = debug;
    }

    /**
     * Reads the settings.
     *
     * @param environment      the process environment (injected so tests need not touch the real one)
     * @param systemProperties the JVM's system properties; {@code user.home} gives the default home
     */
    static LauncherSettings from(Map<String, String> environment, Properties systemProperties)
            throws LauncherException {
        Source source = new Source(environment, systemProperties);

        Path home = source.value(HOME)
                .map(value -> expandTilde(value, systemProperties))
                .orElseGet(() -> Path.of(systemProperties.getProperty("user.home"), ".userdesk"))
                .toAbsolutePath().normalize();
        int httpPort = source.port(HTTP_PORT, DEFAULT_HTTP_PORT);
        boolean demo = source.bool(DEMO, true);
        boolean debug = source.bool(DEBUG, false);
        List<String> childJvmOptions = source.jvmOptions(JAVA_OPTS);

        Optional<DatabaseConnection> external = Optional.empty();
        int embeddedDatabasePort = DEFAULT_DB_PORT;
        Optional<String> url = source.value(DB_URL);
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql:")) {
                throw configError(DB_URL + " must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://db.example.org:5432/userdesk, not '" + url.get() + "'.");
            }
            String user = source.value(DB_USER).orElseThrow(
                    () -> configError(DB_USER + " must be set when " + DB_URL + " is set."));
            external = Optional.of(new DatabaseConnection(url.get(), user, source.value(DB_PASSWORD).orElse("")));
        } else {
            embeddedDatabasePort = source.port(DB_PORT, DEFAULT_DB_PORT);
            if (embeddedDatabasePort == httpPort) {
                throw configError(HTTP_PORT + " and " + DB_PORT + " are both " + httpPort
                        + "; choose two different ports.");
            }
        }
        return new LauncherSettings(home, httpPort, demo, external, embeddedDatabasePort, childJvmOptions, debug);
    }

    /** Where UserDesk keeps its state: {@code pgdata}, {@code payara-runtime}, logs. */
    Path home() {
        return home;
    }

    int httpPort() {
        return httpPort;
    }

    /** Demo mode: the emulator is deployed beside the portal and demo accounts exist. */
    boolean demo() {
        return demo;
    }

    /** Present when the operator points UserDesk at their own PostgreSQL; then nothing is embedded. */
    Optional<DatabaseConnection> externalDatabase() {
        return externalDatabase;
    }

    int embeddedDatabasePort() {
        return embeddedDatabasePort;
    }

    /** Extra options for the Payara Micro JVM, from {@code USERDESK_JAVA_OPTS}, e.g. {@code -Dkey=value -Xmx1g}. */
    List<String> childJvmOptions() {
        return childJvmOptions;
    }

    /** Stack traces and library logging on the console. */
    boolean debug() {
        return debug;
    }

    /** The system property that may stand in for an environment variable: USERDESK_HTTP_PORT → userdesk.http.port. */
    static String propertyName(String environmentName) {
        return environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Path expandTilde(String value, Properties systemProperties) {
        if (value.equals("~") || value.startsWith("~/")) {
            return Path.of(systemProperties.getProperty("user.home") + value.substring(1));
        }
        return Path.of(value);
    }

    private static LauncherException configError(String detail) {
        return new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: " + detail);
    }

    /** Looks a setting up in the system properties, then the environment, and parses it. */
    private static final class Source {
        private final Map<String, String> environment;
        private final Properties systemProperties;

        Source(Map<String, String> environment, Properties systemProperties) {
            this.environment = environment;
            this.systemProperties = systemProperties;
        }

        Optional<String> value(String environmentName) {
            String value = systemProperties.getProperty(propertyName(environmentName));
            if (value == null || value.isBlank()) {
                value = environment.get(environmentName);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        int port(String name, int defaultPort) throws LauncherException {
            Optional<String> value = value(name);
            if (value.isEmpty()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.get());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the offending value
            }
            throw configError(name + " must be a port number between 1 and 65535, not '" + value.get() + "'.");
        }

        boolean bool(String name, boolean defaultValue) throws LauncherException {
            Optional<String> value = value(name);
            if (value.isEmpty()) {
                return defaultValue;
            }
            if (value.get().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.get().equalsIgnoreCase("false")) {
                return false;
            }
            throw configError(name + " must be true or false, not '" + value.get() + "'.");
        }

        List<String> jvmOptions(String name) throws LauncherException {
            Optional<String> value = value(name);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> options = Arrays.asList(value.get().split("\\s+"));
            for (String option : options) {
                if (!option.startsWith("-")) {
                    throw configError(name + " may only hold space-separated JVM options such as -Dkey=value; '"
                            + option + "' is not one.");
                }
            }
            return List.copyOf(options);
        }
    }
}
