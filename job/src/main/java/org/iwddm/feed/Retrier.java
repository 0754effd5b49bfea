package org.iwddm.feed;

import java.time.Duration;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * Runs an attempt until it succeeds, retrying {@link TransientFeedException}s with bounded
 * exponential back-off (the server's Retry-After wins when it asks for longer, up to the
 * cap). The attempt must leave nothing behind when it fails; the page loader rolls back.
 */
public final class Retrier {
    /** A Retry-After beyond this is not waited for: the run gives up and the next one tries. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    /** One attempt; may fail with a feed exception or with its own checked exception E. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws FeedException, E;
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final FeedTuning tuning;
    private final Sleeper sleeper;

    public Retrier(FeedTuning tuning) {
        this(tuning, d -> Thread.sleep(d.toMillis()));
    }

    public Retrier(FeedTuning tuning, Sleeper sleeper) {
        this.tuning = tuning;
        this.sleeper = sleeper;
    }

    public <T, E extends Exception> T call(Attempt<T, E> attempt) throws FeedException, E {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (TransientFeedException e) {
                if (number >= tuning.maxAttempts()) {
                    throw new FeedException("giving up after " + number + " attempts: " + e.getMessage(), e);
                }
                pause(number, e);
            }
        }
    }

    private void pause(int attempt, TransientFeedException failure) throws FeedException {
        Duration wait = delay(attempt, failure);
        JobLog.warn("attempt " + attempt + " of " + tuning.maxAttempts() + " failed, retrying in "
                + wait.toMillis() + " ms: " + failure.getMessage(), Figures.of(Figure.SECONDS, wait.toMillis() / 1000.0));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("interrupted while waiting to retry: " + failure.getMessage(), failure);
        }
    }

    Duration delay(int attempt, TransientFeedException failure) {
        Duration backoff = tuning.backoffAfter(attempt);
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
