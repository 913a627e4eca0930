package io.userdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDeskLauncherTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void httpPortInUseStopsWithOneClearLineAndExitCode2() throws IOException {
        LauncherLayout layout = packagedLayout();
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(0));
            int port = occupant.getLocalPort();

            int exitCode = launcher(Map.of("USERDESK_HTTP_PORT", Integer.toString(port))).run(() -> layout);

            assertEquals(LauncherException.CONFIGURATION, exitCode);
            assertEquals("UserDesk cannot start: port " + port + " is already in use. "
                    + "Set USERDESK_HTTP_PORT to a free port." + System.lineSeparator(), text(err));
            assertEquals("", text(out));
            assertFalse(Files.exists(temp.resolve("home")), "nothing is started or created");
        }
    }

    @Test
    void portCheckTellsFreeFromTaken() throws IOException {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress("127.0.0.1", 0));
            assertFalse(PortCheck.isFree(occupant.getLocalPort()), "a loopback-only listener also counts");
        }
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        assertTrue(PortCheck.isFree(freePort));
    }

    @Test
    void missingBuildOutputIsNamed() {
        int exitCode = launcher(Map.of()).run(() -> new LauncherLayout(temp.resolve("empty")));

        assertEquals(LauncherException.CONFIGURATION, exitCode);
        String message = text(err);
        assertTrue(message.startsWith("UserDesk cannot start: missing "), message);
        assertTrue(message.contains(temp.resolve("empty/lib/payara-micro.jar").toString()), message);
        assertTrue(message.contains(temp.resolve("empty/wars/partner-center.war").toString()), message);
    }

    @Test
    void invalidSettingExitsWithCode2() {
        int exitCode = launcher(Map.of("USERDESK_DEMO", "maybe")).run(this::packagedLayout);

        assertEquals(LauncherException.CONFIGURATION, exitCode);
        assertEquals("UserDesk cannot start: USERDESK_DEMO must be true or false, not 'maybe'."
                + System.lineSeparator(), text(err));
    }

    @Test
    void secondLauncherOnTheSameHomeIsRefused() throws LauncherException {
        try (HomeLock first = HomeLock.acquire(temp)) {
            LauncherException error = assertThrows(LauncherException.class, () -> HomeLock.acquire(temp));
            assertEquals(LauncherException.CONFIGURATION, error.exitCode());
            assertEquals("UserDesk cannot start: another UserDesk is already running with USERDESK_HOME=" + temp
                    + ". Stop it, or give this one its own USERDESK_HOME.", error.getMessage());
        }
        HomeLock.acquire(temp).close(); // released by the first close
    }

    @Test
    void resetPayaraRuntimeRemovesRememberedApplications() throws Exception {
        Path runtime = temp.resolve("payara-runtime");
        Files.createDirectories(runtime.resolve("applications/partner-center/WEB-INF"));
        Files.writeString(runtime.resolve("applications/partner-center/WEB-INF/web.xml"), "<web-app/>");

        UserDeskLauncher.resetPayaraRuntime(runtime);

        assertFalse(Files.exists(runtime));
        UserDeskLauncher.resetPayaraRuntime(runtime);
    }

    private UserDeskLauncher launcher(Map<String, String> environment) {
        Properties properties = new Properties();
        properties.setProperty("user.home", temp.toString());
        properties.setProperty("userdesk.home", temp.resolve("home").toString());
        return new UserDeskLauncher(environment, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private LauncherLayout packagedLayout() {
        Path base = temp.resolve("target");
        try {
            Files.createDirectories(base.resolve("lib"));
            Files.createDirectories(base.resolve("wars"));
            Files.writeString(base.resolve("lib/payara-micro.jar"), "stand-in");
            Files.writeString(base.resolve("lib/pre-boot-commands.asadmin"), "stand-in");
            Files.writeString(base.resolve("wars/ROOT.war"), "stand-in");
            Files.writeString(base.resolve("wars/partner-center.war"), "stand-in");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new LauncherLayout(base);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
