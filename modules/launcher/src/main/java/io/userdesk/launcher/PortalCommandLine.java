package io.userdesk.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child JVM's command line: {@code java <-D settings> -jar payara-micro.jar --deploy ROOT.war ...}.
 *
 * <p>Built separately from the process so the exact arguments can be checked in a unit test. The portal reads its
 * settings through MicroProfile Config, where system properties win over environment variables, so the launcher's
 * values are passed as {@code -D}. Operator options from {@code USERDESK_JAVA_OPTS} come after them and therefore
 * win (the JVM keeps the last {@code -D} of a name). A password of an external database goes into the child's
 * environment ({@code USERDESK_DB_PASSWORD}, which MicroProfile Config maps to {@code userdesk.db.password}), never
 * onto the command line, where any local user could read it with {@code ps}.
 */
final class PortalCommandLine {

    /** Environment names MicroProfile Config maps to {@code partner-center.auth.client-secret} / {@code .refresh-token}. */
    static final String CLIENT_SECRET_VARIABLE = "PARTNER_CENTER_AUTH_CLIENT_SECRET";
    static final String REFRESH_TOKEN_VARIABLE = "PARTNER_CENTER_AUTH_REFRESH_TOKEN";

    private final List<String> arguments;
    private final Map<String, String> environment;

    private PortalCommandLine(List<String> arguments, Map<String, String> environment) {
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
    }

    static PortalCommandLine of(Path javaExecutable, LauncherLayout layout, LauncherSettings settings,
                                DatabaseConnection database) {
        return of(javaExecutable, layout, settings, database, null);
    }

    /**
     * @param owner when not null (the embedded database), the portal migrates as this owner and connects as the
     *              INSERT/SELECT-only application role {@code database.user()}, which it creates itself
     */
    static PortalCommandLine of(Path javaExecutable, LauncherLayout layout, LauncherSettings settings,
                                DatabaseConnection database, DatabaseConnection owner) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        arguments.add(javaExecutable.toString());
        if (owner != null) {
            arguments.add("-Duserdesk.db.owner.user=" + owner.user());
            arguments.add("-Duserdesk.db.owner.password=" + owner.password());
            arguments.add("-Duserdesk.db.owner.manage-app-role=true");
        }
        arguments.add("-Duserdesk.db.url=" + database.url());
        arguments.add("-Duserdesk.db.user=" + database.user());
        if (database.password().isEmpty()) {
            arguments.add("-Duserdesk.db.password=");
        } else {
            environment.put(LauncherSettings.DB_PASSWORD, database.password());
        }
        arguments.add("-Duserdesk.demo=" + settings.demo());
        arguments.add("-Duserdesk.home=" + settings.home());
        if (settings.demo()) {
            arguments.add("-Demulator.admin.enabled=false");
            DemoPartnerCenter demo = DemoPartnerCenter.load();
            arguments.add("-Demulator.access-token=" + demo.accessToken());
            arguments.add("-Dpartner-center/mp-rest/url=" + emulatorUrl(settings, "127.0.0.1"));
            arguments.add("-Dpartner-center.auth.authority=" + emulatorUrl(settings, "127.0.0.1"));
            arguments.add("-Dpartner-center.auth.tenant=" + demo.tenant());
            arguments.add("-Dpartner-center.auth.client-id=" + demo.clientId());
            environment.put(CLIENT_SECRET_VARIABLE, demo.clientSecret());
            environment.put(REFRESH_TOKEN_VARIABLE, demo.refreshToken());
        }
        arguments.addAll(settings.childJvmOptions());
        arguments.add("-jar");
        arguments.add(layout.payaraMicroJar().toString());
        arguments.add("--deploy");
        arguments.add(layout.portalWar().toString());
        if (settings.demo()) {
            arguments.add("--deploy");
            arguments.add(layout.emulatorWar().toString());
        }
        arguments.add("--port");
        arguments.add(Integer.toString(settings.httpPort()));
        arguments.add("--nohazelcast");
        arguments.add("--disablephonehome");
        arguments.add("--prebootcommandfile");
        arguments.add(layout.preBootCommands().toString());
        arguments.add("--rootDir");
        arguments.add(payaraRuntimeDirectory(settings).toString());
        return new PortalCommandLine(arguments, environment);
    }

    /** Payara Micro's working files; wiped before each start (see {@link UserDeskLauncher}). */
    static Path payaraRuntimeDirectory(LauncherSettings settings) {
        return settings.home().resolve("payara-runtime");
    }

    static String emulatorUrl(LauncherSettings settings, String host) {
        return "http://" + host + ":" + settings.httpPort() + "/partner-center";
    }

    List<String> arguments() {
        return arguments;
    }

    /** Variables added to the inherited environment of the child. */
    Map<String, String> environment() {
        return environment;
    }
}
