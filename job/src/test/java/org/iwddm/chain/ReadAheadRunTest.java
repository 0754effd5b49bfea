package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole runs with read-ahead: every page is read once (the next one while this one loads), a
 * failure of either page ends the run as it did without read-ahead, and no thread reading a
 * page outlives the run, whichever way it ends.
 */
class ReadAheadRunTest {
    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, int batchSize) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
        return env;
    }

    private static List<String> queries(FakeIwd iwd) {
        return iwd.requests().stream().map(FakeIwd.Request::query).toList();
    }

    @AfterEach
    void noThreadReadingAPageIsLeft() {
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("iwddm-page-read-")).toList();
        assertEquals(List.of(), left, "threads reading pages after the run");
    }

    @Test
    void everyPageIsReadOnce() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            RunOutcome outcome = Runs.run(env(database, iwd, 10));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(List.of("sinceId=0&limit=10", "sinceId=10&limit=10", "sinceId=20&limit=10", "sinceId=30&limit=10"),
                    queries(iwd), "the last page said hasMore false: no page after it, no probe");
            assertEquals(40, Runs.cursor(database));
            assertEquals(40, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
        }
    }

    @Test
    void aPageThatFailsToLoadTakesThePageReadAfterItWithIt() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                // The database refuses to move the cursor past 10: page 2 fails at its commit's last step.
                sql.execute("CREATE FUNCTION public.refuse_cursor() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.last_event_id > 10 THEN RAISE EXCEPTION 'test: cursor past 10 refused'; END IF;"
                        + " RETURN NEW; END $$");
                sql.execute("CREATE TRIGGER refuse_cursor BEFORE UPDATE ON iwddm.feed_cursor FOR EACH ROW"
                        + " EXECUTE FUNCTION public.refuse_cursor()");
            }

            RunOutcome outcome = Runs.run(env(database, iwd, 10));

            assertEquals(RunOutcome.Status.FAILED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("test: cursor past 10 refused"), outcome.message());
            assertEquals(List.of("sinceId=0&limit=10", "sinceId=10&limit=10", "sinceId=20&limit=10"), queries(iwd),
                    "page 3 was read ahead while page 2 loaded");
            assertEquals(10, Runs.cursor(database));
            assertEquals(10, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"), "page 1 only");
            assertEquals(0, Runs.count(database, "SELECT count(*) FROM iwddm.stage_task_event"));
        }
    }

    @Test
    void aPageReadAheadThatIsRefusedFailsTheRunWhenItsTurnComes() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            iwd.replacePage(10, "{\"data\":[not json],\"lastId\":11,\"hasMore\":false}");

            RunOutcome outcome = Runs.run(env(database, iwd, 10));

            assertEquals(RunOutcome.Status.FAILED, outcome.status(), outcome.message());
            assertTrue(outcome.message().contains("page refused") && outcome.message().contains("(sinceId 10)"),
                    outcome.message());
            assertEquals(10, Runs.cursor(database), "page 1 committed before page 2 was refused");
            assertEquals(10, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));

            iwd.clearReplacedPages();
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(env(database, iwd, 10)).status(), "rerunning is safe");
            assertEquals(40, Runs.cursor(database));
            assertEquals(40, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));
        }
    }
}
