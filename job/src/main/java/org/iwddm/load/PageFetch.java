package org.iwddm.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.iwddm.feed.Abort;
import org.iwddm.feed.EventSink;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.FeedPage;
import org.iwddm.feed.PageSummary;

/**
 * One feed page read and checked on a thread of its own into a bounded buffer of staging
 * records (the typed staging COPY's own bytes, {@link TypedCopyRecord}), so the session can do
 * something else meanwhile: load the page before it (a page read ahead), or stage this one as it
 * arrives. Checking and typing each event (issue 14) happens here too, on this thread's core.
 * The page's summary, or its failure (the same exception, transient or not), comes after its
 * records, so a failure surfaces where the page is staged, exactly as if it had been read there.
 * Memory: at most {@code capacityBytes} of records waiting, in chunks of {@link #CHUNK_BYTES}
 * (a page larger than that waits for the stage to take them, streaming as before). Close it in
 * every case: closing a page not read to its end aborts the request, stops the thread and joins it.
 */
final class PageFetch implements AutoCloseable {
    static final int CHUNK_BYTES = 64 * 1024;
    /** Room for a default page of 10,000 events (~6 MB of typed rows, ~9 MB were it all raw) with margin; see docs/operations.md. */
    static final long DEFAULT_CAPACITY_BYTES = 16L * 1024 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final String THREAD_PREFIX = "iwddm-page-read-";

    /** Takes the page's records in order; the stage writes them into its COPY, the pending probe drops them. */
    @FunctionalInterface
    interface RecordTarget<E extends Exception> {
        void write(byte[] records, int length) throws E;
    }

    /** A chunk of records, or (bytes null) the end of the page with its summary or its failure. */
    private record Chunk(byte[] bytes, int length, PageSummary summary, Throwable failure) {
        boolean isEnd() {
            return bytes == null;
        }
    }

    private final long sinceId;
    private final int limit;
    private final EventTyper typer;
    private final BlockingQueue<Chunk> chunks;
    private final Abort abort = new Abort();
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    private PageFetch(FeedClient feed, long sinceId, int limit, long capacityBytes, EventTyper typer) {
        this.sinceId = sinceId;
        this.limit = limit;
        this.typer = typer;
        this.chunks = new ArrayBlockingQueue<>((int) Math.max(1, capacityBytes / CHUNK_BYTES));
        this.thread = new Thread(() -> read(feed), THREAD_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /**
     * Starts reading the page after {@code sinceId} (at most {@code limit} events), typing its
     * events with {@code typer}; a null typer only counts the page (the pending probe), encoding nothing.
     */
    static PageFetch start(FeedClient feed, long sinceId, int limit, long capacityBytes, EventTyper typer) {
        PageFetch fetch = new PageFetch(feed, sinceId, limit, capacityBytes, typer);
        fetch.thread.start();
        return fetch;
    }

    long sinceId() {
        return sinceId;
    }

    int limit() {
        return limit;
    }

    /** Hands the page's records to {@code target} as they come; returns the checked page's summary or throws its failure. */
    <E extends Exception> PageSummary drainTo(RecordTarget<E> target) throws FeedException, E {
        try {
            while (true) {
                Chunk chunk = chunks.take();
                if (chunk.isEnd()) {
                    ended = true;
                    return outcome(chunk);
                }
                target.write(chunk.bytes(), chunk.length());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new FeedException("interrupted while reading the page after sinceId " + sinceId);
        }
    }

    private PageSummary outcome(Chunk end) throws FeedException {
        Throwable failure = end.failure();
        if (failure == null) {
            return end.summary();
        }
        if (failure instanceof FeedException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("reading the page after sinceId " + sinceId + " failed: " + failure, failure);
    }

    /** The reading thread: the page's records, then its end; gives up without a word once closed. */
    private void read(FeedClient feed) {
        Chunk end;
        try (FeedPage page = feed.open(sinceId, limit, abort)) {
            Records records = new Records();
            PageSummary summary = page.streamTo(records);
            records.finish();
            end = new Chunk(null, 0, summary, null);
        } catch (Throwable e) {
            end = new Chunk(null, 0, null, e);
        }
        if (closed) {
            return;
        }
        try {
            chunks.put(end);
        } catch (InterruptedException e) {
            // Closed while waiting for room: nobody reads the end any more.
        }
    }

    /** Drops a page not read to its end (the request is aborted) and joins the thread. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!ended) {
                abort.abort();
                thread.interrupt();
            }
        }
        join();
    }

    private void join() {
        StoppedThreads.join(thread, "reading the page after sinceId " + sinceId);
    }

    /** Types and encodes each event as its staging row, in UTF-8, into chunks handed to the queue. */
    private final class Records implements EventSink {
        private final ChunkStream stream = new ChunkStream();
        private final Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        private final TypedCopyRecord record = typer == null ? null : new TypedCopyRecord(typer);

        @Override
        public void accept(String eventJson) {
            if (record == null) {
                return; // only counting
            }
            try {
                record.write(writer, eventJson);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void finish() throws IOException {
            writer.flush();
            stream.pass();
        }
    }

    private final class ChunkStream extends OutputStream {
        private byte[] chunk = new byte[CHUNK_BYTES];
        private int used;

        @Override
        public void write(int b) throws IOException {
            if (used == chunk.length) {
                pass();
            }
            chunk[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == chunk.length) {
                    pass();
                }
                int count = Math.min(length, chunk.length - used);
                System.arraycopy(bytes, offset, chunk, used, count);
                used += count;
                offset += count;
                length -= count;
            }
        }

        /** Hands the filled part on, waiting while the buffer is full. */
        void pass() throws InterruptedIOException {
            if (used == 0) {
                return;
            }
            try {
                chunks.put(new Chunk(chunk, used, null, null));
            } catch (InterruptedException e) {
                throw new InterruptedIOException("the page after sinceId " + sinceId + " was dropped");
            }
            chunk = new byte[CHUNK_BYTES];
            used = 0;
        }
    }
}
