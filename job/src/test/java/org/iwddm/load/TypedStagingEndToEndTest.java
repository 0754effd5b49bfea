package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.Secret;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedTuning;
import org.iwddm.feed.Retrier;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.CanonicalDump;
import org.iwddm.testing.MartLoads;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 end to end: pages the job stages typed (each in its transaction's own
 * pg_temp.stage_typed_event) give the same mart,
 * table for table, as the same pages \copy'd raw into iwddm.stage_task_event and loaded by
 * load_staged, bad and late events included.
 */
class TypedStagingEndToEndTest {
    private static final FeedTuning FAST = new FeedTuning(Duration.ofSeconds(5), Duration.ofSeconds(5), 3,
            Duration.ofMillis(10), Duration.ofMillis(50));

    @Test
    void onePageTypedGivesTheMartOfThePageCopiedRaw() throws Exception {
        assertSameMart(generated(120, 0.1), 100_000);
    }

    @Test
    void pagesTypedGiveTheMartOfThePagesCopiedRaw() throws Exception {
        assertSameMart(generated(300, 0.15), 700);
    }

    @Test
    void theTypedStagingRefusesToRunOutsideATransaction() throws Exception {
        try (TestDatabase mart = TestDatabase.createMigrated(); Connection connection = mart.connect()) {
            connection.setAutoCommit(true);
            SQLException refused = assertThrows(SQLException.class,
                    () -> TypedStaging.of(connection).copy(connection, generated(3, 0)));
            assertTrue(refused.getMessage().contains("needs a transaction"), refused.getMessage());
        }
    }

    private static List<String> generated(int tasks, double badShare) {
        return new FeedGenerator(FeedConfig.builder().seed(1414 + tasks).tasks(tasks).badShare(badShare)
                .lateShare(0.2).duplicateShare(0).build()).lines(); // a re-sent id breaks the feed order
    }

    private static void assertSameMart(List<String> feed, int pageLimit) throws Exception {
        try (TestDatabase typed = TestDatabase.createMigrated(); TestDatabase raw = TestDatabase.createMigrated();
             Connection job = typed.connect(); Connection dba = raw.connect(); FakeIwd iwd = FakeIwd.start(feed);
             FeedClient client = new FeedClient(new FeedSettings(iwd.restUrl(), Secret.of(FakeIwd.API_KEY),
                     FakeIwd.CCID, pageLimit, Optional.empty(), Optional.empty()), FAST);
             PageLoader loader = new PageLoader(job, client, new Retrier(FAST, d -> { }), UUID.randomUUID())) {
            EventTyper typer = EventTyper.of(job);
            long vouched = feed.stream().filter(event -> typer.type(event) != null).count();
            assertTrue(vouched > feed.size() / 2 && vouched < feed.size(), "both stagings are exercised: " + vouched);
            List<PageResult> pages = loadAll(loader, pageLimit);
            assertTrue(MartLoads.count(job, "iwddm.rejected_event") > 0, "the feed has bad events");
            loadRaw(dba, feed, pages);
            assertEquals(0, MartLoads.count(job, "iwddm.stage_typed_event"), "nothing was staged in the shared table");
            assertEquals(0, MartLoads.scalar(job, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'"
                    + " AND relname IN ('stage_typed_event', 'load_typed_claim')"),
                    "each page's own staging went with its transaction");
            Map<String, List<String>> expected = CanonicalDump.of(dba);
            assertEquals("", CanonicalDump.differences(expected, CanonicalDump.of(job)));
        }
    }

    private static List<PageResult> loadAll(PageLoader loader, int pageLimit) throws Exception {
        List<PageResult> pages = new ArrayList<>();
        long since = 0;
        boolean more = true;
        while (more) {
            PageResult page = loader.load(since, pageLimit, staged -> java.util.OptionalInt.of(pageLimit));
            pages.add(page);
            since = page.page().lastId();
            more = page.page().hasMore();
        }
        return pages;
    }

    /** The same pages (the feed's lines in order, cut where the job's pages ended), staged raw, one transaction each. */
    private static void loadRaw(Connection dba, List<String> feed, List<PageResult> pages) throws Exception {
        dba.setAutoCommit(false);
        int from = 0;
        long since = 0;
        for (PageResult page : pages) {
            int to = from + (int) page.page().events();
            StageCopy.copyLines(dba, feed.subList(from, to));
            try (CallableStatement call = dba.prepareCall("CALL iwddm.load_staged()")) {
                call.execute();
            }
            if (page.page().lastId() != since) {
                FeedCursor.advance(dba, since, page.page().lastId());
            }
            dba.commit();
            from = to;
            since = page.page().lastId();
        }
        assertEquals(feed.size(), from, "the job's pages cover the feed");
        dba.setAutoCommit(true);
    }
}
