package org.iwddm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iwddm.db.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;

/**
 * The incremental aggregates (SPEC §6), after a generated feed loaded in random splits and
 * orders with historical moves in between, (a) are exactly what rebuild_aggregates computes
 * over the whole range, and (b) agree with a brute-force reference that reads each task's
 * state at every interval end straight from the event facts, with none of the loader's flows.
 */
class AggregateReferenceTest {

    static Stream<Arguments> feeds() {
        return Stream.of(
                Arguments.of(404L, "UTC", "2026-11-20T06:00:00Z"),
                Arguments.of(505L, "Europe/Berlin", "2026-10-24T18:00:00Z"));
    }

    /** State after the last event before each interval's end, for every covered interval. */
    private static final String STATE_AT_INTERVAL_END = """
            WITH intervals AS (
                SELECT d.date_time_key AS k FROM iwddm.date_time d, iwddm.mart_config c
                WHERE d.date_time_key BETWEEN c.agg_from AND c.agg_to),
            created AS (
                SELECT interaction_id, min(event_ts) AS created_ts FROM iwddm.task_event_fact GROUP BY interaction_id),
            open_state AS (
                SELECT i.k, s.*, c.created_ts
                FROM intervals i
                CROSS JOIN LATERAL (
                    SELECT DISTINCT ON (f.interaction_id) f.interaction_id, f.status_key, f.tenant_key,
                           f.solution_key, f.department_key, f.process_key, f.capture_point_key,
                           f.media_type_key, f.queue_key, f.due_ts
                    FROM iwddm.task_event_fact f
                    WHERE f.event_ts < to_timestamp(i.k + 900)
                    ORDER BY f.interaction_id, f.event_ts DESC, f.task_event_id DESC) s
                JOIN iwddm.status st ON st.status_key = s.status_key AND NOT st.is_final
                JOIN created c USING (interaction_id))
            """;

    private static final Map<String, String> REFERENCE = Map.of(
            "classif backlog", STATE_AT_INTERVAL_END + """
                    SELECT k, tenant_key, solution_key, department_key, process_key, count(*) AS backlog,
                           count(*) FILTER (WHERE due_ts < to_timestamp(k + 900)) AS overdue_backlog
                    FROM open_state GROUP BY 1, 2, 3, 4, 5""",
            "capt backlog", STATE_AT_INTERVAL_END + """
                    SELECT k, tenant_key, solution_key, capture_point_key, media_type_key, count(*) AS backlog
                    FROM open_state GROUP BY 1, 2, 3, 4, 5""",
            "in_queue", STATE_AT_INTERVAL_END + """
                    SELECT k, queue_key, count(*) AS in_queue FROM open_state GROUP BY 1, 2""",
            "age backlog", STATE_AT_INTERVAL_END + """
                    SELECT k, tenant_key, solution_key, department_key, process_key, a.age_key, count(*) AS backlog
                    FROM open_state JOIN iwddm.age a
                      ON extract(epoch FROM to_timestamp(k + 900) - created_ts) >= a.lower_sec
                     AND (a.upper_sec IS NULL OR extract(epoch FROM to_timestamp(k + 900) - created_ts) < a.upper_sec)
                    GROUP BY 1, 2, 3, 4, 5, 6""",
            "entered", """
                    SELECT event_interval AS k, tenant_key, solution_key, department_key, process_key, count(*) AS entered
                    FROM (SELECT DISTINCT ON (interaction_id) * FROM iwddm.task_event_fact
                          ORDER BY interaction_id, event_ts, task_event_id) first_event
                    GROUP BY 1, 2, 3, 4, 5""");

    private static final Map<String, String> LOADED = Map.of(
            "classif backlog", """
                    SELECT date_time_key, tenant_key, solution_key, department_key, process_key, backlog, overdue_backlog
                    FROM iwddm.iwd_agg_task_classif_15min WHERE backlog <> 0 OR overdue_backlog <> 0""",
            "capt backlog", """
                    SELECT date_time_key, tenant_key, solution_key, capture_point_key, media_type_key, backlog
                    FROM iwddm.iwd_agg_task_capt_15min WHERE backlog <> 0""",
            "in_queue", "SELECT date_time_key, queue_key, in_queue FROM iwddm.iwd_agg_task_queue_15min WHERE in_queue <> 0",
            "age backlog", """
                    SELECT date_time_key, tenant_key, solution_key, department_key, process_key, age_key, backlog
                    FROM iwddm.iwd_agg_task_age_15min WHERE backlog <> 0""",
            "entered", """
                    SELECT date_time_key, tenant_key, solution_key, department_key, process_key, entered
                    FROM iwddm.iwd_agg_task_classif_15min WHERE entered <> 0""");

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("feeds")
    void incrementalAggregatesEqualRebuildAndBruteForce(long seed, String timezone, String start) throws Exception {
        FeedConfig config = FeedConfig.builder().seed(seed).tasks(400).start(Instant.parse(start)).tasksPerHour(14)
                .agents(10).lateShare(0.12).badShare(0.02).duplicateShare(0.05).build();
        List<String> lines = new ArrayList<>();
        new FeedGenerator(config).forEachLine(lines::add);
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            Schema.setTimezone(connection, timezone);
            MartLoads.loadInRandomBatches(connection, lines, new Random(seed));
            MartLoads.runHistorical(connection);
            assertTrue(MartLoads.count(connection, "iwddm.h_task_fact") > 0, "some tasks are historical");

            for (String measure : REFERENCE.keySet()) {
                List<String> loaded = rows(connection, LOADED.get(measure));
                assertTrue(loaded.size() > 10, measure + ": the feed gives something to compare");
                assertEquals("", difference(rows(connection, REFERENCE.get(measure)), loaded),
                        measure + ": the loaded aggregates agree with the brute-force reference");
            }
            Map<String, List<String>> incremental = aggregateTables(connection);
            MartLoads.call(connection, """
                    DO $$ DECLARE c iwddm.mart_config; BEGIN
                        SELECT * INTO c FROM iwddm.mart_config;
                        CALL iwddm.rebuild_aggregates(to_timestamp(c.agg_from), to_timestamp(c.agg_to));
                    END $$""");
            connection.commit();
            assertEquals("", CanonicalDump.differences(incremental, aggregateTables(connection)),
                    "rebuild_aggregates over the whole range finds nothing to change");
        }
    }

    /** The physical 15-minute tables of every area. */
    private static Map<String, List<String>> aggregateTables(Connection connection) throws SQLException {
        return CanonicalDump.of(connection).entrySet().stream()
                .filter(table -> table.getKey().startsWith("agg_") && table.getKey().endsWith("_15min"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Empty when equal; else the first rows missing from and unexpected in the actual list. */
    private static String difference(List<String> expected, List<String> actual) {
        Set<String> expectedRows = new HashSet<>(expected);
        Set<String> actualRows = new HashSet<>(actual);
        List<String> missing = expected.stream().filter(row -> !actualRows.contains(row)).limit(5).toList();
        List<String> unexpected = actual.stream().filter(row -> !expectedRows.contains(row)).limit(5).toList();
        return missing.isEmpty() && unexpected.isEmpty() ? "" : "missing " + missing + ", unexpected " + unexpected;
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT r::text FROM (" + sql + ") r ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
