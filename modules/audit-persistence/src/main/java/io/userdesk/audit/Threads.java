package io.userdesk.audit;

/** Waiting for the helper threads of streaming reads and exports, which must end before their caller returns. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, even when interrupted meanwhile: its resources (a result set, a stream) must
     * not outlive the caller. An interruption is passed on by re-setting the caller's interrupt flag.
     */
    public static void awaitEnd(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
