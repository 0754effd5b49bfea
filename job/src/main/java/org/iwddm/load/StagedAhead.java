package org.iwddm.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.PageSummary;

/**
 * A page read ahead and staged ahead (issue 14): while the database loads one page, a thread of
 * its own takes the next page's records from its {@link PageFetch} as they arrive and COPYs them,
 * on the loader's second (staging) connection, into a staging slot (iwddm.stage_ahead_0 or _1,
 * emptied first), and commits. The page's own load then reads the slot in its transaction
 * (iwddm.staged_ahead), so the cursor still commits with the page's data; the COPY no longer
 * waits for the load before it. Its summary, or its failure (the same exception, feed or
 * database), comes from {@link #await()}, as if the page had been staged there. Close it in
 * every case: closing a page still arriving aborts its read, cancels the COPY and joins the thread.
 */
final class StagedAhead implements AutoCloseable {
    static final String THREAD_PREFIX = "iwddm-page-stage-";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final PageFetch fetch;
    private final Connection staging;
    private final String slot;
    private final Thread thread;
    // Written by the staging thread before it ends; read after joining it.
    private PageSummary summary;
    private Throwable failure;

    private StagedAhead(PageFetch fetch, Connection staging, String slot) {
        this.fetch = fetch;
        this.staging = staging;
        this.slot = TypedCopyRecord.requireSlot(slot);
        this.thread = new Thread(this::stage, THREAD_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Starts staging the page {@code fetch} reads into {@code slot}, on {@code staging} (autocommit off). */
    static StagedAhead start(PageFetch fetch, Connection staging, String slot) {
        StagedAhead page = new StagedAhead(fetch, staging, slot);
        page.thread.start();
        return page;
    }

    long sinceId() {
        return fetch.sinceId();
    }

    int limit() {
        return fetch.limit();
    }

    String slot() {
        return slot;
    }

    /**
     * Waits until the page is staged and committed (the feed's read timeouts and the database's
     * statement timeout bound that); returns its summary or throws its failure.
     */
    PageSummary await() throws FeedException, SQLException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new FeedException("interrupted while staging the page after sinceId " + sinceId());
        }
        return outcome();
    }

    private PageSummary outcome() throws FeedException, SQLException {
        if (failure == null) {
            return summary;
        }
        if (failure instanceof FeedException e) {
            throw e;
        }
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("staging the page after sinceId " + sinceId() + " failed: " + failure, failure);
    }

    /** True once the page is staged and committed; a staging connection that did anything else is not trusted again. */
    boolean succeeded() {
        return !thread.isAlive() && failure == null && summary != null;
    }

    /** The staging thread: the page's records into the slot, then commit; on any failure, roll back. */
    private void stage() {
        try (TypedStagingCopy copy = TypedStagingCopy.beginInSlot(staging, slot)) {
            PageSummary staged = fetch.drainTo(copy::writeRecords);
            copy.finish();
            staging.commit();
            summary = staged;
        } catch (Throwable e) {
            failure = e;
            rollback(e);
        } finally {
            fetch.close();
        }
    }

    private void rollback(Throwable cause) {
        try {
            staging.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the loader closes this connection; the failure says what went first
        }
    }

    /** Drops a page still arriving (its read aborted, its COPY cancelled, nothing committed) and joins the thread. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            fetch.close();         // aborts the read: the thread's drain ends with a failure
            thread.interrupt();    // or wakes it where it waits for the next records
        }
        join();
    }

    private void join() {
        StoppedThreads.join(thread, "staging the page after sinceId " + sinceId());
    }
}
