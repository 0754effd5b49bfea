package org.iwddm.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * How a simulated IWD behaves.
 *
 * @param port         loopback port (0: any free one)
 * @param apiKey       the x-api-key every request must carry (else 401)
 * @param feed         the generated stream (one tenant; duplicateShare 0)
 * @param speed        simulated seconds per real second (used by the real-time clock)
 * @param failEvery    every Nth request gets HTTP 500 (0: never)
 * @param slowAnswer   wait before every answer's headers
 */
public record SimulatorSettings(int port, String apiKey, FeedConfig feed, double speed, int failEvery,
        Duration slowAnswer) {
    public static final String BASE_PATH = "/iwd/v3";

    public SimulatorSettings {
        require(port >= 0 && port <= 65_535, "port must be 0..65535");
        require(apiKey != null && !apiKey.isEmpty(), "an API key is required");
        require(feed.duplicateShare() == 0, "the simulated feed has no re-sent events (duplicateShare 0)");
        require(speed > 0 && Double.isFinite(speed), "speed must be > 0");
        require(failEvery >= 0, "fail-every must be >= 0");
        require(!slowAnswer.isNegative(), "slow answers must not wait a negative time");
    }

    /** A feed of tasksPerHour for this many simulated days from start, late and bad as asked. */
    public static FeedConfig feed(long seed, Instant start, double tasksPerHour, double days, double lateShare,
            double badShare) {
        require(days > 0, "days must be > 0");
        int tasks = (int) Math.min(Integer.MAX_VALUE, Math.round(tasksPerHour * 24 * days));
        return FeedConfig.builder().seed(seed).start(start).tasks(tasks).tasksPerHour(tasksPerHour)
                .lateShare(lateShare).badShare(badShare).duplicateShare(0).build();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
