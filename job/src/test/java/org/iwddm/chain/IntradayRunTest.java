package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The intraday chain against a real database and a fake IWD: the paths where all goes well. */
class IntradayRunTest {

    @Test
    void loadsEveryPageInItsOwnBatchAndAdvancesTheCursor() throws Exception {
        List<String> events = TestEvents.lifecycles(25);
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(events)) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", "30");

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(100, Runs.cursor(database), "the cursor is the last id loaded");
            assertEquals(100, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
            assertEquals(25, Runs.count(database, "SELECT count(*) FROM iwddm.task_fact"));
            assertEquals("30,30,30,10", batchSizes(database), "one load_staged batch per page");
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.stage_task_event"), "staging is consumed");
            assertEquals(List.of("sinceId=0&limit=30", "sinceId=30&limit=30", "sinceId=60&limit=30", "sinceId=90&limit=30"),
                    iwd.requests().stream().map(FakeIwd.Request::query).toList());
        }
    }

    @Test
    void sendsTheKeyTenantAndAcceptHeaders() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Runs.run(TestEnvironment.forJob(database, iwd.restUrl()));

            FakeIwd.Request request = iwd.requests().get(0);
            assertEquals(FakeIwd.API_KEY, request.header("x-api-key"));
            assertEquals(FakeIwd.CCID, request.header("x-ccid"));
            assertEquals("application/json", request.header("Accept"));
        }
    }

    @Test
    void recordsTheRunInEtlAuditWithTotalsFromItsBatches() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(5))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", "8");

            Runs.run(env);

            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'run'"
                    + " AND run_status = 'succeeded' AND execution_chain = 'intraday' AND events_staged = 20"
                    + " AND events_loaded = 20 AND first_event_id = 1 AND last_event_id = 20 AND finished_at IS NOT NULL"));
            assertEquals(3, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit b JOIN iwddm.etl_audit r"
                    + " USING (run_id) WHERE b.entry_kind = 'batch' AND r.entry_kind = 'run'"));
        }
    }

    @Test
    void aRunWithNothingNewSucceedsWithoutLoading() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            Runs.run(env);

            RunOutcome second = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, second.status(), second.message());
            assertTrue(second.message().contains("loaded 0 events"), second.message());
            assertEquals(8, Runs.cursor(database));
        }
    }

    private static String batchSizes(TestDatabase database) throws Exception {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT events_staged FROM iwddm.etl_audit WHERE entry_kind = 'batch'"
                     + " ORDER BY etl_audit_key")) {
            StringBuilder sizes = new StringBuilder();
            while (rows.next()) {
                sizes.append(sizes.length() == 0 ? "" : ",").append(rows.getLong(1));
            }
            return sizes.toString();
        }
    }
}
