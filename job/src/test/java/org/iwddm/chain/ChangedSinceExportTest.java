package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The "changed since yesterday" export of SPEC §3.1, as a downstream warehouse runs it: take the
 * smallest and largest etl_audit_key of the day's runs, and select the fact rows whose
 * updated_etl_audit_key lies between them. After two runs (the second bringing new tasks and
 * late events for tasks of the first), the export must return exactly the rows that the second
 * run inserted or changed — computed independently by comparing every row's values before and
 * after it.
 */
class ChangedSinceExportTest {
    /** Each fact's row key and the row's values without its audit keys. */
    private static final Map<String, String> FACTS = Map.of(
            "task_fact", "interaction_id", "task_event_fact", "id::text", "task_work_fact", "id::text");

    @Test
    void theExportOfADayReturnsExactlyTheRowsItsRunsChanged() throws Exception {
        List<String> lines = new FeedGenerator(FeedConfig.builder().seed(1303).tasks(160)
                .start(Instant.parse("2026-11-20T06:00:00Z")).tasksPerHour(40).agents(6).lateShare(0.15)
                .badShare(0.02).duplicateShare(0).build()).lines();
        List<String> yesterday = lines.subList(0, lines.size() * 3 / 5);
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(yesterday);
             Connection connection = database.connect()) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", "150");
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env).status(), "yesterday's run");
            Map<String, Map<String, String>> before = rows(connection);

            Instant today = Instant.now();
            iwd.setEvents(lines);
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env).status(), "today's run");
            Map<String, Map<String, String>> after = rows(connection);

            long[] range = auditKeyRangeSince(connection, today);
            for (String fact : FACTS.keySet()) {
                Set<String> expected = changed(before.get(fact), after.get(fact));
                Set<String> exported = exported(connection, fact, range);
                assertTrue(expected.size() > 0 && expected.size() < after.get(fact).size(),
                        fact + ": today changed some rows, not all (" + expected.size() + " of " + after.get(fact).size() + ")");
                assertEquals(expected, exported, fact + ": the export returns exactly the rows today's run changed");
            }
        }
    }

    /** Rows that are new, or whose values differ, in {@code after}. */
    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>();
        after.forEach((key, values) -> {
            if (!values.equals(before.get(key))) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Map<String, Map<String, String>> rows(Connection connection) throws SQLException {
        Map<String, Map<String, String>> facts = new HashMap<>();
        for (Map.Entry<String, String> fact : FACTS.entrySet()) {
            Map<String, String> rows = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT " + fact.getValue() + ", (to_jsonb(f)"
                         + " - 'created_etl_audit_key' - 'updated_etl_audit_key')::text FROM iwddm." + fact.getKey() + " f")) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2));
                }
            }
            facts.put(fact.getKey(), rows);
        }
        return facts;
    }

    /** The smallest and largest etl_audit_key of the runs (and their batches) started since {@code since}. */
    private static long[] auditKeyRangeSince(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT min(etl_audit_key), max(etl_audit_key)"
                + " FROM iwddm.etl_audit WHERE etl_audit_start_time >= ?")) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static Set<String> exported(Connection connection, String fact, long[] range) throws SQLException {
        Set<String> keys = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + FACTS.get(fact) + " FROM iwddm." + fact
                + " WHERE updated_etl_audit_key BETWEEN ? AND ?")) {
            select.setLong(1, range[0]);
            select.setLong(2, range[1]);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(row.getString(1));
                }
            }
        }
        return keys;
    }
}
