package org.iwddm.feed;

import java.time.Duration;

/**
 * Timeouts and retry bounds of the feed client. Not configuration (SPEC §2 lists every variable
 * the job reads); tests pass shorter values.
 */
public record FeedTuning(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration firstBackoff,
                         Duration maxBackoff) {
    /** Five attempts over about 15 s of back-off ride out a restarting IWD pod. */
    public static final FeedTuning DEFAULTS = new FeedTuning(Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
            Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** Back-off before attempt {@code attempt + 1}: doubling from firstBackoff, capped. */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = firstBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
