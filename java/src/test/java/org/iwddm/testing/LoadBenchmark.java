package org.iwddm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.sim.FeedStream;

/**
 * How the loader compares with the cheapest way to get the same events into PostgreSQL: a bare
 * COPY into the staging table, against COPY + CALL iwddm.load_staged() into an empty mart.
 * Medians of 3. Run on purpose through scripts/bench-load (surefire skips *Benchmark); the
 * event count comes from -Diwddm.bench.events (default 100,000).
 */
class LoadBenchmark {
    private static final int RUNS = 3;
    private static final int EVENTS = Integer.getInteger("iwddm.bench.events", 100_000);
    private static final int GENERATOR_EVENTS = Integer.getInteger("iwddm.bench.generatorEvents", 1_000_000);

    /** Durations of one COPY + load run, in seconds. */
    private record LoadRun(double copy, double load, double total) {
    }

    @Test
    void copyVersusLoad() throws Exception {
        if (EVENTS < 1 || GENERATOR_EVENTS < 1) {
            throw new IllegalArgumentException("iwddm.bench.events and iwddm.bench.generatorEvents must be >= 1");
        }
        double generatorSeconds = timeGenerator(GENERATOR_EVENTS);
        byte[] ndjson = ndjson(feed(), EVENTS);
        double[] copies = new double[RUNS];
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            for (int run = 0; run < RUNS; run++) {
                copies[run] = timeBareCopy(connection, ndjson);
            }
        }
        List<LoadRun> loads = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            loads.add(timeLoadIntoFreshMart(ndjson));
        }
        report(generatorSeconds, median(copies), loads);
    }

    /** A busy tenant's day: no bad events, no re-sends, some late events. */
    private static FeedConfig feed() {
        return FeedConfig.builder().seed(4242).tasks(EVENTS).tasksPerHour(2000).lateShare(0.05)
                .badShare(0).duplicateShare(0).build();
    }

    /** The first {@code events} lines of the feed as UTF-8 NDJSON. */
    private static byte[] ndjson(FeedConfig config, int events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events * 1024);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            FeedStream stream = new FeedGenerator(config).iterator();
            for (int line = 0; line < events; line++) {
                out.write(stream.next());
                out.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    /** Seconds to generate that many lines (kept, so the work cannot be optimized away). */
    private static double timeGenerator(int events) {
        FeedConfig config = feed().toBuilder().tasks(events).build();
        long chars = 0;
        long started = System.nanoTime();
        FeedStream stream = new FeedGenerator(config).iterator();
        for (int line = 0; line < events; line++) {
            chars += stream.next().length();
        }
        double elapsed = seconds(started);
        assertEquals(true, chars > events, "the generator produced text");
        return elapsed;
    }

    /** COPY and commit, timed; then the rows are removed (untimed) for the next run. */
    private static double timeBareCopy(Connection connection, byte[] ndjson) throws SQLException {
        connection.setAutoCommit(false);
        long started = System.nanoTime();
        long rows = StageCopy.copyNdjson(connection, ndjson);
        connection.commit();
        double elapsed = seconds(started);
        assertEquals(EVENTS, rows, "COPY staged every event");
        execute(connection, "TRUNCATE iwddm.stage_task_event");
        connection.commit();
        return elapsed;
    }

    private static LoadRun timeLoadIntoFreshMart(byte[] ndjson) throws SQLException {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            StageCopy.copyNdjson(connection, ndjson);
            long copied = System.nanoTime();
            execute(connection, "CALL iwddm.load_staged()");
            double load = seconds(copied);
            connection.commit();
            LoadRun run = new LoadRun((copied - started) / 1e9, load, seconds(started));
            assertEquals(EVENTS, count(connection, "iwddm.task_event_fact"), "every event was loaded");
            return run;
        }
    }

    private static void report(double generatorSeconds, double copy, List<LoadRun> loads) {
        double total = median(loads.stream().mapToDouble(LoadRun::total).toArray());
        double loadOnly = median(loads.stream().mapToDouble(LoadRun::load).toArray());
        double copyInLoad = median(loads.stream().mapToDouble(LoadRun::copy).toArray());
        System.out.printf(Locale.ROOT, "%n== Load benchmark: %,d events, median of %d runs%n", EVENTS, RUNS);
        System.out.printf(Locale.ROOT, "%-36s %10s %10s %12s%n", "step", "events", "seconds", "events/s");
        row("bare COPY into staging (+commit)", copy);
        row("COPY + load_staged (+commit)", total);
        row("  of which COPY", copyInLoad);
        row("  of which CALL load_staged()", loadOnly);
        System.out.printf(Locale.ROOT, "ratio (COPY + load) / bare COPY: %.1f%n", total / copy);
        System.out.printf(Locale.ROOT, "runs (copy / load / total s): %s%n", loads);
        System.out.printf(Locale.ROOT, "generator: %,d events in %.2f s (%,.0f events/s)%n%n",
                GENERATOR_EVENTS, generatorSeconds, GENERATOR_EVENTS / generatorSeconds);
    }

    private static void row(String step, double seconds) {
        System.out.printf(Locale.ROOT, "%-36s %,10d %10.2f %,12.0f%n", step, EVENTS, seconds, EVENTS / seconds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
