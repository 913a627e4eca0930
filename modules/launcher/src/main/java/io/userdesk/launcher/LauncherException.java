package io.userdesk.launcher;

/**
 * A start-up problem the operator can act on. The message is the one line printed to the console (no stack trace
 * unless USERDESK_DEBUG=true) and the exit code tells scripts which step failed.
 */
final class LauncherException extends Exception {

    /** Bad setting, missing build output or HTTP port in use. */
    static final int CONFIGURATION = 2;
    /** The embedded PostgreSQL could not be started. */
    static final int DATABASE = 3;
    /** Payara Micro died, failed to deploy, or did not answer in time. */
    static final int PORTAL = 4;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    LauncherException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    LauncherException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
