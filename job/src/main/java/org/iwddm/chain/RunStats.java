package org.iwddm.chain;

import java.util.OptionalLong;
import org.iwddm.load.PageResult;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;

/** Running totals of one run, for its log lines, audit row and metrics. */
final class RunStats {
    private long pages;
    private long events;
    private long loaded;
    private long duplicates;
    private long rejected;
    private OptionalLong pending = OptionalLong.empty();
    private boolean pendingIsLowerBound;

    void add(PageResult result) {
        pages++;
        events += result.page().events();
        loaded += result.batch().loaded();
        duplicates += result.batch().duplicates();
        rejected += result.batch().rejected();
    }

    void pending(long count, boolean lowerBound) {
        pending = OptionalLong.of(count);
        pendingIsLowerBound = lowerBound;
    }

    long pages() {
        return pages;
    }

    long events() {
        return events;
    }

    long loaded() {
        return loaded;
    }

    long duplicates() {
        return duplicates;
    }

    long rejected() {
        return rejected;
    }

    OptionalLong pending() {
        return pending;
    }

    /** For messages: "1234", "10000+" when the probe saw more beyond, "unknown". */
    String pendingText() {
        return pending.isEmpty() ? "unknown" : pending.getAsLong() + (pendingIsLowerBound ? "+" : "");
    }

    /** Adds pending (and whether it is a lower bound) to a log line's figures, when known. */
    Figures withPending(Figures figures) {
        if (pending.isEmpty()) {
            return figures;
        }
        Figures result = figures.with(Figure.PENDING, pending.getAsLong());
        return pendingIsLowerBound ? result.with(Figure.PENDING_LOWER_BOUND, true) : result;
    }
}
