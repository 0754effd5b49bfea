package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.db.Schema;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The chains other than plain intraday, and the run lock. */
class ChainsTest {

    private static String text(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void fullOnAnEmptyDatabaseCreatesTheSchemaSetsTheTimeZoneAndLoads() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_EXECUTION_CHAIN", "full");
            env.put("IWDDM_TIMEZONE", "Europe/Berlin");

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals("Europe/Berlin", text(database, "SELECT timezone FROM iwddm.mart_config"));
            assertEquals(12, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
            assertEquals("succeeded|full", text(database, "SELECT run_status || '|' || execution_chain FROM iwddm.etl_audit"
                    + " WHERE entry_kind = 'run'"), "the run row is written once the schema exists");
        }
    }

    @Test
    void fullSkipsMigrationWhenTheSchemaIsCurrent() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_EXECUTION_CHAIN", "full");
            long migrations = Runs.count(database, "SELECT count(*) FROM iwddm.flyway_schema_history");

            try (Connection connection = database.connect()) {
                assertTrue(Schema.isCurrent(connection), "a freshly migrated schema is current");
            }
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env).status());
            assertEquals(migrations, Runs.count(database, "SELECT count(*) FROM iwddm.flyway_schema_history"));
        }
    }

    @Test
    void initializeIsIdempotentAndNeedsNoFeed() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty()) {
            Map<String, String> env = TestEnvironment.forJob(database, java.net.URI.create("http://unused.invalid"));
            env.remove("IWDDM_REST_URL");
            env.remove("IWDDM_API_KEY");
            env.remove("IWDDM_CCID");
            env.put("IWDDM_EXECUTION_CHAIN", "initialize");

            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env).status());
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env).status());
            assertEquals(2, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE execution_chain = 'initialize'"
                    + " AND run_status = 'succeeded'"));
        }
    }

    @Test
    void runsRightBehindEachOtherAreNotSkipped() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_EXECUTION_CHAIN", "intraday");
            for (int run = 0; run < 5; run++) {
                RunOutcome outcome = Runs.run(env);
                assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(),
                        "a finished run releases the run lock before it returns: " + outcome.message());
            }
        }
    }

    @Test
    void historicalMovesFinalTasksOfClosedDays() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated()) {
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                StageCopy.copyLines(connection, List.of(
                        event(1, "DONE", "2026-11-20T09:00:00Z", "new"),
                        event(2, "DONE", "2026-11-20T10:00:00Z", "completed"),
                        event(3, "OPEN", "2026-11-20T11:00:00Z", "new"),
                        event(4, "NEXT-DAY", "2026-11-21T08:00:00Z", "new")));
                try (Statement load = connection.createStatement()) {
                    load.execute("CALL iwddm.load_staged()");
                }
                connection.commit();
            }
            Map<String, String> env = TestEnvironment.forJob(database, java.net.URI.create("http://unused.invalid"));
            env.put("IWDDM_EXECUTION_CHAIN", "historical");

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals("DONE", text(database, "SELECT string_agg(interaction_id, ',') FROM iwddm.h_task_fact"),
                    "only the task final in the closed day 2026-11-20 moved to h_");
            assertEquals(3, Runs.count(database, "SELECT count(*) FROM iwddm.task_fact"),
                    "the blended view still shows every task");
        }
    }

    private static String event(long id, String task, String timestamp, String status) {
        return "{\"id\":" + id + ",\"taskId\":\"" + task + "\",\"eventType\":\"Updated\",\"timestamp\":\""
                + timestamp + "\",\"status\":\"" + status + "\",\"task\":{\"tenant\":{\"id\":\"1\"},"
                + "\"solution\":{\"id\":\"S\"},\"category\":{\"path\":[\"D\",\"P\"]}}}";
    }

    @Test
    void intradayOnADatabaseWithoutSchemaSaysToInitialize() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            RunOutcome outcome = Runs.run(TestEnvironment.forJob(database, iwd.restUrl()));

            assertEquals(RunOutcome.Status.FAILED, outcome.status());
            assertTrue(outcome.message().contains("run the initialize chain first"), outcome.message());
            assertEquals(List.of(), iwd.requests());
        }
    }

    @Test
    void aRunThatFindsTheLockTakenIsSkippedWithExitZeroAndTouchesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             Connection other = database.connect(); Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute("LOCK TABLE iwddm.run_lock IN EXCLUSIVE MODE");

            RunOutcome outcome = Runs.run(TestEnvironment.forJob(database, iwd.restUrl()));

            assertEquals(RunOutcome.Status.SKIPPED, outcome.status());
            assertEquals(0, outcome.exitCode());
            assertTrue(outcome.message().startsWith("run skipped: another run holds the run lock"), outcome.message());
            assertEquals(List.of(), iwd.requests());
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE run_status = 'skipped'"));
        }
    }

    @Test
    void skippedRunsCountInARowSoThatAStuckLockIsNoticed() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             Connection other = database.connect(); Statement lock = other.createStatement()) {
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(TestEnvironment.forJob(database, iwd.restUrl())).status());
            other.setAutoCommit(false);
            lock.execute("LOCK TABLE iwddm.run_lock IN EXCLUSIVE MODE");
            try (Connection session = database.connect()) {
                org.iwddm.load.RunAudit audit = new org.iwddm.load.RunAudit(session, java.util.UUID.randomUUID(), "intraday",
                        java.time.Instant.now(), null);
                assertEquals(1, audit.skipped("first"));
                assertEquals(2, audit.skipped("second"));
            }
            assertEquals(RunOutcome.Status.SKIPPED, Runs.run(TestEnvironment.forJob(database, iwd.restUrl())).status());
            assertEquals(3, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE run_status = 'skipped'"));
        }
    }
}
