package io.userdesk.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other IT ({@code @Order(Integer.MAX_VALUE)}, see junit-platform.properties) and greps what the
 * whole suite left behind: every audit row, a full export, and every server log line the ITs captured
 * (target/failsafe-reports/*-output.txt). None may hold a password the tests set, the Partner Center access token or
 * a portal bearer token (a JWT).
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class NoSecretsLeakIT {

    /**
     * Passwords the suite sends in password resets (PortalApiIT), the emulator's access token, and what OidcIT's
     * single sign-on handles: Keycloak users' passwords and the portal's and API client's secrets.
     */
    private static final List<String> SECRETS = List.of("Kx9!mQ2#rT7pW", PortalDeployment.EMULATOR_TOKEN,
            "Keycloak-Olivia-2026", "Keycloak-Adam-2026", "Keycloak-Nora-2026", "it-oidc-client-secret",
            "it-api-client-secret");
    /**
     * The Arquillian container's own log of the command line it starts Payara with, which carries the test
     * configuration (arquillian.xml) including the emulator's token: that is the harness, not the portal, and is the
     * only line skipped. (The launcher hands secrets to the portal through the environment, never its command line.)
     */
    private static final String HARNESS_LAUNCH_LINE = "INFO: Starting Payara Micro using cmd:";
    /** Any JSON Web Token: base64url header starting {"  ... . payload . signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @Test
    void noPasswordOrTokenIsInAnyAuditRowExportOrLogLine() throws Exception {
        String reviewerToken = Http.token("reviewer", "demo");
        List<String> leaks = new ArrayList<>();

        long rows = 0;
        try (Connection db = ItDatabase.connect(); Statement s = db.createStatement();
             ResultSet all = s.executeQuery("SELECT seq, audit_event::text FROM audit_event ORDER BY seq")) {
            while (all.next()) {
                rows++;
                check("audit row " + all.getLong(1), all.getString(2), leaks);
            }
        }
        assertTrue(rows > 10, "the suite wrote audit rows: " + rows);

        Path export = AuditTrailIT.export(reviewerToken, "");
        try (ZipFile zip = new ZipFile(export.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    check("export " + entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8), leaks);
                }
            }
        }

        Path reports = Path.of(System.getProperty("it.reports", "target/failsafe-reports"));
        int logFiles = 0;
        try (Stream<Path> files = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).toList()) {
                logFiles++;
                int lineNumber = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    lineNumber++;
                    if (line.startsWith(HARNESS_LAUNCH_LINE)) {
                        continue;
                    }
                    check(file.getFileName() + ":" + lineNumber, line, leaks);
                }
            }
        }
        assertTrue(logFiles > 0, "the ITs' server output was captured in " + reports);
        assertEquals(List.of(), leaks);
    }

    private static void check(String where, String text, List<String> leaks) throws IOException {
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                leaks.add(where + " contains " + secret.substring(0, 3) + "…");
            }
        }
        if (JWT.matcher(text).find()) {
            leaks.add(where + " contains a bearer token");
        }
    }
}
