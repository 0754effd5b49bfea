package org.iwddm.bench;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.sim.FeedSource;
import org.iwddm.sim.FeedStream;

/**
 * The first N lines of a generated feed in an NDJSON file, with each line's offset and id, so
 * the floor COPYs, the fake IWD serves and the naive peer reads byte-identical events without
 * holding a million of them in memory (the simulator, {@link org.iwddm.sim.IwdSimulator}, serves
 * it as a {@link FeedSource}). Ids must be strictly increasing (no re-sends), which
 * FeedGenerator guarantees when duplicateShare is 0; anything else fails here.
 */
final class BenchFeed implements FeedSource {
    private final Path file;
    private final long[] offsets;
    private final long[] ids;

    private BenchFeed(Path file, long[] offsets, long[] ids) {
        this.file = file;
        this.offsets = offsets;
        this.ids = ids;
    }

    /** A busy intraday tenant: about 4.5 events per task, some late, no bad events, no re-sends. */
    static FeedConfig busyTenant(int events) {
        return FeedConfig.builder().seed(4242).tasks(events / 4 + 1_000).tasksPerHour(2000).lateShare(0.05)
                .badShare(0).duplicateShare(0).build();
    }

    /** A mart's worth of history: a month of a smaller tenant (IncrementalBenchmark's feed). */
    static FeedConfig history(int events) {
        return FeedConfig.builder().seed(777).tasks(events / 4 + 1_000).start(Instant.parse("2026-10-01T00:00:00Z"))
                .tasksPerHour(600).lateShare(0.05).badShare(0).duplicateShare(0).build();
    }

    /** Writes the feed's first {@code events} lines to the file; fails when it has fewer. */
    static BenchFeed write(FeedConfig config, int events, Path file) throws IOException {
        long[] offsets = new long[events + 1];
        long[] ids = new long[events];
        FeedStream stream = new FeedGenerator(config).iterator();
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < events; i++) {
                if (!stream.hasNext()) {
                    throw new IllegalStateException("the generated feed ended after " + i + " of " + events + " events");
                }
                String line = stream.next();
                ids[i] = idOf(line, i);
                if (i > 0 && ids[i] <= ids[i - 1]) {
                    throw new IllegalStateException("feed ids are not strictly increasing at line " + i);
                }
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                out.write('\n');
                offsets[i + 1] = offsets[i] + bytes.length + 1;
            }
        }
        return new BenchFeed(file, offsets, ids);
    }

    private static long idOf(String line, int index) {
        try {
            return JsonParser.parseString(line).getAsJsonObject().get("id").getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalStateException("line " + index + " has no numeric id: the benchmark feed has no bad events", e);
        }
    }

    int events() {
        return ids.length;
    }

    long lastId() {
        return ids[ids.length - 1];
    }

    long id(int index) {
        return ids[index];
    }

    /** Index of the first event with an id above sinceId (events() when none). */
    int firstAfter(long sinceId) {
        int at = Arrays.binarySearch(ids, sinceId);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** The events as consecutive NDJSON chunks of {@code size} events (the last may be shorter). */
    List<byte[]> chunks(int size) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        for (int first = 0; first < events(); first += size) {
            chunks.add(ndjson(first, Math.min(events(), first + size)));
        }
        return chunks;
    }

    /** Lines [first, end) as NDJSON bytes, each line '\n'-terminated. */
    byte[] ndjson(int first, int end) throws IOException {
        long length = offsets[end] - offsets[first];
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("slice too large for one array: " + length + " bytes");
        }
        byte[] bytes = new byte[(int) length];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offsets[first]);
            in.readFully(bytes);
        }
        return bytes;
    }

    /** FEED.md's page: a slice of the file, as ids strictly increase. */
    @Override
    public Page page(long sinceId, int limit) {
        int first = firstAfter(sinceId);
        int end = (int) Math.min(events(), (long) first + limit);
        if (first >= end) {
            return new Page(List.of(), sinceId, false);
        }
        try {
            return new Page(lines(first, end), id(end - 1), end < events());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines first (inclusive) to end (exclusive), each without its line break. */
    List<String> lines(int first, int end) throws IOException {
        byte[] bytes = ndjson(first, end);
        List<String> lines = new ArrayList<>(end - first);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    byte[] ndjson() throws IOException {
        return ndjson(0, events());
    }
}
