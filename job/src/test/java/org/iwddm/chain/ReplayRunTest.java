package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.load.MartSnapshot;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A realistic feed (late and bad events mixed in) loaded page by page gives the same mart as
 * loading it in one page, and re-reading pages already loaded changes nothing (FEED.md).
 */
class ReplayRunTest {
    private static final List<String> FEED = new FeedGenerator(FeedConfig.builder().seed(11).tasks(60).lateShare(0.2)
            .badShare(0.05).duplicateShare(0).build()).lines();

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, int batchSize) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
        return env;
    }

    @Test
    void pageByPageGivesTheSameMartAsOnePageLateEventsIncluded() throws Exception {
        try (TestDatabase paged = TestDatabase.createMigrated(); TestDatabase whole = TestDatabase.createMigrated();
             FakeIwd iwd = FakeIwd.start(FEED)) {
            RunOutcome outcome = Runs.run(env(paged, iwd, 17));
            Runs.run(env(whole, iwd, 100_000));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertTrue(Runs.count(paged, "SELECT count(*) FROM iwddm.rejected_event") > 0, "the feed has bad events");
            try (Connection a = paged.connect(); Connection b = whole.connect()) {
                assertEquals(MartSnapshot.of(b), MartSnapshot.of(a));
            }
        }
    }

    @Test
    void loadingTheSamePagesAgainChangesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(FEED);
             Connection connection = database.connect()) {
            Runs.run(env(database, iwd, 25));
            var before = MartSnapshot.of(connection);
            try (Statement rewind = connection.createStatement()) {
                rewind.executeUpdate("UPDATE iwddm.feed_cursor SET last_event_id = 0");
            }

            RunOutcome replay = Runs.run(env(database, iwd, 40));

            assertEquals(RunOutcome.Status.SUCCEEDED, replay.status(), replay.message());
            assertEquals(before, MartSnapshot.of(connection));
            long good = Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact");
            assertTrue(replay.message().contains(good + " duplicates"), "every good event was a duplicate: " + replay.message());
        }
    }

    @Test
    void eventsArrivingInALaterRunLandAsIfLoadedTogether() throws Exception {
        int half = FEED.size() / 2;
        try (TestDatabase split = TestDatabase.createMigrated(); TestDatabase together = TestDatabase.createMigrated();
             FakeIwd early = FakeIwd.start(FEED.subList(0, half)); FakeIwd all = FakeIwd.start(FEED)) {
            Runs.run(env(split, early, 20));
            Runs.run(env(split, all, 20));
            Runs.run(env(together, all, 20));

            try (Connection a = split.connect(); Connection b = together.connect()) {
                assertEquals(MartSnapshot.of(b), MartSnapshot.of(a));
            }
        }
    }
}
