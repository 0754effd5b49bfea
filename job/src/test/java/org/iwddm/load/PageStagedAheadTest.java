package org.iwddm.load;

import static org.iwddm.load.LoaderFixtures.ALWAYS_FIVE;
import static org.iwddm.load.LoaderFixtures.FAST;
import static org.iwddm.load.LoaderFixtures.client;
import static org.iwddm.load.LoaderFixtures.holdCursor;
import static org.iwddm.load.LoaderFixtures.loadInBackground;
import static org.iwddm.load.LoaderFixtures.queries;
import static org.iwddm.load.LoaderFixtures.threads;
import static org.iwddm.load.LoaderFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.PageRefusedException;
import org.iwddm.feed.Retrier;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Staging ahead: with a second connection, the page read ahead is also staged (COPY into a
 * staging slot, committed) while the database loads this one, and its load reads the slot; a
 * page whose load fails is loaded again from a fresh read, never twice; rows left in a slot are
 * never loaded; failures of the page staged ahead surface where it is loaded; no staging thread
 * outlives the loader; without a second connection the loader still reads ahead.
 */
class PageStagedAheadTest {
    private static PageLoader loader(Connection connection, PageLoader.StagingConnections staging, FeedClient client) {
        return new PageLoader(connection, staging, client, new Retrier(FAST, d -> { }), UUID.randomUUID());
    }

    private static long slotRows(Connection connection) throws SQLException {
        return value(connection, "SELECT (SELECT count(*) FROM iwddm.stage_ahead_0) + (SELECT count(*) FROM iwddm.stage_ahead_1)");
    }

    /** Waits (bounded) until the query gives the value. */
    private static void await(Connection connection, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value(connection, sql) != expected) {
            assertTrue(System.nanoTime() < deadline, "never got " + expected + " from " + sql);
            Thread.sleep(10);
        }
    }

    @AfterEach
    void noReadingOrStagingThreadIsLeft() {
        assertEquals(0, threads(PageFetch.THREAD_PREFIX), "every thread reading a page has been joined");
        assertEquals(0, threads(StagedAhead.THREAD_PREFIX), "every thread staging a page has been joined");
    }

    @Test
    void stagesTheNextPageWhileTheDatabaseLoadsThisOne() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Connection other = database.connect(); Connection watcher = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, database::connect, client)) {
            // Another session holds the cursor row: page 1's load waits at the cursor, uncommitted.
            // (It reads nothing else: a slot read in its open transaction would hold off the staging.)
            holdCursor(other);
            CompletableFuture<PageResult> first = loadInBackground(loader, 0, 5);

            await(watcher, "SELECT count(*) FROM iwddm.stage_ahead_0", 5);
            assertEquals(0, value(watcher, "SELECT last_event_id FROM iwddm.feed_cursor"), "page 1 has not committed");
            assertTrue(!first.isDone(), "page 2 is staged, committed, while page 1 is still loading");
            other.rollback();

            assertEquals(5, first.get(30, TimeUnit.SECONDS).page().lastId());
            PageResult second = loader.load(5, 5, ALWAYS_FIVE);
            PageResult third = loader.load(10, 5, ALWAYS_FIVE);

            assertEquals(5, second.batch().loaded());
            assertEquals(2, third.batch().loaded());
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=10&limit=5"), queries(iwd),
                    "each page was read once: pages 2 and 3 ahead");
            assertEquals(12, FeedCursor.read(connection));
            assertEquals(12, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            loader.close();
            assertEquals(0, slotRows(connection), "closing the loader empties the slots");
        }
    }

    @Test
    void aFailedLoadLeavesItsStagedPageUnloadedAndTheRetryLoadsItOnce() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Connection other = database.connect(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3));
             FeedClient client = client(iwd); PageLoader loader = loader(connection, database::connect, client)) {
            loader.load(0, 5, ALWAYS_FIVE); // page 2 is staged ahead in slot 0
            await(connection, "SELECT count(*) FROM iwddm.stage_ahead_0", 5);
            holdCursor(other);
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("SET lock_timeout = '1s'"); // page 2's load fails at the cursor
            }

            assertThrows(SQLException.class, () -> loader.load(5, 5, ALWAYS_FIVE));
            other.rollback();
            assertEquals(5, FeedCursor.read(connection));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.stage_ahead_0"),
                    "the failed load left its slot as staged");

            loader.load(5, 5, ALWAYS_FIVE);
            loader.load(10, 5, ALWAYS_FIVE);
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=10&limit=5", "sinceId=5&limit=5",
                    "sinceId=10&limit=5"), queries(iwd), "the retry read page 2 anew, and page 3 after it");
            assertEquals(12, FeedCursor.read(connection));
            assertEquals(12, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
            assertEquals(2, value(connection, "SELECT count(*) FROM iwddm.stage_ahead_0"),
                    "the slot the failed load left was emptied before page 3 was staged in it: it holds page 3 only");
        }
    }

    @Test
    void rowsLeftInTheSlotsByAKilledRunAreNeverLoaded() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd)) {
            try (Statement sql = connection.createStatement()) {
                // What a run killed between staging ahead and loading leaves: committed rows in a slot.
                for (String slot : TypedCopyRecord.SLOTS) {
                    sql.execute("INSERT INTO iwddm." + slot + " (raw) VALUES ('{\"stale\": \"" + slot + "\"}')");
                }
            }
            try (PageLoader loader = loader(connection, database::connect, client)) {
                PageLoader.ReadAhead six = staged -> OptionalInt.of(6);
                loader.load(0, 6, six);
                loader.load(6, 6, six); // staged ahead in slot 0; slot 1 is never staged into

                assertEquals(1, value(connection, "SELECT count(*) FROM iwddm.stage_ahead_1"), "slot 1 still holds its row");
            }

            assertEquals(12, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.rejected_event"),
                    "no stale row was loaded, not even as a rejected event");
            assertEquals(12, value(connection, "SELECT sum(events_staged) FROM iwddm.etl_audit WHERE entry_kind = 'batch'"));
            assertEquals(0, slotRows(connection), "closing the loader empties the slots");
        }
    }

    @Test
    void aRefusedPageStagedAheadFailsWhereItIsLoaded() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, database::connect, client)) {
            iwd.replacePage(5, "{\"data\":[{\"id\":7},{\"id\":6}],\"lastId\":6,\"hasMore\":false}");

            assertEquals(5, loader.load(0, 5, ALWAYS_FIVE).page().lastId(), "page 1 does not see page 2's failure");
            PageRefusedException error = assertThrows(PageRefusedException.class, () -> loader.load(5, 5));

            assertTrue(error.getMessage().contains("(sinceId 5)") && error.getMessage().contains("has id 6"),
                    error.getMessage());
            assertEquals(5, FeedCursor.read(connection));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(0, slotRows(connection), "the refused page's staging was rolled back");
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void aTransientFailureOfThePageStagedAheadRetriesItAsAWholePage() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, database::connect, client)) {
            iwd.stallPage(5, 2); // page 2, staged ahead, hangs after 2 events: the read times out

            loader.load(0, 5, ALWAYS_FIVE);
            PageResult second = loader.load(5, 5);

            assertEquals(5, second.page().events());
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=5&limit=5"), queries(iwd));
            assertEquals(10, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
            assertEquals(0, slotRows(connection));
        }
    }

    @Test
    void thePendingProbeCountsThePageStagedAhead() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, database::connect, client)) {
            loader.load(0, 5, ALWAYS_FIVE);

            assertEquals(5, loader.count(5, 5).events(), "counted from the page staged ahead, not read again");
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5"), queries(iwd));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "counting loads nothing");
        }
    }

    @Test
    void closingTheLoaderDropsAPageStillBeingStaged() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd)) {
            var stalled = iwd.stallPage(5, 1);
            try (PageLoader loader = loader(connection, database::connect, client)) {
                loader.load(0, 5, ALWAYS_FIVE);
                assertTrue(stalled.await(10, TimeUnit.SECONDS), "page 2 is being read");
                assertEquals(1, threads(StagedAhead.THREAD_PREFIX));
                long started = System.nanoTime();
                loader.close();
                assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(500),
                        "closing aborts the read rather than waiting for its timeout");
            }
            assertEquals(5, FeedCursor.read(connection));
            assertEquals(0, slotRows(connection), "the dropped page's staging was rolled back");
        }
    }

    @Test
    void aPageWhoseStagingAheadFailsInTheDatabaseIsStagedWithItsLoad() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Connection reader = database.connect(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3));
             FeedClient client = client(iwd)) {
            // A session reading slot 0 in an open transaction holds off emptying it: the staging times out.
            reader.setAutoCommit(false);
            value(reader, "SELECT count(*) FROM iwddm.stage_ahead_0");
            PageLoader.StagingConnections impatient = () -> {
                Connection staging = database.connect();
                try (Statement sql = staging.createStatement()) {
                    sql.execute("SET lock_timeout = '200ms'");
                }
                return staging;
            };
            try (PageLoader loader = loader(connection, impatient, client)) {
                loader.load(0, 5, ALWAYS_FIVE);
                PageResult second = loader.load(5, 5);

                assertEquals(5, second.batch().loaded());
            }
            reader.rollback();

            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=5&limit=5"), queries(iwd),
                    "page 2 was read again, to be staged with its load");
            assertEquals(10, FeedCursor.read(connection));
            assertEquals(10, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
        }
    }

    @Test
    void withoutASecondConnectionTheLoaderReadsAheadAndLoadsEveryPage() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PageLoader.StagingConnections refused = () -> {
            attempts.incrementAndGet();
            throw new SQLException("test: too many connections", "53300");
        };
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, refused, client)) {
            long since = 0;
            for (int page = 0; page < 3; page++) {
                since = loader.load(since, 5, ALWAYS_FIVE).page().lastId();
            }

            assertEquals(1, attempts.get(), "the second connection was tried once");
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=10&limit=5"), queries(iwd),
                    "each page was read once, ahead");
            assertEquals(12, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
        }
    }
}
