package io.userdesk.launcher;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines as Payara Micro 6.2025.10 prints them (colour codes included) when a WAR's listener class is missing. */
class PayaraLogWatcherTest {

    private static final String ESC = "\u001B";

    private static String header(String level, String logger) {
        return "[2026-11-26T14:57:34.790+0000] [] [" + ESC + "[1;91m" + level + ESC + "[0m] [] [" + ESC + "[1;94m"
                + logger + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1795705054790] "
                + "[levelValue: 1000] ";
    }

    private static final String READY = header("INFO", "PayaraMicro")
            + "Payara Micro 6.2025.10 (build 42) ready in 7,180 (ms)";

    @Test
    void cleanStartIsReadyWithoutFailure() {
        PayaraLogWatcher watcher = new PayaraLogWatcher();
        watcher.accept(header("INFO", "javax.enterprise.system.core") + "ROOT was successfully deployed in 3,291 milliseconds.");
        watcher.accept("");
        assertFalse(watcher.sawReadyLine());
        watcher.accept(READY);

        assertTrue(watcher.sawReadyLine());
        assertEquals(Optional.empty(), watcher.deploymentFailure());
    }

    @Test
    void severeDeploymentRecordIsReportedWithItsMessage() {
        PayaraLogWatcher watcher = new PayaraLogWatcher();
        watcher.accept(header("SEVERE", "jakarta.enterprise.web.core") + "[[");
        watcher.accept("  ContainerBase.addChild: start: ");
        watcher.accept("org.apache.catalina.LifecycleException: java.lang.ClassNotFoundException: does.not.ExistListener");
        watcher.accept("\tat org.apache.catalina.core.StandardContext.start(StandardContext.java:5711)");
        assertEquals(Optional.empty(), watcher.deploymentFailure(), "a SEVERE record that does not mention deployment");

        watcher.accept(header("SEVERE", "javax.enterprise.system.tools.deployment.common") + "[[");
        watcher.accept("  Exception while invoking class com.sun.enterprise.web.WebApplication start method");
        watcher.accept("java.lang.Exception: java.lang.ClassNotFoundException: does.not.ExistListener");
        watcher.accept("\tat com.sun.enterprise.web.WebApplication.start(WebApplication.java:136)");
        watcher.accept(header("SEVERE", "javax.enterprise.system.core") + "Exception while loading the app");
        watcher.accept("");
        watcher.accept(READY);

        assertTrue(watcher.sawReadyLine(), "Payara says ready even though a deployment failed");
        assertEquals(Optional.of("Exception while invoking class com.sun.enterprise.web.WebApplication start method"
                        + " | java.lang.Exception: java.lang.ClassNotFoundException: does.not.ExistListener"),
                watcher.deploymentFailure());
    }

    @Test
    void longSummaryKeepsTheInnermostCauseAtTheEnd() {
        PayaraLogWatcher watcher = new PayaraLogWatcher();
        watcher.accept(header("SEVERE", "javax.enterprise.system.core") + "[[");
        watcher.accept("  Exception during lifecycle processing");
        watcher.accept("java.lang.Exception: " + "java.lang.IllegalStateException: wrapped: ".repeat(20)
                + "java.lang.ClassNotFoundException: does.not.ExistListener");
        watcher.endOfStream();

        String summary = watcher.deploymentFailure().orElseThrow();
        assertTrue(summary.startsWith("Exception during lifecycle processing | java.lang.Exception: "), summary);
        assertTrue(summary.endsWith("java.lang.ClassNotFoundException: does.not.ExistListener"), summary);
        assertTrue(summary.length() <= 405, summary);
    }

    @Test
    void singleLineSevereRecordIsJudgedAtEndOfStream() {
        PayaraLogWatcher watcher = new PayaraLogWatcher();
        watcher.accept(header("SEVERE", "javax.enterprise.system.core") + "Exception while loading the app");
        watcher.endOfStream();

        assertEquals(Optional.of("Exception while loading the app"), watcher.deploymentFailure());
    }

    @Test
    void severeRecordAboutSomethingElseIsNotADeploymentFailure() {
        PayaraLogWatcher watcher = new PayaraLogWatcher();
        watcher.accept(header("SEVERE", "io.userdesk.web") + "Partner Center did not answer within 10 s");
        watcher.accept(READY);

        assertEquals(Optional.empty(), watcher.deploymentFailure());
    }
}
