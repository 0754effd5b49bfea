package org.iwddm.bench;

import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iwddm.load.TypedStaging;
import org.iwddm.sim.FeedGenerator;

/**
 * Scenario 4, incremental cost (SPEC §6: a batch's cost grows with the batch, not the mart):
 * one generated history feed; its first M events fill a mart in batches of 100,000 (COPY +
 * CALL iwddm.load_staged(), committed; then VACUUM ANALYZE), the next B events are the batch. The batch is then
 * loaded (COPY + load_staged, as the job does per page) into that mart and into an empty one,
 * each load in a transaction that is rolled back and followed by an untimed VACUUM, so every
 * repetition sees the same mart (the rolled-back rows stay dead in heap and indexes until
 * vacuumed, and the big mart's later repetitions ran ~10 % slower through them). Figures in seconds.
 */
final class IncrementalScenario {
    private static final int FILL_BATCH = 100_000;

    /**
     * Seconds per batch load into the empty and the big mart (COPY + load_staged), the medians of
     * load_staged's steps in each, and how the big one was filled.
     */
    record Result(Stats intoEmpty, Stats intoBig, Map<String, Double> emptySteps, Map<String, Double> bigSteps,
            double fillSeconds, long martEvents, int batchEvents) {
    }

    /** One mart's timed loads: seconds, and load_staged's step medians. */
    private record Loads(Stats seconds, Map<String, Double> steps) {
    }

    private IncrementalScenario() {
    }

    static Result run(Marts marts, BenchSettings settings) throws SQLException {
        List<String> batch = new ArrayList<>(settings.incrementalBatch());
        try (Marts.Mart big = marts.fresh(); Marts.Mart empty = marts.fresh();
             Connection bigMart = big.connect(); Connection emptyMart = empty.connect()) {
            long started = System.nanoTime();
            fill(bigMart, settings.martEvents(), batch, settings.incrementalBatch());
            double fillSeconds = (System.nanoTime() - started) / 1e9;
            long martEvents = big.count("SELECT count(*) FROM iwddm.task_event_fact");
            if (martEvents != settings.martEvents()) {
                throw new IllegalStateException("the big mart holds " + martEvents + " events, not " + settings.martEvents());
            }
            // The steady state autovacuum keeps: the fill staged and deleted every event, and a
            // staging table full of dead rows costs each later claim a scan of them all.
            bigMart.setAutoCommit(true);
            execute(bigMart, "VACUUM ANALYZE");
            Progress.say("incremental: mart filled with %,d events in %.1f s", martEvents, fillSeconds);
            Loads intoEmpty = timeLoads(emptyMart, batch, settings.incrementalRuns(), "empty");
            Loads intoBig = timeLoads(bigMart, batch, settings.incrementalRuns(), "big");
            return new Result(intoEmpty.seconds(), intoBig.seconds(), intoEmpty.steps(), intoBig.steps(), fillSeconds,
                    martEvents, batch.size());
        }
    }

    /** Loads the feed's first martEvents events, keeps the next batchEvents in batch. */
    private static void fill(Connection connection, int martEvents, List<String> batch, int batchEvents)
            throws SQLException {
        connection.setAutoCommit(false);
        List<String> pending = new ArrayList<>(Math.min(FILL_BATCH, martEvents));
        long loaded = 0;
        for (String line : new FeedGenerator(BenchFeed.history(martEvents + batchEvents))) {
            if (loaded + pending.size() < martEvents) {
                pending.add(line);
                if (pending.size() == FILL_BATCH) {
                    loaded += loadAndCommit(connection, pending);
                    Progress.say("incremental: filling the mart, %,d of %,d events", loaded, martEvents);
                }
            } else if (batch.size() < batchEvents) {
                batch.add(line);
            } else {
                break;
            }
        }
        loadAndCommit(connection, pending);
        if (batch.size() < batchEvents) {
            throw new IllegalStateException("the history feed ended before the batch was complete: " + batch.size());
        }
    }

    private static int loadAndCommit(Connection connection, List<String> lines) throws SQLException {
        int count = lines.size();
        TypedStaging.of(connection).copy(connection, lines);
        execute(connection, "CALL iwddm.load_staged()");
        connection.commit();
        lines.clear();
        return count;
    }

    /** Seconds of COPY + load_staged of the batch and its steps, each run checked and rolled back. */
    private static Loads timeLoads(Connection connection, List<String> batch, int runs, String which)
            throws SQLException {
        connection.setAutoCommit(false);
        double[] seconds = new double[runs];
        List<Map<String, Double>> steps = new ArrayList<>();
        // Staged as the job stages a page, typed beforehand: the job types on its reading thread.
        byte[] staged = TypedStaging.of(connection).encode(batch);
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            TypedStaging.copyEncoded(connection, staged);
            execute(connection, "CALL iwddm.load_staged()");
            seconds[run] = (System.nanoTime() - started) / 1e9;
            requireBatchLoaded(connection, batch);
            try (Statement statement = connection.createStatement()) {
                steps.add(LoadSteps.latest(statement));
            }
            connection.rollback();
            vacuum(connection);
            Progress.say("incremental: %,d events into the %s mart, run %d/%d: %.3f s", batch.size(), which, run + 1,
                    runs, seconds[run]);
        }
        return new Loads(Stats.of(seconds), LoadSteps.medians(steps));
    }

    /** Clears what the rolled-back load left dead, index entries included (VACUUM runs outside a transaction). */
    private static void vacuum(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        execute(connection, "VACUUM (INDEX_CLEANUP ON)");
        connection.setAutoCommit(false);
    }

    private static void requireBatchLoaded(Connection connection, List<String> batch) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM iwddm.task_event_fact WHERE task_event_id BETWEEN ? AND ?")) {
            count.setLong(1, idOf(batch.get(0)));
            count.setLong(2, idOf(batch.get(batch.size() - 1)));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                if (row.getLong(1) != batch.size()) {
                    throw new IllegalStateException("the incremental batch loaded " + row.getLong(1) + " of "
                            + batch.size() + " events");
                }
            }
        }
    }

    private static long idOf(String line) {
        return JsonParser.parseString(line).getAsJsonObject().get("id").getAsLong();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
