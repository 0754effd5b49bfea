package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Bounded runs (SPEC §1): stop taking pages when the budget is spent, and report what is left. */
class BudgetRunTest {

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, int batchSize) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
        return env;
    }

    @Test
    void theEventBudgetCutsTheLastPageAndPendingCountsOneProbedPage() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(25))) {
            Map<String, String> env = env(database, iwd, 30);
            env.put("IWDDM_RUN_MAX_EVENTS", "45");

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(45, Runs.cursor(database), "never more than the budget");
            assertEquals(List.of("sinceId=0&limit=30", "sinceId=30&limit=15", "sinceId=45&limit=30"),
                    iwd.requests().stream().map(FakeIwd.Request::query).toList(), "two pages, then the probe");
            assertTrue(outcome.message().endsWith("pending 30+"), "a full probe page is a lower bound: " + outcome.message());
            assertEquals(45, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"), "the probe loads nothing");
        }
    }

    @Test
    void pendingIsExactWhenTheProbeSeesTheEnd() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(5))) {
            Map<String, String> env = env(database, iwd, 100);
            env.put("IWDDM_RUN_MAX_EVENTS", "12");

            RunOutcome outcome = Runs.run(env);

            assertTrue(outcome.message().endsWith("loaded 12 events in 1 pages (0 rejected, 0 duplicates), pending 8"),
                    outcome.message());

            env.remove("IWDDM_RUN_MAX_EVENTS");
            assertTrue(Runs.run(env).message().endsWith("loaded 8 events in 1 pages (0 rejected, 0 duplicates), pending 0"));
        }
    }

    @Test
    void theTimeBudgetStopsTakingPages() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(10))) {
            Map<String, String> env = env(database, iwd, 10);
            env.put("IWDDM_RUN_MAX_SECONDS", "1");
            iwd.delayHeaders(Duration.ofMillis(600));

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            long cursor = Runs.cursor(database);
            assertTrue(cursor >= 10 && cursor <= 20, "one or two pages of 10 fit in a second: " + cursor);
            assertTrue(outcome.message().endsWith("pending 10+"), outcome.message());
        }
    }
}
