package org.iwddm.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iwddm.load.TypedStaging;
import org.iwddm.sim.IwdSimulator;

/**
 * Scenario 2, the pipeline: the real job, {@code bin/iwddm run} with the intraday chain, as a
 * separate process reading the N events from the fake IWD in pages of each batch size into a
 * fresh migrated mart. Its wall time (JVM start included) gives events/s. Each run is checked:
 * exit 0, the cursor at the feed's last id, N event facts, nothing rejected.
 *
 * <p>Where the time goes, at the headline batch size: the job's own log splits each run into
 * start-up (launch to first log line) and work (first to last log line); R extra in-process
 * runs time the database's part of that work, COPY and CALL iwddm.load_staged() per page.
 */
final class PipelineScenario {
    /**
     * The headline pipeline's median run (by wall time, so its parts add up) and the seconds of
     * the in-process database run of the same pages.
     */
    record Breakdown(JobLauncher.JobRun medianRun, double copySeconds, double loadSeconds, double commitSeconds,
            Map<String, Double> stepSeconds) {
    }

    /** One in-process database run: COPY, load_staged and commit seconds, and load_staged's steps. */
    private record DatabaseRun(double[] parts, Map<String, Double> steps) {
    }

    record Result(Map<Integer, Stats> byBatchSize, Stats headline, Breakdown breakdown) {
    }

    private PipelineScenario() {
    }

    static Result run(Marts marts, BenchFeed feed, IwdSimulator server, JobLauncher launcher, BenchSettings settings)
            throws Exception {
        Map<Integer, Stats> byBatchSize = new LinkedHashMap<>();
        Breakdown breakdown = null;
        for (int batchSize : settings.batchSizes()) {
            List<JobLauncher.JobRun> runs = new ArrayList<>();
            for (int run = 0; run < settings.runs(); run++) {
                JobLauncher.JobRun job = loadFresh(marts, feed, server, launcher, batchSize);
                runs.add(job);
                Progress.say("pipeline: batch %,d run %d/%d: %,d events in %.2f s (%,.0f events/s)", batchSize,
                        run + 1, settings.runs(), feed.events(), job.seconds(), feed.events() / job.seconds());
            }
            byBatchSize.put(batchSize, Stats.rates(feed.events(), runs.stream().mapToDouble(JobLauncher.JobRun::seconds)
                    .toArray()));
            if (batchSize == settings.batchSize()) {
                breakdown = databasePart(marts, feed, batchSize, settings.runs(), JobLauncher.JobRun.median(runs));
            }
        }
        return new Result(byBatchSize, byBatchSize.get(settings.batchSize()), breakdown);
    }

    /** One timed job run into a fresh mart, checked. */
    static JobLauncher.JobRun loadFresh(Marts marts, BenchFeed feed, IwdSimulator server, JobLauncher launcher,
            int batchSize) throws Exception {
        try (Marts.Mart mart = marts.fresh()) {
            JobLauncher.JobRun job = launcher.run(mart.jobEnvironment(server.restUrl(), batchSize, "intraday"), false);
            requireWholeFeed(mart, feed, job, "pipeline run (batch " + batchSize + ")");
            return job;
        }
    }

    /** A measured run that did not load the whole feed is worthless: fail loudly. */
    static void requireWholeFeed(Marts.Mart mart, BenchFeed feed, JobLauncher.JobRun job, String what)
            throws SQLException {
        job.requireSuccess(what);
        long cursor = mart.count("SELECT last_event_id FROM iwddm.feed_cursor");
        long facts = mart.count("SELECT count(*) FROM iwddm.task_event_fact");
        long rejected = mart.count("SELECT count(*) FROM iwddm.rejected_event");
        if (cursor != feed.lastId() || facts != feed.events() || rejected != 0) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "%s did not load the whole feed: cursor %d (feed's last id %d), %d event facts of %d, %d rejected;"
                            + " last log line: %s", what, cursor, feed.lastId(), facts, feed.events(), rejected,
                    job.lastLogLine()));
        }
    }

    /**
     * The database's part of the pages: COPY, CALL iwddm.load_staged(), commit, each summed over
     * the feed; medians of R in-process runs into fresh marts.
     */
    private static Breakdown databasePart(Marts marts, BenchFeed feed, int batchSize, int runs,
            JobLauncher.JobRun medianRun) throws SQLException, IOException {
        double[][] parts = new double[3][runs];
        Map<String, double[]> steps = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            DatabaseRun measured = databaseRun(marts, feed, batchSize);
            double[] seconds = measured.parts();
            for (int part = 0; part < 3; part++) {
                parts[part][run] = seconds[part];
            }
            for (Map.Entry<String, Double> step : measured.steps().entrySet()) {
                steps.computeIfAbsent(step.getKey(), key -> new double[runs])[run] = step.getValue();
            }
            Progress.say("pipeline breakdown (in process, batch %,d) run %d/%d: COPY %.2f s, load_staged %.2f s,"
                    + " commit %.2f s", batchSize, run + 1, runs, seconds[0], seconds[1], seconds[2]);
        }
        Map<String, Double> stepMedians = new LinkedHashMap<>();
        steps.forEach((step, seconds) -> stepMedians.put(step, Stats.of(seconds).median()));
        return new Breakdown(medianRun, Stats.of(parts[0]).median(), Stats.of(parts[1]).median(),
                Stats.of(parts[2]).median(), stepMedians);
    }

    /**
     * Seconds of COPY, load_staged and commit over every page of one load into a fresh mart, and
     * of each load_staged step summed over the pages (etl_audit.step_seconds).
     */
    private static DatabaseRun databaseRun(Marts marts, BenchFeed feed, int batchSize) throws SQLException, IOException {
        long[] nanos = new long[3];
        try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            TypedStaging staging = TypedStaging.of(connection);
            for (int first = 0; first < feed.events(); first += batchSize) {
                // Typed beforehand, untimed: the job types a page on its reading thread while the
                // database loads the one before.
                byte[] page = staging.encode(feed.lines(first, Math.min(feed.events(), first + batchSize)));
                long started = System.nanoTime();
                TypedStaging.copyEncoded(connection, page);
                long copied = System.nanoTime();
                statement.execute("CALL iwddm.load_staged()");
                long loaded = System.nanoTime();
                connection.commit();
                nanos[0] += copied - started;
                nanos[1] += loaded - copied;
                nanos[2] += System.nanoTime() - loaded;
            }
            if (mart.count("SELECT count(*) FROM iwddm.task_event_fact") != feed.events()) {
                throw new IllegalStateException("the in-process breakdown run did not load every event");
            }
            return new DatabaseRun(new double[] {nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9}, LoadSteps.summed(statement));
        }
    }
}
