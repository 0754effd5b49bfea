package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.Secret;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedTuning;
import org.iwddm.feed.PageRefusedException;
import org.iwddm.feed.Retrier;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** One page, one transaction: staged, loaded and the cursor moved together, or nothing at all. */
class PageLoaderTest {
    private static final FeedTuning FAST = new FeedTuning(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(10), Duration.ofMillis(50));

    private static long value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static PageLoader loader(Connection connection, FeedClient client) {
        return new PageLoader(connection, client, new Retrier(FAST, d -> { }), UUID.randomUUID());
    }

    private static FeedClient client(FakeIwd iwd) {
        return new FeedClient(new FeedSettings(iwd.restUrl(), Secret.of(FakeIwd.API_KEY), FakeIwd.CCID, 100,
                Optional.empty(), Optional.empty()), FAST);
    }

    @Test
    void commitsThePageWithItsCursor() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd)) {
            PageResult result = loader(connection, client).load(0, 5);

            assertEquals(5, result.page().events());
            assertEquals(5, result.batch().loaded());
            assertEquals(5, FeedCursor.read(connection));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertTrue(connection.getAutoCommit(), "the session is back in autocommit");
        }
    }

    @Test
    void aPageRefusedMidStreamLeavesNothingBehind() throws Exception {
        String page = "{\"data\":[" + TestEvents.event(1, "T1", "new", TestEvents.START) + ","
                + TestEvents.event(2, "T1", "queued", TestEvents.START) + ",{\"id\":2}],\"lastId\":2,\"hasMore\":false}";
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1)); FeedClient client = client(iwd)) {
            iwd.replacePage(0, page);

            assertThrows(PageRefusedException.class, () -> loader(connection, client).load(0, 100));

            assertEquals(0, FeedCursor.read(connection));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.stage_task_event"));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void retriesATransientFailureAsAWholePage() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2)); FeedClient client = client(iwd)) {
            iwd.stallPage(0, 3);
            // Stalls once: the first attempt stages 3 events, then hits the read timeout; the retry gets the page.

            PageResult result = loader(connection, client).load(0, 100);

            assertEquals(8, result.page().events());
            assertEquals(8, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.stage_task_event"));
            assertEquals(2, iwd.requests().size());
        }
    }

    @Test
    void refusesToMoveACursorThatSomethingElseMoved() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2)); FeedClient client = client(iwd)) {
            try (Statement other = connection.createStatement()) {
                other.executeUpdate("UPDATE iwddm.feed_cursor SET last_event_id = 3");
            }

            SQLException error = assertThrows(SQLException.class, () -> loader(connection, client).load(0, 100));

            assertEquals("iwddm.feed_cursor is no longer at 0: another loader moved it", error.getMessage());
            assertEquals(3, FeedCursor.read(connection));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "the page rolled back");
        }
    }
}
