package org.iwddm.feed;

import java.time.Duration;
import java.util.Optional;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * Runs an attempt until it succeeds, retrying {@link TransientFeedException}s with bounded
 * exponential back-off (the server's Retry-After wins when it asks for longer, up to
 * {@link #MAX_RETRY_AFTER}), at most {@link FeedTuning#maxAttempts()} attempts, and never waiting
 * past the run's time budget: when the next wait would end after the deadline, it gives up at
 * once (SPEC §1: a run is bounded). The attempt must leave nothing behind when it fails; the
 * page loader rolls back.
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

    /** The time left before the run's deadline; empty when the run has no time budget. */
    @FunctionalInterface
    public interface TimeLeft {
        Optional<Duration> get();
    }

    private final FeedTuning tuning;
    private final Sleeper sleeper;
    private final TimeLeft timeLeft;

    public Retrier(FeedTuning tuning) {
        this(tuning, d -> Thread.sleep(d.toMillis()), Optional::empty);
    }

    public Retrier(FeedTuning tuning, TimeLeft timeLeft) {
        this(tuning, d -> Thread.sleep(d.toMillis()), timeLeft);
    }

    public Retrier(FeedTuning tuning, Sleeper sleeper) {
        this(tuning, sleeper, Optional::empty);
    }

    public Retrier(FeedTuning tuning, Sleeper sleeper, TimeLeft timeLeft) {
        this.tuning = tuning;
        this.sleeper = sleeper;
        this.timeLeft = timeLeft;
    }

    public <T, E extends Exception> T call(Attempt<T, E> attempt) throws FeedException, E {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (TransientFeedException e) {
                if (number >= tuning.maxAttempts()) {
                    throw new FeedException("giving up after " + number + " attempts: " + e.getMessage(), e);
                }
                Optional<Duration> left = timeLeft.get();
                if (left.isPresent() && delay(number, e).compareTo(left.get()) >= 0) {
                    throw new FeedException("giving up after " + number + (number == 1 ? " attempt" : " attempts")
                            + ": the run's time budget (IWDDM_RUN_MAX_SECONDS) ends before the next one: "
                            + e.getMessage(), e);
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
