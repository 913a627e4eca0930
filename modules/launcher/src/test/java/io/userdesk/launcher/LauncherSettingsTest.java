package io.userdesk.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherSettingsTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/operator");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsMakeALocalDemo() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(Map.of(), properties());

        assertEquals(Path.of("/home/operator/.userdesk"), settings.home());
        assertEquals(8080, settings.httpPort());
        assertTrue(settings.demo());
        assertEquals(Optional.empty(), settings.externalDatabase());
        assertEquals(54329, settings.embeddedDatabasePort());
        assertEquals(List.of(), settings.childJvmOptions());
        assertFalse(settings.debug());
    }

    @Test
    void readsEveryEnvironmentVariable() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "USERDESK_HOME", "/srv/userdesk",
                "USERDESK_HTTP_PORT", "9090",
                "USERDESK_DEMO", "FALSE",
                "USERDESK_DB_URL", "jdbc:postgresql://db.internal:5432/userdesk",
                "USERDESK_DB_USER", "userdesk_app",
                "USERDESK_DB_PASSWORD", "s3cret",
                "USERDESK_JAVA_OPTS", " -Xmx1g  -Dmp.jwt.verify.issuer=https://issuer ",
                "USERDESK_DEBUG", "true"), properties());

        assertEquals(Path.of("/srv/userdesk"), settings.home());
        assertEquals(9090, settings.httpPort());
        assertFalse(settings.demo());
        assertEquals(Optional.of(new DatabaseConnection(
                        "jdbc:postgresql://db.internal:5432/userdesk", "userdesk_app", "s3cret")),
                settings.externalDatabase());
        assertEquals(List.of("-Xmx1g", "-Dmp.jwt.verify.issuer=https://issuer"), settings.childJvmOptions());
        assertTrue(settings.debug());
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(
                Map.of("USERDESK_HTTP_PORT", "9090", "USERDESK_DB_PORT", "15000"),
                properties("userdesk.http.port", "9191", "userdesk.home", "/opt/ud", "userdesk.db.port", "15001"));

        assertEquals(9191, settings.httpPort());
        assertEquals(Path.of("/opt/ud"), settings.home());
        assertEquals(15001, settings.embeddedDatabasePort());
    }

    @Test
    void blankValuesCountAsUnset() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(
                Map.of("USERDESK_DB_URL", "", "USERDESK_HTTP_PORT", "  "), properties("userdesk.demo", ""));

        assertEquals(Optional.empty(), settings.externalDatabase());
        assertEquals(8080, settings.httpPort());
        assertTrue(settings.demo());
    }

    @Test
    void tildeMeansTheUsersHome() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(Map.of("USERDESK_HOME", "~/ud-data"), properties());

        assertEquals(Path.of("/home/operator/ud-data"), settings.home());
    }

    @Test
    void externalDatabaseWithoutPasswordHasAnEmptyOne() throws LauncherException {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "USERDESK_DB_URL", "jdbc:postgresql://127.0.0.1/ud", "USERDESK_DB_USER", "ud"), properties());

        assertEquals("", settings.externalDatabase().orElseThrow().password());
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertConfigurationError("UserDesk cannot start: USERDESK_HTTP_PORT must be a port number between 1 and 65535, "
                + "not '80a'.", Map.of("USERDESK_HTTP_PORT", "80a"));
        assertConfigurationError("UserDesk cannot start: USERDESK_DB_PORT must be a port number between 1 and 65535, "
                + "not '70000'.", Map.of("USERDESK_DB_PORT", "70000"));
    }

    @Test
    void rejectsDemoValuesOtherThanTrueOrFalse() {
        assertConfigurationError("UserDesk cannot start: USERDESK_DEMO must be true or false, not 'yes'.",
                Map.of("USERDESK_DEMO", "yes"));
    }

    @Test
    void rejectsAnExternalDatabaseWithoutUser() {
        assertConfigurationError("UserDesk cannot start: USERDESK_DB_USER must be set when USERDESK_DB_URL is set.",
                Map.of("USERDESK_DB_URL", "jdbc:postgresql://db/ud"));
    }

    @Test
    void rejectsAUrlThatIsNotPostgresql() {
        assertConfigurationError("UserDesk cannot start: USERDESK_DB_URL must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://db.example.org:5432/userdesk, not 'jdbc:mysql://db/ud'.",
                Map.of("USERDESK_DB_URL", "jdbc:mysql://db/ud", "USERDESK_DB_USER", "ud"));
    }

    @Test
    void rejectsJavaOptsThatAreNotOptions() {
        assertConfigurationError("UserDesk cannot start: USERDESK_JAVA_OPTS may only hold space-separated JVM options "
                + "such as -Dkey=value; 'value' is not one.", Map.of("USERDESK_JAVA_OPTS", "-Dkey= value"));
    }

    @Test
    void rejectsTheSamePortForHttpAndDatabase() {
        assertConfigurationError("UserDesk cannot start: USERDESK_HTTP_PORT and USERDESK_DB_PORT are both 9000; "
                + "choose two different ports.", Map.of("USERDESK_HTTP_PORT", "9000", "USERDESK_DB_PORT", "9000"));
    }

    @Test
    void propertyNameIsTheLowerCaseDottedEnvironmentName() {
        assertEquals("userdesk.http.port", LauncherSettings.propertyName("USERDESK_HTTP_PORT"));
    }

    private static void assertConfigurationError(String expectedMessage, Map<String, String> environment) {
        LauncherException error = assertThrows(LauncherException.class,
                () -> LauncherSettings.from(environment, properties()));
        assertEquals(expectedMessage, error.getMessage());
        assertEquals(LauncherException.CONFIGURATION, error.exitCode());
    }
}
