package org.iwddm.load;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.FeedPage;
import org.iwddm.feed.PageSummary;
import org.iwddm.feed.Retrier;

/**
 * Loads one feed page atomically (SPEC §1): in ONE transaction, COPY the page into staging,
 * CALL iwddm.load_staged(run id), move the feed cursor, commit. Whatever fails, the transaction
 * rolls back, so a page is either wholly loaded with its cursor or not at all; a transient feed
 * failure retries the whole page.
 */
public final class PageLoader {
    private final Connection connection;
    private final FeedClient feed;
    private final Retrier retrier;
    private final UUID runId;

    public PageLoader(Connection connection, FeedClient feed, Retrier retrier, UUID runId) {
        this.connection = connection;
        this.feed = feed;
        this.retrier = retrier;
        this.runId = runId;
    }

    public PageResult load(long sinceId, int limit) throws FeedException, SQLException {
        return retrier.call(() -> attempt(sinceId, limit));
    }

    private PageResult attempt(long sinceId, int limit) throws FeedException, SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try (FeedPage page = feed.open(sinceId, limit)) {
            PageSummary summary = stage(page);
            BatchFigures batch = loadStaged();
            if (summary.lastId() != sinceId) {
                FeedCursor.advance(connection, sinceId, summary.lastId());
            }
            connection.commit();
            return new PageResult(summary, batch, System.nanoTime() - started);
        } catch (FeedException | SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            restoreAutoCommit();
        }
    }

    private PageSummary stage(FeedPage page) throws FeedException, SQLException {
        try (StagingCopy copy = StagingCopy.begin(connection)) {
            PageSummary summary = page.streamTo(copy);
            copy.finish();
            return summary;
        }
    }

    private BatchFigures loadStaged() throws SQLException {
        try (CallableStatement call = connection.prepareCall("CALL iwddm.load_staged(?::uuid)")) {
            call.setObject(1, runId);
            call.execute();
        }
        return BatchFigures.latest(connection, runId);
    }

    private void rollback(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is likely gone, which rolls back too; keep the original failure first.
            failure.addSuppressed(e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // Only fails on a broken connection; the next statement reports that.
        }
    }
}
