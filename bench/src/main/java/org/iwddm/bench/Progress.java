package org.iwddm.bench;

import java.util.Locale;

/** Progress lines on stderr with the time since the suite started, so a long run shows life. */
final class Progress {
    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... args) {
        double elapsed = (System.nanoTime() - STARTED) / 1e9;
        System.err.printf(Locale.ROOT, "[bench %7.1f s] %s%n", elapsed, String.format(Locale.ROOT, format, args));
    }
}
