package io.userdesk.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build output the launcher runs: {@code lib/payara-micro.jar} and {@code wars/*.war} beside {@code userdesk.jar}.
 *
 * <p>Everything is found relative to the launcher jar's own location, never the working directory, so
 * {@code java -jar /opt/userdesk/userdesk.jar} works from anywhere. Run from an IDE (classes in
 * {@code target/classes}) the base is {@code target/}, which holds the same files after {@code mvn package}.
 */
final class LauncherLayout {

    static final String PORTAL_WAR = "ROOT.war";
    static final String EMULATOR_WAR = "partner-center.war";

    private final Path baseDirectory;

    LauncherLayout(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    /** The layout around the jar (or classes directory) this class was loaded from. */
    static LauncherLayout ofRunningLauncher() throws LauncherException {
        try {
            Path codeSource = Path.of(LauncherLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new LauncherLayout(codeSource.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            throw new LauncherException(LauncherException.CONFIGURATION,
                    "UserDesk cannot start: cannot tell where userdesk.jar is (" + e + ").", e);
        }
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    Path payaraMicroJar() {
        return baseDirectory.resolve("lib").resolve("payara-micro.jar");
    }

    /**
     * Payara Micro settings applied before it starts: no {@code Server} or {@code X-Powered-By} header (no server
     * version on any response). The same file the ITs and the container image use (modules/web/src/main/payara).
     */
    Path preBootCommands() {
        return baseDirectory.resolve("lib").resolve("pre-boot-commands.asadmin");
    }

    /** The portal, deployed at {@code /} because Payara Micro takes the context root from the file name. */
    Path portalWar() {
        return baseDirectory.resolve("wars").resolve(PORTAL_WAR);
    }

    /** The Partner Center emulator, deployed at {@code /partner-center}; only needed in demo mode. */
    Path emulatorWar() {
        return baseDirectory.resolve("wars").resolve(EMULATOR_WAR);
    }

    /** Fails with the list of missing files, which means the module was not packaged (or was copied incompletely). */
    void requireFiles(boolean demo) throws LauncherException {
        List<Path> required = new ArrayList<>(List.of(payaraMicroJar(), portalWar(), preBootCommands()));
        if (demo) {
            required.add(emulatorWar());
        }
        List<String> missing = new ArrayList<>();
        for (Path file : required) {
            if (!Files.isRegularFile(file)) {
                missing.add(file.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LauncherException(LauncherException.CONFIGURATION, "UserDesk cannot start: missing "
                    + String.join(", ", missing) + ". Rebuild with `mvn package` and run the userdesk.jar from "
                    + "modules/launcher/target together with its lib/ and wars/ folders.");
        }
    }
}
