package org.iwddm.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.iwddm.load.FileLoad;
import org.iwddm.load.FileLoadTotals;

/**
 * load-file's lines on stdout, shaped like load_staged_in_chunks' NOTICEs so a DBA reads both
 * alike: one per committed chunk (the lines it covers so far tell where a rerun would go on),
 * then a summary from the etl_audit batch rows. The total was counted before loading.
 */
final class LoadFileProgress {
    private final PrintStream out;
    private final long totalEvents;
    private final long started = System.nanoTime();
    private long eventsDone;
    private long firstLine;

    LoadFileProgress(PrintStream out, long totalEvents) {
        this.out = out;
        this.totalEvents = totalEvents;
    }

    void chunkCommitted(FileLoad.Chunk chunk) {
        if (chunk.number() == 1) {
            firstLine = chunk.firstLine();
        }
        eventsDone += chunk.events();
        out.println("load-file: " + eventsDone + " of " + totalEvents + " events (lines " + firstLine + "-"
                + chunk.lastLine() + "), " + Math.round(eventsDone / seconds()) + " events/s, "
                + Math.max(0, totalEvents - eventsDone) + " left");
    }

    void summary(FileLoadTotals totals) {
        out.println("load-file: done: " + totals.staged() + " events staged in " + totals.batches() + " chunks, "
                + totals.loaded() + " loaded, " + totals.duplicates() + " duplicates, " + totals.rejected()
                + " rejected (iwddm.rejected_event), " + String.format(Locale.ROOT, "%.1f", seconds()) + " s");
    }

    private double seconds() {
        return Math.max((System.nanoTime() - started) / 1e9, 0.001);
    }
}
