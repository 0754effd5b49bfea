package org.iwddm.load;

import java.time.Duration;
import org.iwddm.log.JobLog;

/** Joining a helper thread that was told to stop: bounded, and keeping the caller's interrupt. */
final class StoppedThreads {
    /** Aborting unblocks any read at once; this only bounds a stop that somehow hangs (a DNS lookup). */
    static final Duration JOIN_WAIT = Duration.ofSeconds(10);

    private StoppedThreads() {
    }

    /**
     * Waits up to {@link #JOIN_WAIT} for the thread to end; if it does not, says so (naming what it
     * was doing) and leaves it to end on its own. An interrupt meanwhile is kept for the caller.
     */
    static void join(Thread thread, String doing) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        try {
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    JobLog.warn("the thread " + doing + " did not stop within " + JOIN_WAIT.toSeconds()
                            + " s of being dropped; it ends on its own");
                    return;
                }
                try {
                    thread.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
