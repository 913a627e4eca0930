package io.userdesk.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The "it is running" text printed once the portal answers: after a page of Payara output the operator needs the URL,
 * what mode this is, and in demo mode how to sign in. Plain ASCII so it reads the same on every console.
 */
final class Banner {

    private static final String RULE = "=".repeat(72);

    private Banner() {
    }

    static String text(LauncherSettings settings, DatabaseConnection database, boolean embeddedDatabase) {
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add(" UserDesk is running:  http://localhost:" + settings.httpPort() + "/");
        if (settings.demo()) {
            lines.add(" Demo mode is ON: demo accounts, and the Partner Center emulator instead of a real tenant.");
            lines.add("   agent    / demo   helpdesk agent");
            lines.add("   reviewer / demo   compliance reviewer");
            lines.add("   admin    / demo   administrator");
            lines.add(" Partner Center emulator: " + PortalCommandLine.emulatorUrl(settings, "localhost"));
        } else {
            lines.add(" Demo mode is off.");
        }
        lines.add(" Database: " + (embeddedDatabase
                ? "embedded PostgreSQL, data in " + EmbeddedDatabase.dataDirectory(settings.home())
                : database.url()));
        lines.add(" Stop with Ctrl-C.");
        lines.add(RULE);
        return String.join(System.lineSeparator(), lines);
    }
}
