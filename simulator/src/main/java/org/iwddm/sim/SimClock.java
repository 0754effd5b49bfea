package org.iwddm.sim;

import java.time.Instant;
import java.util.function.LongSupplier;

/** Simulated time for a simulated IWD, in epoch millis. */
public final class SimClock {
    private SimClock() {
    }

    /** Starts at start and runs speed simulated seconds per real second. */
    public static LongSupplier realTime(Instant start, double speed) {
        long origin = System.nanoTime();
        long startMillis = start.toEpochMilli();
        return () -> startMillis + (long) ((System.nanoTime() - origin) / 1_000_000.0 * speed);
    }

    /** A clock moved by hand (the demo advances it between runs, so runs are reproducible). */
    public static final class Stepped implements LongSupplier {
        private volatile long nowMillis;

        public Stepped(Instant start) {
            nowMillis = start.toEpochMilli();
        }

        public void set(Instant now) {
            nowMillis = now.toEpochMilli();
        }

        public Instant now() {
            return Instant.ofEpochMilli(nowMillis);
        }

        @Override
        public long getAsLong() {
            return nowMillis;
        }
    }
}
