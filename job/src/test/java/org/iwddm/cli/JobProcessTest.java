package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.ForwardingProxy;
import org.iwddm.feed.TestEvents;
import org.iwddm.load.MartSnapshot;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The job as operators run it: a separate JVM whose exit status, stdout (JSON lines) and
 * effect on the database are checked, including a SIGKILL in the middle of a page.
 */
class JobProcessTest {

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, int batchSize) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
        return env;
    }

    /**
     * The job reads the next page while the database loads this one, so reaching the middle of
     * page 2 does not mean page 1 has committed: wait (bounded) until it has.
     */
    private static void awaitCursor(TestDatabase database, long expected) throws Exception {
        awaitCount(database, "SELECT last_event_id FROM iwddm.feed_cursor", expected);
    }

    /** Waits (bounded) until the query gives {@code expected}. */
    private static void awaitCount(TestDatabase database, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (org.iwddm.chain.Runs.count(database, sql) != expected) {
            assertTrue(System.nanoTime() < deadline, "never got " + expected + " from " + sql);
            Thread.sleep(20);
        }
    }

    /** Runs the job again on the killed run's mart and once on a clean one: both succeed, with the same mart. */
    private static void assertResumedLikeAnUninterruptedRun(TestDatabase killed, TestDatabase clean, FakeIwd iwd, int batch)
            throws Exception {
        JobProcess resumed = JobProcess.run(env(killed, iwd, batch), "run");
        JobProcess uninterrupted = JobProcess.run(env(clean, iwd, batch), "run");

        assertEquals(0, resumed.exitCode(), resumed.stdout());
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.stdout());
        try (Connection a = killed.connect(); Connection b = clean.connect()) {
            assertEquals(MartSnapshot.of(b), MartSnapshot.of(a));
        }
    }

    private static String text(JsonObject line, String field) {
        return line.has(field) ? line.get(field).getAsString() : "";
    }

    @Test
    void aSuccessfulRunLogsJsonLinesWithItsFiguresAndExitsZero() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(5))) {
            JobProcess job = JobProcess.run(env(database, iwd, 8), "run");

            assertEquals(0, job.exitCode(), job.stdout() + job.stderr());
            JsonObject last = job.lastLogLine();
            assertEquals("INFO", text(last, "level"));
            assertTrue(text(last, "message").startsWith("run succeeded: chain intraday loaded 20 events in 3 pages"), last.toString());
            assertEquals(0, last.get("exit_code").getAsInt());
            JsonObject page = job.logLines().stream().filter(l -> text(l, "message").equals("page loaded")).findFirst().get();
            for (String field : List.of("timestamp", "level", "tenant", "chain", "run_id", "events", "rejected", "seconds",
                    "since_id", "last_id")) {
                assertTrue(page.has(field), field + " in " + page);
            }
            assertEquals(FakeIwd.CCID, text(page, "tenant"));
            assertEquals("intraday", text(page, "chain"));
            assertEquals(8, page.get("events").getAsInt());
            assertFalse(job.stdout().contains(FakeIwd.API_KEY) || job.stdout().contains(TestDatabase.password()),
                    "secrets stay out of the log");
        }
    }

    @Test
    void anInvalidConfigurationExitsTwoNamingEveryProblemAndTouchesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = env(database, iwd, 8);
            env.put("IWDDM_BATCH_SIZE", "ten");
            env.put("IWDDM_EXECUTION_CHAIN", "hourly");
            env.put("IWDDM_TIMEZONE", "Europe/Atlantis");
            env.remove("IWDDM_DB_PASSWORD");
            env.put("IWDDM_PUSHGATEWAY_URL", "pushgateway:9091");

            JobProcess job = JobProcess.run(env, "run");

            assertEquals(2, job.exitCode());
            String message = text(job.lastLogLine(), "message");
            for (String name : List.of("IWDDM_BATCH_SIZE", "IWDDM_EXECUTION_CHAIN", "IWDDM_TIMEZONE", "IWDDM_DB_PASSWORD",
                    "IWDDM_PUSHGATEWAY_URL")) {
                assertTrue(message.contains(name + ": "), name + " in " + message);
            }
            assertEquals(List.of(), iwd.requests());
            assertEquals(0, org.iwddm.chain.Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit"));
        }
    }

    @Test
    void aRefusedKeyExitsOneAndNoSecretReachesTheLog() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             ForwardingProxy proxy = new ForwardingProxy("proxy-user", "proxy-secret-3141")) {
            iwd.echoKeyOnRefusal();
            Map<String, String> env = env(database, iwd, 8);
            String wrongKey = "leaked-api-key-2718";
            env.put("IWDDM_API_KEY", wrongKey);
            env.put("IWDDM_HTTP_PROXY_URL", "http://proxy-user:proxy-secret-3141@127.0.0.1:" + proxy.port());

            JobProcess job = JobProcess.run(env, "run");

            assertEquals(1, job.exitCode());
            JsonObject last = job.lastLogLine();
            assertEquals("ERROR", text(last, "level"));
            assertTrue(text(last, "message").contains("HTTP 401") && text(last, "message").contains("unknown key ******"),
                    "the server echoed the key; the log masks it: " + last);
            assertEquals(1, proxy.forwarded().size(), "the request went through the proxy");
            String everything = job.stdout() + job.stderr();
            for (String secret : List.of(wrongKey, TestDatabase.password(), "proxy-secret-3141")) {
                assertFalse(everything.contains(secret), "a secret reached the output: " + secret);
            }
        }
    }

    @Test
    void aSecondRunWhileOneHoldsTheLockExitsZeroSayingSo() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            CountDownLatch stalled = iwd.stallPage(0, 5);
            try (JobProcess first = JobProcess.start(env(database, iwd, 100), "run")) {
                assertTrue(stalled.await(60, TimeUnit.SECONDS), "the first run reached the middle of its page");

                JobProcess second = JobProcess.run(env(database, iwd, 100), "run");

                assertEquals(0, second.exitCode(), second.stdout());
                assertTrue(text(second.lastLogLine(), "message").startsWith("run skipped: another run holds the run lock"),
                        second.lastLogLine().toString());
                first.kill();
            }
        }
    }

    @Test
    void aRunKilledMidPageLeavesTheSameMartAsAnUninterruptedRun() throws Exception {
        List<String> feed = new FeedGenerator(FeedConfig.builder().seed(5).tasks(300).duplicateShare(0).build()).lines();
        try (TestDatabase killed = TestDatabase.createMigrated(); TestDatabase clean = TestDatabase.createMigrated();
             FakeIwd iwd = FakeIwd.start(feed)) {
            int batch = 400;
            long firstPageEnd = FakeIwd.lastIdOf(feed.subList(0, batch));
            CountDownLatch stalled = iwd.stallPage(firstPageEnd, 300);
            try (JobProcess job = JobProcess.start(env(killed, iwd, batch), "run")) {
                assertTrue(stalled.await(60, TimeUnit.SECONDS), "the job reached the middle of its second page");
                awaitCursor(killed, firstPageEnd);
                job.kill();
            }
            assertEquals(firstPageEnd, org.iwddm.chain.Runs.cursor(killed), "only the first page was committed");

            assertResumedLikeAnUninterruptedRun(killed, clean, iwd, batch);
            assertEquals(1, org.iwddm.chain.Runs.count(killed, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'run'"
                    + " AND run_status = 'failed' AND message LIKE 'did not finish%'"), "the killed run is marked as such");
        }
    }

    @Test
    void aRunKilledWithAPageStagedAheadLeavesTheSameMartAsAnUninterruptedRun() throws Exception {
        List<String> feed = new FeedGenerator(FeedConfig.builder().seed(7).tasks(300).duplicateShare(0).build()).lines();
        try (TestDatabase killed = TestDatabase.createMigrated(); TestDatabase clean = TestDatabase.createMigrated();
             FakeIwd iwd = FakeIwd.start(feed); Connection holder = killed.connect()) {
            int batch = 400;
            // Another session holds the cursor row: page 1's load waits there, uncommitted, while the
            // job stages page 2 ahead and commits it in a slot. The kill comes then.
            holder.setAutoCommit(false);
            try (Statement hold = holder.createStatement()) {
                hold.execute("SELECT * FROM iwddm.feed_cursor FOR UPDATE");
            }
            try (JobProcess job = JobProcess.start(env(killed, iwd, batch), "run")) {
                awaitCount(killed, "SELECT count(*) FROM iwddm.stage_ahead_0", batch);
                job.kill();
            }
            holder.rollback();
            assertEquals(0, org.iwddm.chain.Runs.cursor(killed), "nothing was committed but the page staged ahead");

            assertResumedLikeAnUninterruptedRun(killed, clean, iwd, batch);
            assertEquals(0, org.iwddm.chain.Runs.count(killed, "SELECT (SELECT count(*) FROM iwddm.stage_ahead_0)"
                    + " + (SELECT count(*) FROM iwddm.stage_ahead_1)"), "the resumed run left no staged rows");
        }
    }

    @Test
    void aTerminatedRunSaysSoAndCommitsNothingOfItsPage() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            CountDownLatch stalled = iwd.stallPage(8, 5);
            try (JobProcess job = JobProcess.start(env(database, iwd, 8), "run")) {
                assertTrue(stalled.await(60, TimeUnit.SECONDS), "the job reached the middle of its second page");
                awaitCursor(database, 8);

                assertEquals(143, job.terminate(), "128 + SIGTERM");

                assertTrue(text(job.lastLogLine(), "message").startsWith("run terminated by a signal"),
                        job.stdout() + "\n" + job.stderr());
            }
            assertEquals(8, org.iwddm.chain.Runs.cursor(database));
            assertEquals(8, org.iwddm.chain.Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
        }
    }

    @Test
    void aMalformedPageExitsOne() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2))) {
            iwd.replacePage(0, "{\"data\":[{\"id\":1,}]}");

            JobProcess job = JobProcess.run(env(database, iwd, 8), "run");

            assertEquals(1, job.exitCode());
            assertTrue(text(job.lastLogLine(), "message").contains("(sinceId 0): body is not the feed's JSON"),
                    job.lastLogLine().toString());
        }
    }

    @Test
    void theConfigCommandShowsOriginsAndMasksSecrets() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(List.of())) {
            JobProcess job = JobProcess.run(env(database, iwd, 8), "config");

            assertEquals(0, job.exitCode(), job.stdout());
            assertTrue(job.stdout().contains("IWDDM_API_KEY=******    (environment)"), job.stdout());
            assertFalse(job.stdout().contains(FakeIwd.API_KEY) || job.stdout().contains(TestDatabase.password()));
            assertTrue(job.stdout().endsWith("configuration valid"), job.stdout());
        }
    }
}
