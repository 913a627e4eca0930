package io.userdesk.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalCommandLineTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final LauncherLayout LAYOUT = new LauncherLayout(Path.of("/opt/userdesk"));

    private static LauncherSettings settings(Map<String, String> environment) throws LauncherException {
        Properties properties = new Properties();
        properties.setProperty("user.home", "/home/operator");
        return LauncherSettings.from(environment, properties);
    }

    @Test
    void demoWithEmbeddedDatabaseDeploysBothWarsAndWiresTheEmulator() throws LauncherException {
        LauncherSettings settings = settings(Map.of());
        DatabaseConnection embedded = new DatabaseConnection("jdbc:postgresql://127.0.0.1:54329/userdesk", "postgres", "");

        PortalCommandLine commandLine = PortalCommandLine.of(JAVA, LAYOUT, settings, embedded);

        assertEquals(List.of(
                "/jdk/bin/java",
                "-Duserdesk.db.url=jdbc:postgresql://127.0.0.1:54329/userdesk",
                "-Duserdesk.db.user=postgres",
                "-Duserdesk.db.password=",
                "-Duserdesk.demo=true",
                "-Duserdesk.home=/home/operator/.userdesk",
                "-Demulator.admin.enabled=false",
                "-Demulator.access-token=demo-access-token",
                "-Dpartner-center/mp-rest/url=http://127.0.0.1:8080/partner-center",
                "-Dpartner-center.auth.authority=http://127.0.0.1:8080/partner-center",
                "-Dpartner-center.auth.tenant=demo-partner",
                "-Dpartner-center.auth.client-id=userdesk-demo",
                "-jar", "/opt/userdesk/lib/payara-micro.jar",
                "--deploy", "/opt/userdesk/wars/ROOT.war",
                "--deploy", "/opt/userdesk/wars/partner-center.war",
                "--port", "8080",
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile", "/opt/userdesk/lib/pre-boot-commands.asadmin",
                "--rootDir", "/home/operator/.userdesk/payara-runtime"), commandLine.arguments());
        // the demo App+User secrets go through the environment, like every secret, never onto the command line
        assertEquals(Map.of("PARTNER_CENTER_AUTH_CLIENT_SECRET", "demo-secret",
                "PARTNER_CENTER_AUTH_REFRESH_TOKEN", "demo-refresh-token"), commandLine.environment());
    }

    @Test
    void withTheEmbeddedDatabaseThePortalMigratesAsTheOwnerAndRunsAsTheLimitedRole() throws LauncherException {
        LauncherSettings settings = settings(Map.of());
        DatabaseConnection owner = new DatabaseConnection("jdbc:postgresql://127.0.0.1:54329/userdesk", "postgres", "");
        DatabaseConnection app = new DatabaseConnection(owner.url(), UserDeskLauncher.APPLICATION_ROLE, "r4nd0m");

        PortalCommandLine commandLine = PortalCommandLine.of(JAVA, LAYOUT, settings, app, owner);

        List<String> arguments = commandLine.arguments();
        assertEquals(List.of("/jdk/bin/java", "-Duserdesk.db.owner.user=postgres", "-Duserdesk.db.owner.password=",
                "-Duserdesk.db.owner.manage-app-role=true",
                "-Duserdesk.db.url=jdbc:postgresql://127.0.0.1:54329/userdesk", "-Duserdesk.db.user=userdesk_app"),
                arguments.subList(0, 6));
        assertEquals("r4nd0m", commandLine.environment().get("USERDESK_DB_PASSWORD"),
                "the application role's password travels in the environment, not on the command line");
        assertEquals(false, String.join(" ", arguments).contains("r4nd0m"));
    }

    @Test
    void externalDatabaseWithoutDemoDeploysOnlyThePortalAndKeepsThePasswordOffTheCommandLine()
            throws LauncherException {
        LauncherSettings settings = settings(Map.of(
                "USERDESK_HOME", "/srv/ud",
                "USERDESK_HTTP_PORT", "9090",
                "USERDESK_DEMO", "false",
                "USERDESK_DB_URL", "jdbc:postgresql://db.internal:5432/userdesk",
                "USERDESK_DB_USER", "userdesk_app",
                "USERDESK_DB_PASSWORD", "s3cret",
                "USERDESK_JAVA_OPTS", "-Xmx1g -Duserdesk.extra=1"));

        PortalCommandLine commandLine = PortalCommandLine.of(JAVA, LAYOUT, settings,
                settings.externalDatabase().orElseThrow());

        assertEquals(List.of(
                "/jdk/bin/java",
                "-Duserdesk.db.url=jdbc:postgresql://db.internal:5432/userdesk",
                "-Duserdesk.db.user=userdesk_app",
                "-Duserdesk.demo=false",
                "-Duserdesk.home=/srv/ud",
                "-Xmx1g",
                "-Duserdesk.extra=1",
                "-jar", "/opt/userdesk/lib/payara-micro.jar",
                "--deploy", "/opt/userdesk/wars/ROOT.war",
                "--port", "9090",
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile", "/opt/userdesk/lib/pre-boot-commands.asadmin",
                "--rootDir", "/srv/ud/payara-runtime"), commandLine.arguments());
        assertEquals(Map.of("USERDESK_DB_PASSWORD", "s3cret"), commandLine.environment());
    }

    @Test
    void operatorOptionsComeAfterTheLaunchersSoTheyCanOverrideThem() throws LauncherException {
        LauncherSettings settings = settings(Map.of(
                "USERDESK_JAVA_OPTS", "-Dpartner-center/mp-rest/url=http://pc.test/partner-center"));
        DatabaseConnection embedded = new DatabaseConnection("jdbc:postgresql://127.0.0.1:54329/userdesk", "postgres", "");

        List<String> arguments = PortalCommandLine.of(JAVA, LAYOUT, settings, embedded).arguments();

        int launcherValue = arguments.indexOf("-Dpartner-center/mp-rest/url=http://127.0.0.1:8080/partner-center");
        int operatorValue = arguments.indexOf("-Dpartner-center/mp-rest/url=http://pc.test/partner-center");
        assertTrue(launcherValue >= 0 && operatorValue > launcherValue, "the operator's value comes later, so it wins");
        assertEquals(operatorValue + 1, arguments.indexOf("-jar"));
    }

    @Test
    void passwordIsMaskedWhenTheConnectionIsPrinted() {
        assertEquals("DatabaseConnection[url=jdbc:postgresql://db/ud, user=ud, password=***]",
                new DatabaseConnection("jdbc:postgresql://db/ud", "ud", "s3cret").toString());
    }
}
