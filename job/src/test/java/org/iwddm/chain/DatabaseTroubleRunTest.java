package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iwddm.config.JobConfig;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.load.Database;
import org.iwddm.load.SilentServer;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Runs whose database hangs or goes away: they end, exit 1, and say why; the audit is not left 'running'. */
class DatabaseTroubleRunTest {

    @Test
    void aDatabaseThatAcceptsAndNeverAnswersFailsTheRunInsteadOfHangingIt() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); SilentServer silent = SilentServer.start();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_DB_HOST", "127.0.0.1");
            env.put("IWDDM_DB_PORT", Integer.toString(silent.port()));
            JobConfig config = TestEnvironment.load(env);
            long started = System.nanoTime();

            RunOutcome outcome = new JobRunner(config, Runs.FAST, MetricsReporter.NONE,
                    new Database(config.database(), Duration.ofMinutes(5), Duration.ofSeconds(2))).run();

            assertEquals(RunOutcome.Status.FAILED, outcome.status());
            assertEquals(1, outcome.exitCode());
            assertTrue(outcome.message().startsWith("run failed: "), outcome.message());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
            assertEquals(0, iwd.requests().size());
        }
    }

    @Test
    void aRunWhoseConnectionIsLostRecordsItsFailureOnAFreshOne() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3))) {
            CountDownLatch streaming = iwd.stallPage(0, 2);
            Thread killer = new Thread(() -> {
                try (Connection admin = database.connect(); Statement sql = admin.createStatement()) {
                    if (streaming.await(30, TimeUnit.SECONDS)) {
                        sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND application_name = 'iwddm' AND query NOT LIKE 'LOCK TABLE%'");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();

            RunOutcome outcome = Runs.run(TestEnvironment.forJob(database, iwd.restUrl()));
            killer.join();

            assertEquals(RunOutcome.Status.FAILED, outcome.status(), outcome.message());
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'run'"));
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'run'"
                    + " AND run_status = 'failed' AND finished_at IS NOT NULL AND message <> ''"),
                    "the run's row says it failed, not 'running'");
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
        }
    }
}
