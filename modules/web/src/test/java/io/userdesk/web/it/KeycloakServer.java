package io.userdesk.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak (the distribution from Maven Central, unpacked by the build into {@code target/keycloak}) for the
 * single sign-on IT: started before the class's Payara Micro deploys, stopped after the class.
 *
 * <p>Its flags never change between runs, because Keycloak rebuilds itself (30-60 s) whenever a build-time option
 * differs from the last start; only the first start of a fresh unpack pays that. Its database ({@code data/h2}) is
 * deleted before each start, so the committed realm ({@code src/test/resources/keycloak/userdesk-realm.json}, filtered
 * with the IT's ports) is imported fresh every time. Its log goes to {@code target/keycloak.log}.
 */
public final class KeycloakServer implements BeforeAllCallback, AfterAllCallback {
    public static final String REALM = "userdesk";
    public static final String ADMIN = "it-keycloak-admin";
    public static final String ADMIN_PASSWORD = "it-keycloak-admin-password";
    private static Process process;

    public static int port() {
        return Integer.parseInt(System.getProperty("it.keycloak.port", "18180"));
    }

    public static String realmUrl() {
        return "http://127.0.0.1:" + port() + "/realms/" + REALM;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (process != null) {
            return;
        }
        Path home = Path.of(System.getProperty("it.keycloak.home", "target/keycloak/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (maven-dependency-plugin, execution it-keycloak)");
        }
        int port = port();
        int managementPort = Integer.parseInt(System.getProperty("it.keycloak.management-port", "18181"));
        for (int p : List.of(port, managementPort)) {
            try (ServerSocket probe = new ServerSocket(p)) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + p + " for Keycloak is taken; free it or set -Dit.keycloak.port / "
                        + "-Dit.keycloak.management-port", e);
            }
        }
        deleteTree(home.resolve("data/h2"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of(System.getProperty("it.test-classes", "target/test-classes"), "keycloak", "userdesk-realm.json"),
                imports.resolve("userdesk-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Path log = home.getParent().getParent().resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=http://127.0.0.1:" + port, "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // a temporary master-realm admin, so a test can rotate the realm's signing key through the admin API
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_APPEND",
                "-DCoreEnvironmentBean.processImplementationClassName=com.arjuna.ats.internal.arjuna.utils.UuidProcessId"
                        + " -Dvertx.cacheDirBase=" + home.resolve("data/vertx-cache"));
        long started = System.nanoTime();
        process = builder.start();
        waitUntilReady(Duration.ofSeconds(300));
        System.out.printf("Keycloak ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void waitUntilReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak.log");
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s; see target/keycloak.log");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private static void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
