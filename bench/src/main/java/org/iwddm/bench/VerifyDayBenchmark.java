package org.iwddm.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;

/**
 * The cost of the nightly check (issue 18): a busy tenant's day, about EVENTS_PER_DAY events
 * (default 1,000,000; FeedGenerator, ~4.5 events per task), plus the two hours before it, loaded
 * into a fresh mart in batches of 100,000; then iwddm.verify_aggregates over that day, timed
 * RUNS times (default 3). Prints the figures; not part of bench/run's table. Run with a
 * PostgreSQL in PG* (scripts/with-cluster) and the test classpath, e.g.
 *   scripts/with-cluster bash -c 'mvn -q -Diwddm.build.dir=/tmp/b test-compile exec:java ...'
 * or java -cp "$(cat cp.txt):target/classes:target/test-classes" org.iwddm.bench.VerifyDayBenchmark 1000000
 */
public final class VerifyDayBenchmark {
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final int BATCH = 100_000;

    private VerifyDayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perHour = (int) Math.round(perDay / 4.5 / 24);
        FeedConfig config = FeedConfig.builder().seed(1818).tasks(perHour * 26).tasksPerHour(perHour)
                .start(DAY.minusSeconds(7200)).lateShare(0.05).badShare(0).duplicateShare(0).build();
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            long started = System.nanoTime();
            long events = load(connection, config);
            System.out.printf("loaded %,d events in %.1f s%n", events, seconds(started));
            System.out.printf("events of the verified day %s: %,d; tasks that can count in it: %,d%n", DAY,
                    number(connection, "SELECT count(*) FROM iwddm.task_event_fact WHERE event_ts >= '2026-11-20 00:00Z'"
                            + " AND event_ts < '2026-11-21 00:00Z'"),
                    number(connection, "SELECT count(*) FROM iwddm.task_fact WHERE created_ts < '2026-11-21 00:00Z'"
                            + " AND NOT (last_event_ts < '2026-11-20 00:00Z' AND final_ts IS NOT NULL)"));
            for (int run = 1; run <= runs; run++) {
                long t = System.nanoTime();
                long differences = number(connection, "SELECT count(*) FROM iwddm.verify_aggregates("
                        + "'2026-11-20 00:00Z', '2026-11-20 23:59:59.999999Z')");
                connection.commit();
                System.out.printf("verify_aggregates of the day, run %d: %.1f s, %d differences%n", run, seconds(t),
                        differences);
            }
        }
    }

    private static long load(Connection connection, FeedConfig config) throws SQLException {
        connection.setAutoCommit(false);
        List<String> batch = new ArrayList<>(BATCH);
        long[] total = {0};
        SQLException[] failure = {null};
        new FeedGenerator(config).forEachLine(line -> {
            batch.add(line);
            if (batch.size() == BATCH && failure[0] == null) {
                failure[0] = flush(connection, batch, total);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        SQLException last = flush(connection, batch, total);
        if (last != null) {
            throw last;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        connection.commit();
        return total[0];
    }

    private static SQLException flush(Connection connection, List<String> batch, long[] total) {
        try (Statement statement = connection.createStatement()) {
            StageCopy.copyLines(connection, batch);
            statement.execute("CALL iwddm.load_staged()");
            connection.commit();
            total[0] += batch.size();
            batch.clear();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
