package org.iwddm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iwddm.db.Schema;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * explain_measure and verify_aggregates over a whole generated feed (Europe/Berlin, across the
 * October DST change, loaded in random splits with historical moves in between):
 * (a) for every area, measure and bucket, the contributions explain_measure lists add up to
 * the view's value, on a fixed sample of each view's rows (non-zero values, zero values, and
 * group/bucket pairs the view has no row for: zero), each task counted once;
 * (b) verify_aggregates finds no difference, then exactly one damaged value, and none again
 * once rebuild_aggregates repaired it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplainVerifyTest {
    private static final List<String> BUCKETS = List.of("15min", "30min", "hour", "day", "week", "month", "qrtr", "year");

    private TestDatabase database;
    private Connection connection;

    @BeforeAll
    void loadFeed() throws Exception {
        FeedConfig config = FeedConfig.builder().seed(606L).tasks(300).start(Instant.parse("2026-10-24T18:00:00Z"))
                .tasksPerHour(12).agents(8).lateShare(0.12).badShare(0.02).duplicateShare(0.05).build();
        List<String> lines = new ArrayList<>();
        new FeedGenerator(config).forEachLine(lines::add);
        database = TestDatabase.createMigrated();
        connection = database.connect();
        Schema.setTimezone(connection, "Europe/Berlin");
        MartLoads.loadInRandomBatches(connection, lines, new Random(606L));
        MartLoads.runHistorical(connection);
        assertTrue(MartLoads.count(connection, "iwddm.h_task_fact") > 0, "some tasks are historical");
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    @Order(1)
    void contributionsAddUpToEveryValueOfEveryView() throws SQLException {
        List<String> failures = new ArrayList<>();
        long checked = 0;
        for (String[] area : areas()) {
            String groups = area[1];
            for (String measure : area[2].split(",")) {
                for (String bucket : BUCKETS) {
                    long[] result = check(area[0], groups, measure, bucket, failures);
                    assertTrue(result[0] > 0, area[0] + "." + measure + " " + bucket + ": the view has values to explain");
                    assertTrue(result[1] > 0, area[0] + "." + measure + " " + bucket + ": some of them are not zero");
                    checked += result[0];
                }
            }
        }
        assertEquals(List.of(), failures, "contributions differ from the view's value");
        assertTrue(checked > 2_000, "a feed's worth of values was explained: " + checked);
        connection.commit();
    }

    /** {values checked, non-zero ones}; adds a line per mismatching row (at most 3 per view and measure) to failures. */
    private long[] check(String area, String groups, String measure, String bucket, List<String> failures)
            throws SQLException {
        String key = bucket.equals("15min") ? "date_time_key" : "date_time_" + (bucket.equals("qrtr") ? "quarter" : bucket) + "_key";
        String view = "iwddm.iwd_agg_" + area + "_" + bucket;
        StringBuilder object = new StringBuilder("jsonb_build_object(");
        String[] columns = groups.split(",");
        for (int i = 0; i < columns.length; i++) {
            object.append(i == 0 ? "" : ", ").append('\'').append(columns[i]).append("', v.").append(columns[i]);
        }
        object.append(')');
        // A call costs milliseconds, so a sample (the same one every run): up to 50 rows where
        // the measure is not zero, 5 where it is, 5 group/bucket pairs without a row.
        String sql = """
                WITH v AS (
                    (SELECT %1$s AS bucket_key, %2$s, %3$s AS value FROM %4$s x WHERE %3$s <> 0
                     ORDER BY md5(x::text) LIMIT 50)
                    UNION ALL
                    (SELECT %1$s AS bucket_key, %2$s, %3$s AS value FROM %4$s x WHERE %3$s = 0
                     ORDER BY md5(x::text) LIMIT 5)
                    UNION ALL
                    (SELECT b.%1$s, g.*, 0 FROM (SELECT DISTINCT %1$s FROM %4$s) b, (SELECT DISTINCT %2$s FROM %4$s) g
                     WHERE NOT EXISTS (SELECT FROM %4$s x WHERE x.%1$s = b.%1$s AND (%5$s) = (%6$s))
                     ORDER BY md5(b.%1$s::text || g::text) LIMIT 5))
                SELECT v.bucket_key, %7$s::text, v.value, e.total, e.tasks, e.distinct_tasks
                FROM v CROSS JOIN LATERAL (
                    SELECT coalesce(sum(x.contribution), 0) AS total, count(*) AS tasks,
                           count(DISTINCT x.interaction_id) AS distinct_tasks
                    FROM iwddm.explain_measure('%8$s', '%3$s', to_timestamp(v.bucket_key), %7$s, '%9$s') x) e
                """.formatted(key, groups, measure, view, prefixed("x", columns), prefixed("g", columns), object, area, bucket);
        long rows = 0;
        long nonZero = 0;
        int reported = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
                nonZero += rs.getLong(3) != 0 ? 1 : 0;
                boolean sums = rs.getLong(3) == rs.getLong(4);
                boolean oncePerTask = rs.getLong(5) == rs.getLong(6);
                if ((!sums || !oncePerTask) && reported++ < 3) {
                    failures.add(area + "." + measure + " " + bucket + " at " + rs.getLong(1) + " " + rs.getString(2)
                            + ": view " + rs.getLong(3) + ", contributions " + rs.getLong(4) + " over " + rs.getLong(5)
                            + " rows of " + rs.getLong(6) + " tasks");
                }
            }
        }
        return new long[] {rows, nonZero};
    }

    @Test
    @Order(2)
    void verifyReportsOneDamagedValueAndNothingOnceRebuilt() throws SQLException {
        String range;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT format('to_timestamp(%s), to_timestamp(%s)', agg_from, agg_to)"
                     + " FROM iwddm.mart_config")) {
            rs.next();
            range = rs.getString(1);
        }
        assertEquals(List.of(), differences(range), "the incrementally loaded aggregates match the facts");

        MartLoads.call(connection, """
                UPDATE iwddm.agg_task_classif_15min SET overdue_backlog = overdue_backlog + 1
                WHERE (date_time_key, tenant_key, solution_key, department_key, process_key) =
                      (SELECT date_time_key, tenant_key, solution_key, department_key, process_key
                       FROM iwddm.agg_task_classif_15min WHERE backlog > 1 ORDER BY date_time_key DESC LIMIT 1)""");
        connection.commit();
        List<String> damaged = differences(range);
        assertEquals(1, damaged.size(), "exactly the damaged value is reported: " + damaged);
        assertTrue(damaged.get(0).matches("task_classif \\d+ \\{.*} overdue_backlog stored (\\d+) recomputed \\d+"),
                damaged.get(0));

        MartLoads.call(connection, "CALL iwddm.rebuild_aggregates(" + range + ")");
        connection.commit();
        assertEquals(List.of(), differences(range), "rebuild_aggregates repaired the damaged value");
    }

    private List<String> differences(String range) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT area || ' ' || date_time_key || ' ' || group_keys || ' ' || measure"
                     + " || ' stored ' || stored || ' recomputed ' || recomputed FROM iwddm.verify_aggregates(" + range + ")")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        connection.commit();
        return rows;
    }

    private static String prefixed(String alias, String[] columns) {
        StringBuilder list = new StringBuilder();
        for (String column : columns) {
            list.append(list.isEmpty() ? "" : ", ").append(alias).append('.').append(column);
        }
        return columns.length == 1 ? list.toString() : "ROW(" + list + ")";
    }

    /** {area, group columns, measures} from the registry, so a new area or measure is covered unasked. */
    private List<String[]> areas() throws SQLException {
        List<String[]> areas = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT area, array_to_string(group_columns, ','),"
                     + " array_to_string(flow_measures || snapshot_measures, ',') FROM iwddm.agg_area ORDER BY area")) {
            while (rs.next()) {
                areas.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertEquals(5, areas.size(), "the five areas of SPEC §6");
        return areas;
    }
}
