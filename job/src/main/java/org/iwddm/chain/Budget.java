package org.iwddm.chain;

import java.time.Duration;
import java.util.Optional;
import org.iwddm.config.RunBudget;

/** Decides whether a run may take another page, and how large (SPEC §1: a run is bounded). */
final class Budget {
    private final RunBudget budget;
    private final long startedNanos;

    Budget(RunBudget budget, long startedNanos) {
        this.budget = budget;
        this.startedNanos = startedNanos;
    }

    boolean allowsAnotherPage(long eventsSoFar) {
        boolean eventsLeft = budget.maxEvents().isEmpty() || eventsSoFar < budget.maxEvents().getAsLong();
        boolean timeLeft = budget.maxDuration().isEmpty()
                || Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(budget.maxDuration().get()) < 0;
        return eventsLeft && timeLeft;
    }

    /** The time left before the run's time budget ends (zero once spent); empty without one. */
    Optional<Duration> timeLeft() {
        return budget.maxDuration().map(max -> {
            Duration left = max.minus(Duration.ofNanos(System.nanoTime() - startedNanos));
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /** Whether the run's time budget (if any) is not spent yet; the purge stops between batches when it is. */
    boolean hasTimeLeft() {
        return timeLeft().map(left -> !left.isZero()).orElse(true);
    }

    /** The page size: the batch size, cut so the run never exceeds its event budget. */
    int pageLimit(int batchSize, long eventsSoFar) {
        if (budget.maxEvents().isEmpty()) {
            return batchSize;
        }
        return (int) Math.min(batchSize, budget.maxEvents().getAsLong() - eventsSoFar);
    }
}
