package org.iwddm.chain;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.UUID;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.JobConfig;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.FeedTuning;
import org.iwddm.feed.PageSummary;
import org.iwddm.feed.Retrier;
import org.iwddm.load.FeedCursor;
import org.iwddm.load.PageLoader;
import org.iwddm.load.PageResult;
import org.iwddm.log.Errors;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * intraday: read pages from the cursor and load each one atomically, until the feed has no
 * more or the run's budget is spent; then report what is left (pending). The loader reads each
 * page's successor while the database loads it, and stages it on a second connection
 * ({@link PageLoader}); closing the loader, on every way out of this step, drops a page read
 * ahead that was not used, joins its threads and closes that connection.
 */
final class IntradayStep {
    private static final Figures STEP = Figures.of(Figure.STEP, "intraday");

    private final JobConfig config;
    private final FeedTuning tuning;
    private final Connection session;
    private final PageLoader.StagingConnections staging;
    private final UUID runId;
    private final RunStats stats;
    private final Budget budget;

    IntradayStep(JobConfig config, FeedTuning tuning, Connection session, PageLoader.StagingConnections staging,
            UUID runId, RunStats stats, Budget budget) {
        this.config = config;
        this.tuning = tuning;
        this.session = session;
        this.staging = staging;
        this.runId = runId;
        this.stats = stats;
        this.budget = budget;
    }

    void run() throws FeedException, SQLException {
        requireSchema();
        FeedSettings feed = config.requireFeed();
        long cursor = FeedCursor.read(session);
        JobLog.info("reading " + feed.restUrl() + " from the cursor", STEP.with(Figure.SINCE_ID, cursor));
        try (FeedClient client = new FeedClient(feed, tuning);
             PageLoader loader = new PageLoader(session, staging, client, new Retrier(tuning, budget::timeLeft), runId)) {
            boolean hasMore = loadPages(loader, feed.batchSize(), cursor);
            probePending(loader, feed.batchSize(), hasMore);
        } catch (IOException e) {
            JobLog.warn("closing the feed client failed: " + Errors.describe(e));
        }
        JobLog.info("intraday step done: " + stats.pages() + " pages, pending " + stats.pendingText(),
                stats.withPending(STEP.with(Figure.EVENTS, stats.events()).with(Figure.REJECTED, stats.rejected())
                        .with(Figure.DUPLICATES, stats.duplicates())));
    }

    /**
     * Loads pages while the feed has more and the budget allows; returns the last hasMore. Each
     * page's successor is read ahead while the database loads it, when the budget would allow it.
     */
    private boolean loadPages(PageLoader loader, int batchSize, long cursor) throws FeedException, SQLException {
        long since = cursor;
        boolean hasMore = true;
        while (hasMore && budget.allowsAnotherPage(stats.events())) {
            PageResult result = loader.load(since, budget.pageLimit(batchSize, stats.events()),
                    staged -> nextLimit(batchSize, stats.events() + staged.events()));
            stats.add(result);
            logPage(result);
            since = result.page().lastId();
            hasMore = result.page().hasMore();
        }
        return hasMore;
    }

    /** The next page's limit, when the budget allows a page after {@code eventsAfter} events. */
    private OptionalInt nextLimit(int batchSize, long eventsAfter) {
        return budget.allowsAnotherPage(eventsAfter) ? OptionalInt.of(budget.pageLimit(batchSize, eventsAfter))
                : OptionalInt.empty();
    }

    private static void logPage(PageResult result) {
        JobLog.info("page loaded", STEP.with(Figure.EVENTS, result.page().events())
                .with(Figure.REJECTED, result.batch().rejected()).with(Figure.DUPLICATES, result.batch().duplicates())
                .with(Figure.SINCE_ID, result.page().sinceId()).with(Figure.LAST_ID, result.page().lastId())
                .with(Figure.SECONDS, Figures.seconds(result.nanos())));
    }

    /**
     * pending: 0 when the feed said it had no more; otherwise one page read from the cursor and
     * counted, not loaded (a lower bound when that page says hasMore too); the page read ahead
     * when the time budget ended the loop. A failed probe leaves pending unknown; the loaded
     * pages stand.
     */
    private void probePending(PageLoader loader, int batchSize, boolean hasMore) throws SQLException {
        if (!hasMore) {
            stats.pending(0, false);
            return;
        }
        long cursor = FeedCursor.read(session);
        try {
            PageSummary probe = loader.count(cursor, batchSize);
            stats.pending(probe.events(), probe.hasMore());
        } catch (FeedException e) {
            JobLog.warn("could not count the pending events: " + Errors.describe(e), STEP);
        }
    }

    private void requireSchema() throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regprocedure('iwddm.load_staged(uuid)') IS NOT NULL")) {
            row.next();
            if (!row.getBoolean(1)) {
                throw new SQLException("the iwddm schema is missing or incomplete: run the initialize chain first");
            }
        }
    }
}
