package io.userdesk.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro with the WARs, running as a child JVM.
 *
 * <p>A child rather than Payara booted inside the launcher's JVM, which was tried too: in-process, the WARs silently
 * used the launcher's copies of the JDBC driver and slf4j, Payara's Add-Opens had to be repeated in the launcher's
 * manifest, and Payara's shutdown hook raced the launcher's. As a child the WARs keep their own classpath and the
 * shutdown order (portal, then database) is ours. Its
 * output is copied line by line to the launcher's console (nothing added) and watched for deployment failures.
 */
final class PortalProcess {

    private static final Duration PROBE_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final List<PayaraLogWatcher> watchers;

    private PortalProcess(Process process, List<PayaraLogWatcher> watchers) {
        this.process = process;
        this.watchers = watchers;
    }

    /** Starts the child in {@code workingDirectory} and begins forwarding its stdout and stderr. */
    static PortalProcess start(PortalCommandLine commandLine, Path workingDirectory, PrintStream out, PrintStream err)
            throws LauncherException {
        ProcessBuilder builder = new ProcessBuilder(commandLine.arguments()).directory(workingDirectory.toFile());
        builder.environment().putAll(commandLine.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LauncherException(LauncherException.PORTAL,
                    "UserDesk cannot start: could not run " + commandLine.arguments().get(0) + ": " + e.getMessage(),
                    e);
        }
        PayaraLogWatcher stdoutWatcher = new PayaraLogWatcher();
        PayaraLogWatcher stderrWatcher = new PayaraLogWatcher();
        forward(process.getInputStream(), out, stdoutWatcher, "portal-stdout");
        forward(process.getErrorStream(), err, stderrWatcher, "portal-stderr");
        return new PortalProcess(process, List.of(stdoutWatcher, stderrWatcher));
    }

    /**
     * Waits until Payara Micro said it is ready, {@code probe} answers HTTP 200 and no deployment failed.
     *
     * @throws LauncherException if a deployment failed, the child exited, or {@code timeout} passed
     */
    void awaitReady(URI probe, Duration timeout, Duration pollInterval) throws LauncherException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(PROBE_REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> failure = deploymentFailure();
            if (failure.isPresent()) {
                throw new LauncherException(LauncherException.PORTAL, "UserDesk cannot start: a deployment failed: "
                        + failure.get() + " (details in the Payara Micro output above).");
            }
            if (!process.isAlive()) {
                throw new LauncherException(LauncherException.PORTAL, "UserDesk cannot start: Payara Micro exited "
                        + "with code " + process.exitValue() + " before it was ready (see its output above).");
            }
            if (sawReadyLine() && answers200(client, probe)) {
                // the SEVERE lines of a failed deployment come before the ready line: one more look settles it
                Optional<String> lateFailure = deploymentFailure();
                if (lateFailure.isEmpty()) {
                    return;
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException(LauncherException.PORTAL, "UserDesk cannot start: the portal did not "
                        + "answer HTTP 200 at " + probe + " within " + timeout.toSeconds() + " s.");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Blocks until the child ends and returns its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Asks the child to stop (SIGTERM: Payara runs its shutdown hook and undeploys cleanly), and kills it if it is
     * still running after {@code grace}. Returns once it is gone; safe to call more than once.
     */
    void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private Optional<String> deploymentFailure() {
        return watchers.stream().map(PayaraLogWatcher::deploymentFailure).flatMap(Optional::stream).findFirst();
    }

    private boolean sawReadyLine() {
        return watchers.stream().anyMatch(PayaraLogWatcher::sawReadyLine);
    }

    private static boolean answers200(HttpClient client, URI probe) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(PROBE_REQUEST_TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void forward(InputStream stream, PrintStream target, PayaraLogWatcher watcher, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    target.println(line);
                    watcher.accept(line);
                }
            } catch (IOException | UncheckedIOException streamClosed) {
                // the child is gone; nothing more to copy
            } finally {
                watcher.endOfStream();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
