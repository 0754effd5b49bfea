package org.iwddm.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private static final FeedTuning TUNING = new FeedTuning(Duration.ofSeconds(1), Duration.ofSeconds(1), 4,
            Duration.ofSeconds(1), Duration.ofSeconds(3));

    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier = new Retrier(TUNING, waits::add);

    private static TransientFeedException transientError(Optional<Duration> retryAfter) {
        return new TransientFeedException("HTTP 503", retryAfter, null);
    }

    @Test
    void retriesTransientFailuresWithDoublingCappedBackOff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier.call(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw transientError(Optional.empty());
            }
            return "page";
        });

        assertEquals("page", result);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)), waits);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        FeedException error = assertThrows(FeedException.class, () -> retrier.call(() -> {
            attempts.incrementAndGet();
            throw transientError(Optional.empty());
        }));

        assertEquals(4, attempts.get());
        assertEquals("giving up after 4 attempts: HTTP 503", error.getMessage());
    }

    @Test
    void honoursALongerRetryAfterUpToTheCap() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        retrier.call(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw transientError(Optional.of(Duration.ofSeconds(20)));
            }
            if (attempt == 2) {
                throw transientError(Optional.of(Duration.ofHours(1)));
            }
            return null;
        });

        assertEquals(List.of(Duration.ofSeconds(20), Retrier.MAX_RETRY_AFTER), waits);
    }

    @Test
    void doesNotRetryFatalOrRefusedPages() {
        FatalFeedException fatal = new FatalFeedException("HTTP 401");

        FeedException error = assertThrows(FeedException.class, () -> retrier.call(() -> {
            throw fatal;
        }));

        assertSame(fatal, error);
        assertEquals(List.of(), waits);
    }

    @Test
    void anInterruptedWaitStopsAndKeepsTheInterruptFlag() {
        Retrier interrupted = new Retrier(TUNING, wait -> {
            throw new InterruptedException();
        });
        try {
            FeedException error = assertThrows(FeedException.class, () -> interrupted.call(() -> {
                throw transientError(Optional.empty());
            }));

            assertTrue(error.getMessage().startsWith("interrupted while waiting to retry"), error.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void neverWaitsPastTheRunsTimeBudget() {
        // The clock moves only by the waits: 10 s of budget allow the waits of 1 s and 2 s, not
        // the 120 s a Retry-After asks for next.
        Duration[] left = {Duration.ofSeconds(10)};
        Retrier bounded = new Retrier(TUNING, wait -> {
            waits.add(wait);
            left[0] = left[0].minus(wait);
        }, () -> Optional.of(left[0]));
        AtomicInteger attempts = new AtomicInteger();

        FeedException error = assertThrows(FeedException.class, () -> bounded.call(() -> {
            throw transientError(attempts.incrementAndGet() == 3 ? Optional.of(Duration.ofSeconds(120)) : Optional.empty());
        }));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals(3, attempts.get());
        assertTrue(error.getMessage().startsWith("giving up after 3 attempts: the run's time budget"
                + " (IWDDM_RUN_MAX_SECONDS) ends before the next one: HTTP 503"), error.getMessage());
    }

    @Test
    void aSpentBudgetEndsRetryingAtTheFirstFailure() {
        Retrier spent = new Retrier(TUNING, waits::add, () -> Optional.of(Duration.ZERO));

        FeedException error = assertThrows(FeedException.class, () -> spent.call(() -> {
            throw transientError(Optional.empty());
        }));

        assertEquals(List.of(), waits);
        assertTrue(error.getMessage().startsWith("giving up after 1 attempt: "), error.getMessage());
    }
}
