package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.metrics.Pushgateway;
import org.iwddm.metrics.PushgatewayReporter;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The historical chain verifies each closed day's aggregates when mart_config.verify_closed_days
 * asks for it: an etl_audit row of kind 'verify' and iwddm_verify_differences on the Pushgateway,
 * which keeps the count until the next verification.
 */
class HistoricalVerifyTest {
    private static final Map<String, String> GROUP = Map.of("job", "iwddm_metrics", "tenant", "acme-ccid",
            "execution_chain", "historical");

    @Test
    void aClosedDayIsVerifiedOnceAndItsDifferencesReported() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Pushgateway gateway = Pushgateway.start()) {
            load(database);
            Map<String, String> env = TestEnvironment.forJob(database, java.net.URI.create("http://unused.invalid"));
            env.put("IWDDM_EXECUTION_CHAIN", "historical");
            env.put("IWDDM_MONITORING_ENABLED", "true");
            env.put("IWDDM_PUSHGATEWAY_URL", gateway.url().toString());

            assertEquals(RunOutcome.Status.SUCCEEDED, run(env, gateway).status());
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'verify'"),
                    "with the setting off nothing is verified");
            assertNull(gateway.value("iwddm_verify_differences", GROUP), "and no verify metric is pushed");

            execute(database, "UPDATE iwddm.mart_config SET verify_closed_days = true");
            execute(database, "UPDATE iwddm.agg_task_queue_15min SET in_queue = in_queue + 7"
                    + " WHERE date_time_key = extract(epoch FROM timestamptz '2026-11-20 11:00Z')");
            RunOutcome outcome = run(env, gateway);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), "differences do not fail the run: "
                    + outcome.message());
            assertEquals("historical|differences|1|2026-11-20", text(database, "SELECT execution_chain || '|' || run_status"
                    + " || '|' || differences || '|' || verified_through FROM iwddm.etl_audit, iwddm.mart_config"
                    + " WHERE entry_kind = 'verify'"), "the closed day 2026-11-20 is verified: one differing value");
            assertEquals(1.0, gateway.value("iwddm_verify_differences", GROUP));

            execute(database, "CALL iwddm.rebuild_aggregates('2026-11-20 00:00Z', '2026-11-20 23:59Z')");
            assertEquals(RunOutcome.Status.SUCCEEDED, run(env, gateway).status());
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'verify'"),
                    "a day is verified once");
            assertEquals(1.0, gateway.value("iwddm_verify_differences", GROUP), "the count stays until the next check");

            execute(database, "UPDATE iwddm.mart_config SET verified_through = NULL");
            assertEquals(RunOutcome.Status.SUCCEEDED, run(env, gateway).status());
            assertEquals("succeeded|0", text(database, "SELECT run_status || '|' || differences FROM iwddm.etl_audit"
                    + " WHERE entry_kind = 'verify' ORDER BY etl_audit_key DESC LIMIT 1"), "the repaired day checks clean");
            assertEquals(0.0, gateway.value("iwddm_verify_differences", GROUP), "and the metric says so");
        }
    }

    private static RunOutcome run(Map<String, String> env, Pushgateway gateway) {
        return Runs.run(env, new PushgatewayReporter(TestEnvironment.load(env).metrics(), "acme-ccid", "historical"));
    }

    private static void load(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            StageCopy.copyLines(connection, List.of(
                    event(1, "A", "2026-11-20T09:00:00Z", "new"),
                    event(2, "A", "2026-11-20T10:00:00Z", "completed"),
                    event(3, "B", "2026-11-20T11:00:00Z", "new"),
                    event(4, "C", "2026-11-21T08:00:00Z", "new")));
            try (Statement load = connection.createStatement()) {
                load.execute("CALL iwddm.load_staged()");
            }
            connection.commit();
        }
    }

    private static void execute(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String event(long id, String task, String timestamp, String status) {
        return "{\"id\":" + id + ",\"taskId\":\"" + task + "\",\"eventType\":\"Updated\",\"timestamp\":\""
                + timestamp + "\",\"status\":\"" + status + "\",\"task\":{\"tenant\":{\"id\":\"1\"},"
                + "\"solution\":{\"id\":\"S\"},\"category\":{\"path\":[\"D\",\"P\"]}}}";
    }
}
