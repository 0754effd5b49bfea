package org.iwddm.load;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.UUID;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.PageSummary;
import org.iwddm.feed.Retrier;

/**
 * Loads one feed page atomically (SPEC §1): in ONE transaction, COPY the page into staging (the
 * transaction's own pg_temp.stage_typed_event: the events the driver vouches for typed, the
 * others raw; issue 14), CALL iwddm.load_staged(run id), move the feed cursor, commit. Whatever
 * fails, the transaction rolls back, so a page is either wholly loaded with its cursor or not at
 * all; a transient feed failure retries the whole page.
 * <p>
 * Read-ahead: once a page is staged and checked, the next page's request is known (it starts
 * after this page's lastId), so the loader can start reading it on a thread of its own
 * ({@link PageFetch}) while the database loads this one; the next {@link #load} then stages it
 * from memory. At most ONE page is read ahead, into a bounded buffer. A page read ahead of a
 * page that did not commit is dropped unread by the database; close the loader to drop one the
 * run did not use.
 */
public final class PageLoader implements AutoCloseable {
    /** Decides, once a page with more after it is staged, whether to read the next one ahead, and at most how many events. */
    @FunctionalInterface
    public interface ReadAhead {
        ReadAhead NEVER = staged -> OptionalInt.empty();

        OptionalInt limitAfter(PageSummary staged);
    }

    private final Connection connection;
    private final FeedClient feed;
    private final Retrier retrier;
    private final UUID runId;
    private final long readAheadBytes;
    private EventTyper typer;
    private PageFetch ahead;

    public PageLoader(Connection connection, FeedClient feed, Retrier retrier, UUID runId) {
        this(connection, feed, retrier, runId, PageFetch.DEFAULT_CAPACITY_BYTES);
    }

    /** Tests pass a small read-ahead buffer, to see a page larger than it stream through. */
    PageLoader(Connection connection, FeedClient feed, Retrier retrier, UUID runId, long readAheadBytes) {
        this.connection = connection;
        this.feed = feed;
        this.retrier = retrier;
        this.runId = runId;
        this.readAheadBytes = readAheadBytes;
    }

    public PageResult load(long sinceId, int limit) throws FeedException, SQLException {
        return load(sinceId, limit, ReadAhead.NEVER);
    }

    /** Loads the page after sinceId; when it has more after it and {@code readAhead} agrees, starts reading the next one. */
    public PageResult load(long sinceId, int limit, ReadAhead readAhead) throws FeedException, SQLException {
        return retrier.call(() -> attempt(sinceId, limit, readAhead));
    }

    /**
     * Reads the page after sinceId and counts it without loading it (the pending probe): the
     * page read ahead when it is that one, else one attempt now.
     */
    public PageSummary count(long sinceId, int limit) throws FeedException {
        try (PageFetch page = take(sinceId, limit, null)) {
            return page.drainTo((records, length) -> { });
        }
    }

    private PageResult attempt(long sinceId, int limit, ReadAhead readAhead) throws FeedException, SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try (PageFetch page = take(sinceId, limit, typer())) {
            PageSummary summary = stage(page);
            readAhead(summary, readAhead);
            BatchFigures batch = loadStaged();
            if (summary.lastId() != sinceId) {
                FeedCursor.advance(connection, sinceId, summary.lastId());
            }
            connection.commit();
            return new PageResult(summary, batch, System.nanoTime() - started);
        } catch (FeedException | SQLException | RuntimeException e) {
            rollback(e);
            dropAhead(); // the page after one that did not commit is never loaded
            throw e;
        } finally {
            restoreAutoCommit();
        }
    }

    /** The mart's statuses, read once per loader: the driver vouches only for events with a known one. */
    private EventTyper typer() throws SQLException {
        if (typer == null) {
            typer = EventTyper.of(connection);
        }
        return typer;
    }

    /** The page read ahead when it is the one asked for; otherwise (and dropping any other) a read started now. */
    private PageFetch take(long sinceId, int limit, EventTyper pageTyper) {
        if (ahead != null && ahead.sinceId() == sinceId && ahead.limit() == limit) {
            PageFetch page = ahead;
            ahead = null;
            return page;
        }
        dropAhead();
        return PageFetch.start(feed, sinceId, limit, readAheadBytes, pageTyper);
    }

    private void readAhead(PageSummary staged, ReadAhead readAhead) {
        if (staged.hasMore()) {
            readAhead.limitAfter(staged).ifPresent(next -> ahead = PageFetch.start(feed, staged.lastId(), next, readAheadBytes, typer));
        }
    }

    private void dropAhead() {
        if (ahead != null) {
            PageFetch dropped = ahead;
            ahead = null;
            dropped.close();
        }
    }

    private PageSummary stage(PageFetch page) throws FeedException, SQLException {
        try (TypedStagingCopy copy = TypedStagingCopy.begin(connection)) {
            PageSummary summary = page.drainTo(copy::writeRecords);
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

    /** Drops the page read ahead, if the run did not use it, and joins its thread. */
    @Override
    public void close() {
        dropAhead();
    }
}
