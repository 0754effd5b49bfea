package org.iwddm.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iwddm.testing.StageCopy;

/**
 * Scenario 1, floor A, the physical floor: the cheapest way to get the same events into PostgreSQL, a
 * bare COPY into iwddm.stage_task_event (the job's own COPY statement) and a commit, from
 * bytes already in memory. Once for all N events in one transaction (the headline), and once
 * per batch size with a commit after every chunk (the chart's floor line). The staged rows
 * are removed, untimed, after each run.
 */
final class FloorScenario {
    /** Events per second: all N in one COPY, and in chunks of each batch size. */
    record Result(Stats oneCopy, Map<Integer, Stats> byBatchSize) {
    }

    private FloorScenario() {
    }

    static Result run(Marts marts, BenchFeed feed, BenchSettings settings) throws SQLException, IOException {
        try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect()) {
            connection.setAutoCommit(false);
            double[] whole = new double[settings.runs()];
            List<byte[]> all = List.of(feed.ndjson());
            for (int run = 0; run < settings.runs(); run++) {
                whole[run] = timeCopies(connection, all, feed.events());
            }
            Progress.say("floor A: one COPY of %,d events: %,.0f events/s (median)", feed.events(),
                    Stats.rates(feed.events(), whole).median());
            Map<Integer, Stats> byBatchSize = new LinkedHashMap<>();
            for (int batchSize : settings.batchSizes()) {
                byBatchSize.put(batchSize, chunked(connection, feed, batchSize, settings.runs()));
            }
            return new Result(Stats.rates(feed.events(), whole), byBatchSize);
        }
    }

    private static Stats chunked(Connection connection, BenchFeed feed, int batchSize, int runs)
            throws SQLException, IOException {
        List<byte[]> chunks = feed.chunks(batchSize);
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            seconds[run] = timeCopies(connection, chunks, feed.events());
        }
        Stats rates = Stats.rates(feed.events(), seconds);
        Progress.say("floor A: COPY in chunks of %,d: %,.0f events/s (median)", batchSize, rates.median());
        return rates;
    }

    /** Seconds to COPY and commit each chunk; checks every event arrived, then empties staging. */
    private static double timeCopies(Connection connection, List<byte[]> chunks, int events) throws SQLException {
        long rows = 0;
        long started = System.nanoTime();
        for (byte[] chunk : chunks) {
            rows += StageCopy.copyNdjson(connection, chunk);
            connection.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (rows != events) {
            throw new IllegalStateException("the floor COPY staged " + rows + " rows, not " + events);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE iwddm.stage_task_event");
        }
        connection.commit();
        return seconds;
    }
}
