package org.iwddm.load;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.UUID;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.PageSummary;
import org.iwddm.feed.Retrier;
import org.iwddm.log.Errors;
import org.iwddm.log.JobLog;

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
 * <p>
 * Staging ahead: given a second connection ({@link StagingConnections}), the loader also stages
 * the page read ahead while this one loads ({@link StagedAhead}: COPY into a staging slot,
 * committed apart), so its COPY is off the load's path; its load reads the slot in the page's own
 * transaction. The slots alternate, so the page staging never touches the slot being loaded; a
 * slot is emptied before it is staged into and when the loader closes. A staged page whose load
 * fails is staged again, from a fresh read, by the retry. When the second connection cannot be
 * opened, the loader says so once and reads ahead without staging.
 */
public final class PageLoader implements AutoCloseable {
    /** Decides, once a page with more after it is staged, whether to read the next one ahead, and at most how many events. */
    @FunctionalInterface
    public interface ReadAhead {
        ReadAhead NEVER = staged -> OptionalInt.empty();

        OptionalInt limitAfter(PageSummary staged);
    }

    /** Opens the loader's second connection, for staging ahead. */
    @FunctionalInterface
    public interface StagingConnections {
        Connection open() throws SQLException;
    }

    private final Connection connection;
    private StagingConnections stagingConnections;
    private Connection staging;
    private final FeedClient feed;
    private final Retrier retrier;
    private final UUID runId;
    private final long readAheadBytes;
    private EventTyper typer;
    private PageFetch ahead;
    private StagedAhead stagedAhead;

    public PageLoader(Connection connection, FeedClient feed, Retrier retrier, UUID runId) {
        this(connection, feed, retrier, runId, PageFetch.DEFAULT_CAPACITY_BYTES);
    }

    /** A loader that stages each page read ahead on a second connection, opened when first needed. */
    public PageLoader(Connection connection, StagingConnections stagingConnections, FeedClient feed, Retrier retrier,
            UUID runId) {
        this(connection, feed, retrier, runId, PageFetch.DEFAULT_CAPACITY_BYTES);
        this.stagingConnections = stagingConnections;
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
        PageSummary stagedAhead = awaitStaged(takeStaged(sinceId, limit), sinceId);
        if (stagedAhead != null) {
            return stagedAhead;
        }
        try (PageFetch page = take(sinceId, limit, null)) {
            return page.drainTo((records, length) -> { });
        }
    }

    private PageResult attempt(long sinceId, int limit, ReadAhead readAhead) throws FeedException, SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            Staged page = stagePage(sinceId, limit);
            readAhead(page.summary(), readAhead, page.slot());
            BatchFigures batch = loadStaged(page.slot());
            if (page.summary().lastId() != sinceId) {
                FeedCursor.advance(connection, sinceId, page.summary().lastId());
            }
            connection.commit();
            return new PageResult(page.summary(), batch, System.nanoTime() - started);
        } catch (FeedException | SQLException | RuntimeException e) {
            rollback(e);
            dropAhead(); // the page after one that did not commit is never loaded
            throw e;
        } finally {
            restoreAutoCommit();
        }
    }

    /** A page staged for its load: in the slot it was staged ahead in, or (slot null) in this transaction. */
    private record Staged(PageSummary summary, String slot) {
    }

    /**
     * The page after sinceId, staged: the page staged ahead when it is that one; otherwise, or when
     * staging it ahead failed in the database, read now (or taken from the page read ahead) and
     * COPYed in this transaction. A feed failure of the page staged ahead is the page's failure.
     */
    private Staged stagePage(long sinceId, int limit) throws FeedException, SQLException {
        StagedAhead staged = takeStaged(sinceId, limit);
        PageSummary summary = awaitStaged(staged, sinceId);
        if (summary != null) {
            return new Staged(summary, staged.slot());
        }
        try (PageFetch page = take(sinceId, limit, typer())) {
            return new Staged(stage(page), null);
        }
    }

    /**
     * The summary of a page staged ahead (null when there is none, or when staging it failed in
     * the database: the caller reads it again); a feed failure is the page's and is thrown. The
     * staged page is dropped either way.
     */
    private PageSummary awaitStaged(StagedAhead staged, long sinceId) throws FeedException {
        if (staged == null) {
            return null;
        }
        try {
            return staged.await();
        } catch (SQLException e) {
            JobLog.warn("staging the page after sinceId " + sinceId + " ahead failed; reading it again: "
                    + Errors.describe(e));
            return null;
        } finally {
            drop(staged);
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

    /** The page staged ahead when it is the one asked for (null otherwise: {@link #take} drops it). */
    private StagedAhead takeStaged(long sinceId, int limit) {
        if (stagedAhead != null && stagedAhead.sinceId() == sinceId && stagedAhead.limit() == limit) {
            StagedAhead page = stagedAhead;
            stagedAhead = null;
            return page;
        }
        return null;
    }

    /** Reads the next page ahead and, with a staging connection, stages it in the slot this page's load does not use. */
    private void readAhead(PageSummary staged, ReadAhead readAhead, String loadingSlot) {
        if (!staged.hasMore()) {
            return;
        }
        OptionalInt next = readAhead.limitAfter(staged);
        if (next.isEmpty()) {
            return;
        }
        PageFetch fetch = PageFetch.start(feed, staged.lastId(), next.getAsInt(), readAheadBytes, typer);
        Connection stagingConnection = stagingConnection();
        if (stagingConnection == null) {
            ahead = fetch;
        } else {
            String slot = TypedCopyRecord.SLOTS.get(0).equals(loadingSlot) ? TypedCopyRecord.SLOTS.get(1)
                    : TypedCopyRecord.SLOTS.get(0);
            stagedAhead = StagedAhead.start(fetch, stagingConnection, slot);
        }
    }

    /** The second connection (autocommit off), opened when first needed; null when there is none. */
    private Connection stagingConnection() {
        if (staging == null && stagingConnections != null) {
            try {
                staging = stagingConnections.open();
                staging.setAutoCommit(false);
            } catch (SQLException e) {
                JobLog.warn("could not open a second connection to stage pages ahead; reading ahead only: "
                        + Errors.describe(e));
                closeStaging();
                stagingConnections = null;
            }
        }
        return staging;
    }

    private void dropAhead() {
        if (ahead != null) {
            PageFetch dropped = ahead;
            ahead = null;
            dropped.close();
        }
        if (stagedAhead != null) {
            StagedAhead dropped = stagedAhead;
            stagedAhead = null;
            drop(dropped);
        }
    }

    /** Joins a staged page's thread; a staging connection that did not end its page cleanly is not used again. */
    private void drop(StagedAhead page) {
        page.close();
        if (!page.succeeded()) {
            closeStaging();
        }
    }

    private void closeStaging() {
        if (staging != null) {
            try {
                staging.close();
            } catch (SQLException e) {
                // Closing a broken connection can fail; it is dropped either way.
            }
            staging = null;
        }
    }

    private PageSummary stage(PageFetch page) throws FeedException, SQLException {
        try (TypedStagingCopy copy = TypedStagingCopy.begin(connection)) {
            PageSummary summary = page.drainTo(copy::writeRecords);
            copy.finish();
            return summary;
        }
    }

    /** CALL iwddm.load_staged, claiming the page's staging slot when it was staged ahead. */
    private BatchFigures loadStaged(String slot) throws SQLException {
        if (slot != null) {
            try (PreparedStatement claim = connection.prepareStatement("SELECT set_config('iwddm.staged_ahead', ?, true)")) {
                claim.setString(1, slot);
                claim.execute();
            }
        }
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

    /** Drops the page read ahead, if the run did not use it, joins its threads, empties the slots and closes the staging connection. */
    @Override
    public void close() {
        dropAhead();
        emptySlots();
        closeStaging();
    }

    /**
     * Leaves no staged rows behind (a load reads its slot and leaves it; a page staged ahead and
     * then dropped may have committed). Best effort: they are never loaded anyway, as each staging
     * empties its slot first.
     */
    private void emptySlots() {
        if (staging != null) {
            try {
                TypedStagingCopy.emptySlots(staging, TypedCopyRecord.SLOTS);
                staging.commit();
            } catch (SQLException e) {
                JobLog.warn("could not empty the staging slots; the next run's staging does: " + Errors.describe(e));
            }
        }
    }
}
