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
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.PageRefusedException;
import org.iwddm.feed.Retrier;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read-ahead: the next page is read while the database loads this one, is used when its turn
 * comes, and is dropped, never loaded, when this one fails; its failures surface where it is
 * loaded, as if it had been read there; no reading thread outlives the loader.
 */
class PageReadAheadTest {
    private static PageLoader loader(Connection connection, FeedClient client) {
        return new PageLoader(connection, client, new Retrier(FAST, d -> { }), UUID.randomUUID());
    }

    private static long readingThreads() {
        return threads(PageFetch.THREAD_PREFIX);
    }

    /** Waits (bounded) until the fake IWD has received this request. */
    private static void awaitRequest(FakeIwd iwd, String query) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!queries(iwd).contains(query)) {
            assertTrue(System.nanoTime() < deadline, "IWD never got " + query + ": " + queries(iwd));
            Thread.sleep(10);
        }
    }

    @AfterEach
    void noReadingThreadIsLeft() {
        assertEquals(0, readingThreads(), "every thread reading a page has been joined");
    }

    @Test
    void readsTheNextPageWhileTheDatabaseLoadsThisOne() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Connection other = database.connect(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3));
             FeedClient client = client(iwd); PageLoader loader = loader(connection, client)) {
            // Another session holds the cursor row: page 1's load waits at the cursor, uncommitted.
            holdCursor(other);
            CompletableFuture<PageResult> first = loadInBackground(loader, 0, 5);

            awaitRequest(iwd, "sinceId=5&limit=5");
            assertEquals(0, value(other, "SELECT last_event_id FROM iwddm.feed_cursor"), "page 1 has not committed");
            assertTrue(!first.isDone(), "page 1 is still loading while page 2 is read");
            other.rollback();

            assertEquals(5, first.get(30, TimeUnit.SECONDS).page().lastId());
            PageResult second = loader.load(5, 5);

            assertEquals(10, second.page().lastId());
            assertEquals(5, second.batch().loaded());
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5"), queries(iwd), "page 2 was read once, ahead");
            assertEquals(10, FeedCursor.read(connection));
            assertEquals(10, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
        }
    }

    @Test
    void aFailedLoadDropsThePageReadAheadUnloaded() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Connection other = database.connect(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3));
             FeedClient client = client(iwd); PageLoader loader = loader(connection, client)) {
            holdCursor(other);
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("SET lock_timeout = '1s'"); // page 1's load fails at the cursor
            }

            assertThrows(SQLException.class, () -> loader.load(0, 5, ALWAYS_FIVE));
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5"), queries(iwd), "page 2 was read ahead");
            assertEquals(0, readingThreads(), "and dropped with its thread");
            other.rollback();
            assertEquals(0, FeedCursor.read(connection));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.stage_task_event"));

            // The rerun reads page 1 again; page 2 is read anew, not taken from the dropped read.
            loader.load(0, 5, ALWAYS_FIVE);
            loader.load(5, 5);
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=0&limit=5", "sinceId=5&limit=5"),
                    queries(iwd));
            assertEquals(10, FeedCursor.read(connection));
            assertEquals(10, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
        }
    }

    @Test
    void aRefusedPageReadAheadFailsWhereItIsLoaded() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, client)) {
            iwd.replacePage(5, "{\"data\":[{\"id\":7},{\"id\":6}],\"lastId\":6,\"hasMore\":false}");

            assertEquals(5, loader.load(0, 5, ALWAYS_FIVE).page().lastId(), "page 1 does not see page 2's failure");
            PageRefusedException error = assertThrows(PageRefusedException.class, () -> loader.load(5, 5));

            assertTrue(error.getMessage().contains("(sinceId 5)") && error.getMessage().contains("has id 6"),
                    error.getMessage());
            assertEquals(5, FeedCursor.read(connection));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(0, value(connection, "SELECT count(*) FROM iwddm.stage_task_event"));
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void aTransientFailureOfThePageReadAheadRetriesItAsAWholePage() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, client)) {
            iwd.stallPage(5, 2); // page 2, read ahead, hangs after 2 events: the read times out

            loader.load(0, 5, ALWAYS_FIVE);
            PageResult second = loader.load(5, 5);

            assertEquals(5, second.page().events());
            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=5&limit=5"), queries(iwd));
            assertEquals(10, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "no event twice");
        }
    }

    @Test
    void pagesLargerThanTheReadAheadBufferStreamThrough() throws Exception {
        List<String> events = TestEvents.lifecycles(100); // 400 events of ~0.7 kB: ~280 kB a page
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(events); FeedClient client = client(iwd);
             PageLoader loader = new PageLoader(connection, client, new Retrier(FAST, d -> { }), UUID.randomUUID(),
                     PageFetch.CHUNK_BYTES)) {
            PageLoader.ReadAhead twoHundred = staged -> OptionalInt.of(200);

            loader.load(0, 200, twoHundred);
            loader.load(200, 200, twoHundred);

            assertEquals(400, FeedCursor.read(connection));
            assertEquals(400, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"));
            assertEquals(80_200, value(connection, "SELECT sum(task_event_id) FROM iwddm.i_task_event_fact"),
                    "events 1..400, each once");
        }
    }

    @Test
    void thePendingProbeCountsThePageReadAhead() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd);
             PageLoader loader = loader(connection, client)) {
            loader.load(0, 5, ALWAYS_FIVE);
            awaitRequest(iwd, "sinceId=5&limit=5");

            assertEquals(5, loader.count(5, 5).events(), "counted from the page read ahead, not read again");
            assertEquals(2, loader.count(10, 5).events(), "a page not read ahead is read now");

            assertEquals(List.of("sinceId=0&limit=5", "sinceId=5&limit=5", "sinceId=10&limit=5"), queries(iwd));
            assertEquals(5, value(connection, "SELECT count(*) FROM iwddm.i_task_event_fact"), "counting loads nothing");
        }
    }

    @Test
    void closingTheLoaderDropsAPageReadAheadThatIsStillArriving() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(3)); FeedClient client = client(iwd)) {
            var stalled = iwd.stallPage(5, 1);
            try (PageLoader loader = loader(connection, client)) {
                loader.load(0, 5, ALWAYS_FIVE);
                assertTrue(stalled.await(10, TimeUnit.SECONDS), "page 2 is being read");
                assertEquals(1, readingThreads());
                long started = System.nanoTime();
                loader.close();
                assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(500),
                        "closing aborts the read rather than waiting for its timeout");
            }
            assertEquals(5, FeedCursor.read(connection));
        }
    }
}
