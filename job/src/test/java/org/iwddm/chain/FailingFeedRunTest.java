package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.load.MartSnapshot;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The intraday chain when IWD misbehaves: what fails, what retries, and that nothing half-loads. */
class FailingFeedRunTest {

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, int batchSize) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
        return env;
    }

    @Test
    void aRefusedKeyFailsTheRunAtOnce() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2))) {
            Map<String, String> env = env(database, iwd, 10);
            env.put("IWDDM_API_KEY", "revoked-key");

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.FAILED, outcome.status());
            assertEquals(1, outcome.exitCode());
            assertTrue(outcome.message().contains("HTTP 401") && outcome.message().contains("check IWDDM_API_KEY"),
                    outcome.message());
            assertEquals(1, iwd.requests().size(), "401 is not retried");
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.etl_audit WHERE entry_kind = 'run'"
                    + " AND run_status = 'failed' AND message LIKE '%HTTP 401%'"));
        }
    }

    @Test
    void serverErrorsAreRetriedAndTheRunSucceeds() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3))) {
            iwd.failNext(new FakeIwd.Failure(500, null, "boom"), new FakeIwd.Failure(429, "0", null));

            RunOutcome outcome = Runs.run(env(database, iwd, 100));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(12, Runs.cursor(database));
            assertEquals(12, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
            assertEquals(3, iwd.requests().size());
        }
    }

    @Test
    void persistentServerErrorsFailTheRunAfterTheLastAttempt() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3))) {
            FakeIwd.Failure down = new FakeIwd.Failure(503, null, null);
            iwd.failNext(down, down, down);

            RunOutcome outcome = Runs.run(env(database, iwd, 100));

            assertEquals(RunOutcome.Status.FAILED, outcome.status());
            assertTrue(outcome.message().startsWith("run failed: giving up after 3 attempts: GET "), outcome.message());
            assertEquals(0, Runs.cursor(database));
        }
    }

    @Test
    void aServerSlowerThanTheReadTimeoutFailsTheRunCleanly() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3))) {
            iwd.delayHeaders(Duration.ofMillis(1500));

            RunOutcome outcome = Runs.run(env(database, iwd, 100));

            assertEquals(RunOutcome.Status.FAILED, outcome.status());
            assertTrue(outcome.message().contains("SocketTimeoutException"), outcome.message());
            assertEquals(3, iwd.requests().size(), "every attempt timed out");
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
        }
    }

    @Test
    void aMalformedPageFailsTheRunKeepsEarlierPagesAndTheNextRunRecoversOnceFixed() throws Exception {
        List<String> events = TestEvents.lifecycles(5);
        try (TestDatabase database = TestDatabase.createMigrated(); TestDatabase reference = TestDatabase.createMigrated();
             FakeIwd iwd = FakeIwd.start(events)) {
            iwd.replacePage(8, "{\"data\":[" + events.get(8) + "," + events.get(9).substring(0, 40));

            RunOutcome broken = Runs.run(env(database, iwd, 8));

            assertEquals(RunOutcome.Status.FAILED, broken.status());
            assertTrue(broken.message().contains("(sinceId 8): body is not the feed's JSON"), broken.message());
            assertEquals(8, Runs.cursor(database), "the page before the broken one stays committed");
            assertEquals(8, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"), "nothing of the broken page");
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.stage_task_event"));

            iwd.clearReplacedPages();
            RunOutcome fixed = Runs.run(env(database, iwd, 8));
            Runs.run(env(reference, iwd, 100));

            assertEquals(RunOutcome.Status.SUCCEEDED, fixed.status(), fixed.message());
            try (Connection recovered = database.connect(); Connection clean = reference.connect()) {
                assertEquals(MartSnapshot.of(clean), MartSnapshot.of(recovered));
            }
        }
    }

    @Test
    void aBadEventIsQuarantinedAndTheRunSucceeds() throws Exception {
        List<String> events = TestEvents.lifecycles(1);
        List<String> feed = List.of(events.get(0), events.get(1), events.get(2), events.get(3),
                TestEvents.missingTaskId(5), TestEvents.event(6, "T1", "new", TestEvents.START));
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(feed)) {
            RunOutcome outcome = Runs.run(env(database, iwd, 100));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("(1 rejected"), outcome.message());
            assertEquals(6, Runs.cursor(database));
            assertEquals(5, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.rejected_event WHERE event_id = 5"
                    + " AND reason LIKE '%taskId is missing%'"));
        }
    }

    @Test
    void anEventWithoutNumericIdIsQuarantinedToo() throws Exception {
        String page = "{\"data\":[" + TestEvents.event(1, "T1", "new", TestEvents.START) + ",{\"id\":\"two\",\"taskId\":\"T1\"},"
                + TestEvents.event(3, "T1", "queued", TestEvents.START.plusSeconds(5)) + "],\"lastId\":3,\"hasMore\":false}";
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(List.of())) {
            iwd.replacePage(0, page);

            RunOutcome outcome = Runs.run(env(database, iwd, 100));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(3, Runs.cursor(database));
            assertEquals(2, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
            assertEquals(1, Runs.count(database, "SELECT count(*) FROM iwddm.rejected_event WHERE raw LIKE '%\"two\"%'"));
        }
    }
}
