package org.iwddm.demo;

import java.time.Duration;
import java.time.Instant;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.SimulatorSettings;

/**
 * What the demo simulates: a seeded feed of {@code days} days from {@code start}, loaded by one
 * full-chain run every {@code step} of simulated time.
 */
public record DemoScenario(long seed, Instant start, int days, double tasksPerHour, double lateShare,
        double badShare, Duration step) {
    public static final String API_KEY = "demo-key";
    public static final String CCID = "demo";

    public DemoScenario {
        if (days < 1 || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a demo needs at least one day and a positive step");
        }
    }

    /** The default: two days of a mid-size contact center, a run every three simulated hours. */
    public static DemoScenario standard() {
        return new DemoScenario(1, Instant.parse("2026-11-20T00:00:00Z"), 2, 90, 0.05, 0.01, Duration.ofHours(3));
    }

    public FeedConfig feed() {
        return SimulatorSettings.feed(seed, start, tasksPerHour, days, lateShare, badShare);
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }
}
