package org.iwddm.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic generator of realistic IWD task-event feeds (FEED.md): the same
 * {@link FeedConfig} gives the same lines, byte for byte. Lines come in feed order (ascending
 * ids with random gaps), as compact one-line JSON; late, bad and re-sent events are mixed in
 * as the config asks. It streams: only the events of tasks still running are held in memory.
 *
 * <pre>{@code
 * FeedGenerator feed = new FeedGenerator(FeedConfig.builder().seed(7).tasks(10_000).build());
 * feed.write(writer);                                 // NDJSON
 * for (String line : feed) { ... }                    // or iterate
 * }</pre>
 */
public final class FeedGenerator implements Iterable<String> {
    private final FeedConfig config;

    public FeedGenerator(FeedConfig config) {
        this.config = config;
    }

    public FeedConfig config() {
        return config;
    }

    /** A fresh pass over the feed; every pass yields the same lines. */
    @Override
    public FeedStream iterator() {
        return new FeedStream(config);
    }

    /** Hands every line to the consumer in feed order; returns what was emitted. */
    public FeedSummary forEachLine(Consumer<? super String> consumer) {
        FeedStream stream = iterator();
        while (stream.hasNext()) {
            consumer.accept(stream.next());
        }
        return stream.summary();
    }

    /** Writes the feed as NDJSON (one event per line, '\n' after each); returns the line count. */
    public long write(Writer out) {
        return forEachLine(line -> {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).lines();
    }

    /** Every line of the feed in a list: for small feeds in tests only. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        forEachLine(lines::add);
        return lines;
    }
}
