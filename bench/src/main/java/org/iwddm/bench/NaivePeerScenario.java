package org.iwddm.bench;

import java.sql.Connection;
import org.iwddm.sim.IwdSimulator;

/**
 * Scenario 3: the naive peer (row-at-a-time JDBC, see NaivePeer) loads the same N events from
 * the same fake IWD, in pages of the headline batch size, into a fresh database; R runs. The
 * schema is created before the clock starts. Each run must leave N event rows and the cursor
 * at the feed's last id.
 */
final class NaivePeerScenario {
    private NaivePeerScenario() {
    }

    static Stats run(Marts marts, BenchFeed feed, IwdSimulator server, BenchSettings settings) throws Exception {
        double[] seconds = new double[settings.runs()];
        for (int run = 0; run < settings.runs(); run++) {
            seconds[run] = loadOnce(marts, feed, server, settings.batchSize());
            Progress.say("naive peer: run %d/%d: %,d events in %.2f s (%,.0f events/s)", run + 1, settings.runs(),
                    feed.events(), seconds[run], feed.events() / seconds[run]);
        }
        return Stats.rates(feed.events(), seconds);
    }

    /** Seconds of one checked load into a fresh database. */
    static double loadOnce(Marts marts, BenchFeed feed, IwdSimulator server, int pageSize) throws Exception {
        try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect()) {
            NaivePeer.createSchema(connection);
            long started = System.nanoTime();
            long events;
            try (NaivePeer peer = new NaivePeer(connection, server.restUrl())) {
                events = peer.loadAll(pageSize);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            requireWholeFeed(mart, feed, events);
            return seconds;
        }
    }

    static void requireWholeFeed(Marts.Mart mart, BenchFeed feed, long events) throws Exception {
        long rows = mart.count("SELECT count(*) FROM naive.task_event");
        long cursor = mart.count("SELECT last_event_id FROM naive.feed_cursor");
        if (events != feed.events() || rows != feed.events() || cursor != feed.lastId()) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "the naive peer did not load the whole feed: read %d, %d event rows of %d, cursor %d of %d",
                    events, rows, feed.events(), cursor, feed.lastId()));
        }
    }
}
