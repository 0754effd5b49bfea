package org.iwddm.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The events a simulated IWD holds at a given simulated instant: the generator's lines in feed
 * order, visible once their arrival time has passed on the clock. Lines are generated lazily as
 * the clock advances; only a bounded window is kept, and a consumer re-reading from before the
 * window gets the same lines again from a fresh (deterministic) pass of the generator.
 */
public final class SimulatedFeed implements FeedSource {
    /** Lines kept in memory; older ones are dropped and regenerated when asked for again. */
    static final int DEFAULT_WINDOW = 50_000;

    private final FeedConfig config;
    private final LongSupplier clockMillis;
    private final int window;
    private final List<Entry> entries = new ArrayList<>();
    private FeedStream stream;
    private long lastNumericId;
    private boolean dropped;

    /** One line: its numeric id (absent for bad ids), the numeric id before it, its arrival. */
    record Entry(OptionalLong id, long previousId, long arrivalMillis, String line) {
        /** FEED.md: ids above sinceId; a line without a numeric id sits right after the id before it. */
        boolean after(long sinceId) {
            return id.isPresent() ? id.getAsLong() > sinceId : previousId >= sinceId;
        }
    }

    public SimulatedFeed(FeedConfig config, LongSupplier clockMillis) {
        this(config, clockMillis, DEFAULT_WINDOW);
    }

    SimulatedFeed(FeedConfig config, LongSupplier clockMillis, int window) {
        if (config.duplicateShare() != 0) {
            throw new IllegalArgumentException("a simulated feed has strictly increasing ids: duplicateShare must be 0");
        }
        this.config = config;
        this.clockMillis = clockMillis;
        this.window = window;
        restart();
    }

    public FeedConfig config() {
        return config;
    }

    /** The page for sinceId and limit, as of the clock's current instant. */
    @Override
    public synchronized Page page(long sinceId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        long now = clockMillis.getAsLong();
        if (dropped && (entries.isEmpty() || sinceId < entries.get(0).previousId())) {
            restart(); // lines this consumer needs were dropped: replay the generator from the start
        }
        int first = firstAfter(sinceId);
        fill(sinceId, limit, now, first);
        return collect(sinceId, limit, now);
    }

    /**
     * Generates lines until the page is full plus one (for hasMore), or a line arrives after now
     * (kept for later), or the feed ends. Lines the consumer has passed are dropped beyond the window.
     */
    private void fill(long sinceId, int limit, long now, int first) {
        int wanted = 0;
        for (int i = first; i < entries.size() && entries.get(i).arrivalMillis() <= now; i++) {
            wanted++;
        }
        while (wanted <= limit && stream.hasNext()
                && (entries.isEmpty() || entries.get(entries.size() - 1).arrivalMillis() <= now)) {
            Entry entry = generate();
            if (!entry.after(sinceId)) {
                first = entries.size();
            } else if (entry.arrivalMillis() <= now) {
                wanted++;
            }
            if (first > window) {
                entries.subList(0, first).clear();
                first = 0;
                dropped = true;
            }
        }
    }

    /** Lines not after sinceId form a prefix (ids increase): the index where the rest starts. */
    private int firstAfter(long sinceId) {
        int index = 0;
        while (index < entries.size() && !entries.get(index).after(sinceId)) {
            index++;
        }
        return index;
    }

    private Entry generate() {
        String line = stream.next();
        OptionalLong id = numericId(line);
        Entry entry = new Entry(id, lastNumericId, stream.lastArrivalMillis(), line);
        entries.add(entry);
        lastNumericId = id.orElse(lastNumericId);
        return entry;
    }

    private Page collect(long sinceId, int limit, long now) {
        List<String> lines = new ArrayList<>();
        long lastId = sinceId;
        for (int i = firstAfter(sinceId); i < entries.size() && entries.get(i).arrivalMillis() <= now; i++) {
            if (lines.size() == limit) {
                return new Page(lines, lastId, true);
            }
            lines.add(entries.get(i).line());
            lastId = entries.get(i).id().orElse(lastId);
        }
        return new Page(lines, lastId, false);
    }

    private void restart() {
        entries.clear();
        dropped = false;
        stream = new FeedStream(config);
        lastNumericId = 0;
    }

    /** The id a consumer sees: a JSON integer "id" member, else none (a bad event). */
    static OptionalLong numericId(String line) {
        try {
            JsonElement id = JsonParser.parseString(line).getAsJsonObject().get("id");
            return id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber()
                    ? OptionalLong.of(id.getAsLong()) : OptionalLong.empty();
        } catch (RuntimeException notAnObjectWithAnId) {
            return OptionalLong.empty();
        }
    }
}
