package org.iwddm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small demo, in-process on an embedded PostgreSQL: every run succeeds, and the facts and
 * aggregates it leaves agree with each other (per process, entered − final transitions +
 * reopenings ± reclassifications while open = the final backlog).
 */
class DemoRunTest {
    private static final DemoScenario SMALL = new DemoScenario(3, Instant.parse("2026-11-20T00:00:00Z"), 1, 30,
            0.1, 0.03, Duration.ofHours(6));

    private static DemoDatabase database;
    private static DemoTarget target;
    private static int runs;
    private static String progress;

    @BeforeAll
    static void runTheDemo() throws Exception {
        database = DemoDatabase.start();
        target = DemoTarget.of(database);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runs = new DemoRun(SMALL, target, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        progress = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyStepRanTheChainSuccessfully() {
        assertEquals(4, runs, "one run per six simulated hours of one day");
        assertEquals(4, progress.lines().filter(l -> l.contains("run succeeded")).count(), progress);
    }

    @Test
    void badAndLateEventsWereLoaded() throws SQLException {
        try (Connection connection = connect()) {
            assertTrue(single(connection, "SELECT count(*) FROM iwddm.rejected_event") > 0, "bad events are kept");
            assertTrue(single(connection, """
                    SELECT count(*) FROM (SELECT task_event_id, event_ts,
                        max(event_ts) OVER (PARTITION BY interaction_id ORDER BY task_event_id
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
                        FROM iwddm.task_event_fact) e WHERE event_ts < before""") > 0,
                    "some events arrived after a later event of their task");
        }
    }

    @Test
    void perProcessFlowsFromTheFactsAddUpToTheBacklog() throws SQLException {
        try (Connection connection = connect()) {
            Map<Long, long[]> flows = factFlows(connection);
            Map<Long, Long> expected = new TreeMap<>();
            flows.forEach((process, f) -> expected.put(process, f[0] - f[1] + f[2] + f[3] - f[4]));
            assertEquals(nonZero(expected), nonZero(grouped(connection, """
                    SELECT t.process_key, count(*) FROM iwddm.task_fact t
                    JOIN iwddm.status s ON s.status_key = t.current_status_key
                    WHERE NOT s.is_final GROUP BY 1""")), "the open task facts per process");
            assertEquals(nonZero(expected), nonZero(grouped(connection, """
                    SELECT process_key, sum(backlog) FROM iwddm.iwd_agg_task_classif_15min
                    WHERE date_time_key = (SELECT max(date_time_key) FROM iwddm.iwd_agg_task_classif_15min)
                    GROUP BY 1""")), "the aggregate backlog at the last interval");
        }
    }

    @Test
    void aggregateFlowsMatchTheFacts() throws SQLException {
        try (Connection connection = connect()) {
            Map<Long, Long> entered = new TreeMap<>();
            Map<Long, Long> finals = new TreeMap<>();
            factFlows(connection).forEach((process, f) -> {
                entered.put(process, f[0]);
                finals.put(process, f[1]);
            });
            assertEquals(nonZero(entered), nonZero(grouped(connection,
                    "SELECT process_key, sum(entered) FROM iwddm.iwd_agg_task_classif_15min GROUP BY 1")),
                    "tasks entered per process");
            assertEquals(nonZero(finals), nonZero(grouped(connection,
                    "SELECT process_key, sum(completed + canceled + rejected) FROM iwddm.iwd_agg_task_classif_15min GROUP BY 1")),
                    "transitions into a final status per process");
        }
    }

    @Test
    void theReportCoversTheLastDay() throws DemoException, SQLException {
        DemoReport report = DemoReport.read(target);
        assertEquals("2026-11-20", report.day(), "the one simulated day");
        long entered = report.lines().stream().mapToLong(DemoReport.Line::entered).sum();
        try (Connection connection = connect()) {
            assertEquals(single(connection, "SELECT count(*) FROM iwddm.task_fact"), entered,
                    "every task entered on the only day");
        }
        DemoReport.Explained explained = report.explained();
        long largest = report.lines().stream().mapToLong(DemoReport.Line::backlog).max().orElse(0);
        assertTrue(largest > 0, "the day ends with a backlog to explain");
        assertEquals(largest, explained.value(), "the largest backlog of the report is explained");
        assertEquals(explained.value(), explained.tasks().stream().mapToLong(DemoReport.Task::contribution).sum(),
                "its tasks' contributions add up to it");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("contributions add up to " + largest), printed.toString());
    }

    /**
     * Per process, from the event facts alone (each task's events by event_ts, then id): tasks
     * entered, transitions into a final status, reopenings, and moves in/out while open.
     */
    private static Map<Long, long[]> factFlows(Connection connection) throws SQLException {
        String sql = """
                WITH e AS (
                    SELECT f.process_key AS p, NOT s.is_final AS open,
                           lag(NOT s.is_final) OVER w AS was_open, lag(f.process_key) OVER w AS was_p,
                           row_number() OVER w AS n
                    FROM iwddm.task_event_fact f JOIN iwddm.status s USING (status_key)
                    WINDOW w AS (PARTITION BY f.interaction_id ORDER BY f.event_ts, f.task_event_id))
                SELECT p, sum(entered), sum(finals), sum(reopened), sum(moved_in), sum(moved_out) FROM (
                    SELECT p, (n = 1)::int AS entered, (NOT open AND (n = 1 OR was_open))::int AS finals,
                           (open AND n > 1 AND NOT was_open)::int AS reopened,
                           (n > 1 AND was_open AND was_p <> p)::int AS moved_in, 0 AS moved_out FROM e
                    UNION ALL
                    SELECT was_p, 0, 0, 0, 0, 1 FROM e WHERE n > 1 AND was_open AND was_p <> p) x
                GROUP BY p""";
        Map<Long, long[]> flows = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                flows.put(rows.getLong(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6)});
            }
        }
        assertTrue(flows.size() > 5, "tasks in many processes");
        return flows;
    }

    private static Map<Long, Long> grouped(Connection connection, String sql) throws SQLException {
        Map<Long, Long> values = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.merge(rows.getLong(1), rows.getLong(2), Long::sum);
            }
        }
        return values;
    }

    private static Map<Long, Long> nonZero(Map<Long, Long> values) {
        Map<Long, Long> kept = new TreeMap<>(values);
        kept.values().removeIf(v -> v == 0);
        return kept;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + target.host() + ":" + target.port() + "/"
                + target.database(), target.user(), target.password());
    }
}
