package org.iwddm.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;

/**
 * SPEC §6: "the cost of loading a batch grows with the batch, not with the size of the mart".
 * One generated feed: its first MART_EVENTS events fill a mart (in batches of 100,000), the
 * next BATCH_EVENTS are the batch. The batch is then loaded into that mart and into an empty
 * one; each load runs in a transaction that is rolled back, so RUNS repetitions see the same
 * mart. Prints medians and the ratio big/empty. Run on purpose through scripts/bench-incremental
 * (surefire skips *Benchmark); sizes from -Diwddm.bench.martEvents and -Diwddm.bench.batchEvents.
 */
class IncrementalBenchmark {
    private static final int RUNS = 5;
    private static final int FILL_BATCH = 100_000;
    private static final int MART_EVENTS = Integer.getInteger("iwddm.bench.martEvents", 2_000_000);
    private static final int BATCH_EVENTS = Integer.getInteger("iwddm.bench.batchEvents", 10_000);

    @Test
    void batchCostDoesNotGrowWithTheMart() throws Exception {
        List<String> batch = new ArrayList<>(BATCH_EVENTS);
        try (TestDatabase big = TestDatabase.createMigrated(); TestDatabase empty = TestDatabase.createMigrated();
             Connection bigMart = big.connect(); Connection emptyMart = empty.connect()) {
            long fillStart = System.nanoTime();
            fill(bigMart, batch);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            MartLoads.call(bigMart, "ANALYZE");
            bigMart.commit();
            double[] intoEmpty = timeLoads(emptyMart, batch);
            double[] intoBig = timeLoads(bigMart, batch);
            report(fillSeconds, MartLoads.count(bigMart, "iwddm.task_event_fact"), intoEmpty, intoBig);
        }
    }

    /** Loads the feed's first MART_EVENTS events and keeps the next BATCH_EVENTS in batch. */
    private static void fill(Connection connection, List<String> batch) throws SQLException {
        connection.setAutoCommit(false);
        List<String> pending = new ArrayList<>(FILL_BATCH);
        int[] seen = {0};
        FeedConfig config = FeedConfig.builder().seed(777).tasks((MART_EVENTS + BATCH_EVENTS) / 4 + 1_000)
                .start(Instant.parse("2026-10-01T00:00:00Z")).tasksPerHour(600).lateShare(0.05)
                .badShare(0).duplicateShare(0).build();
        new FeedGenerator(config).forEachLine(line -> {
            if (seen[0]++ < MART_EVENTS) {
                pending.add(line);
                if (pending.size() == FILL_BATCH) {
                    loadAndCommit(connection, pending);
                }
            } else if (batch.size() < BATCH_EVENTS) {
                batch.add(line);
            }
        });
        loadAndCommit(connection, pending);
        if (batch.size() < BATCH_EVENTS) {
            throw new IllegalStateException("the feed ended before the batch was complete: " + batch.size());
        }
    }

    private static void loadAndCommit(Connection connection, List<String> lines) {
        try {
            StageCopy.copyLines(connection, lines);
            MartLoads.call(connection, "CALL iwddm.load_staged()");
            connection.commit();
            lines.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("filling the mart failed", e);
        }
    }

    /** Seconds of COPY + load_staged of the batch, each run rolled back. */
    private static double[] timeLoads(Connection connection, List<String> batch) throws SQLException {
        connection.setAutoCommit(false);
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            StageCopy.copyLines(connection, batch);
            MartLoads.call(connection, "CALL iwddm.load_staged()");
            seconds[run] = (System.nanoTime() - start) / 1e9;
            connection.rollback();
        }
        return seconds;
    }

    private static void report(double fillSeconds, long martEvents, double[] intoEmpty, double[] intoBig) {
        double empty = median(intoEmpty);
        double big = median(intoBig);
        System.out.printf(Locale.ROOT, "%nIncremental cost: one batch of %,d events, median of %d runs%n", BATCH_EVENTS, RUNS);
        System.out.printf(Locale.ROOT, "  mart filled with %,d events in %.1f s%n", martEvents, fillSeconds);
        System.out.printf(Locale.ROOT, "  %-28s %8.3f s  (min %.3f, max %.3f)%n", "into an empty mart", empty,
                Arrays.stream(intoEmpty).min().orElseThrow(), Arrays.stream(intoEmpty).max().orElseThrow());
        System.out.printf(Locale.ROOT, "  %-28s %8.3f s  (min %.3f, max %.3f)%n", "into the " + martEvents + "-event mart",
                big, Arrays.stream(intoBig).min().orElseThrow(), Arrays.stream(intoBig).max().orElseThrow());
        System.out.printf(Locale.ROOT, "  ratio big / empty            %8.2f%n", big / empty);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
