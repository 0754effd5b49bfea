package org.iwddm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline table (one row per scenario and per ratio, figure = median) and, for every
 * missed target, a note saying by how much and what the run would have needed.
 */
final class ResultTable {
    static final String HEADER = "| # | scenario | figure (median) | min | max | unit | target | met? |\n"
            + "|---|---|--:|--:|--:|---|---|---|\n";

    private final Results r;
    private final List<String> rows = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    private ResultTable(Results results) {
        this.r = results;
    }

    static ResultTable of(Results results) {
        ResultTable table = new ResultTable(results);
        table.build();
        return table;
    }

    String markdown() {
        return HEADER + String.join("\n", rows) + "\n";
    }

    List<String> missedTargets() {
        return List.copyOf(misses);
    }

    private void build() {
        BenchSettings s = r.settings();
        row("1", f("Floor A: bare COPY of %,d events into staging, one transaction", s.events()), r.floor().oneCopy(),
                "%,.0f", "events/s", "—", null);
        row("1b", f("Floor B: COPY of %,d events into a scratch table + one `INSERT … SELECT` typing them into a"
                + " keyed table, one transaction", s.events()), r.floorB().oneLoad(), "%,.0f", "events/s", "—", null);
        row("2", f("Pipeline: `bin/iwddm run` (intraday), %,d events, batch %,d, JVM start included", s.events(),
                s.batchSize()), r.pipeline().headline(), "%,.0f", "events/s", "—", null);
        ratioRow("2a", "Pipeline ÷ floor A", r.pipelineToFloor(), f("≥ %.2f", Results.PIPELINE_FLOOR_TARGET),
                r.pipelineToFloor().median() >= Results.PIPELINE_FLOOR_TARGET,
                () -> floorMiss("A", r.pipelineToFloor(), r.floor().oneCopy(), Results.PIPELINE_FLOOR_TARGET));
        ratioRow("2b", "Pipeline ÷ floor B", r.pipelineToFloorB(), f("≥ %.1f", Results.PIPELINE_FLOOR_B_TARGET),
                r.pipelineToFloorB().median() >= Results.PIPELINE_FLOOR_B_TARGET,
                () -> floorMiss("B", r.pipelineToFloorB(), r.floorB().oneLoad(), Results.PIPELINE_FLOOR_B_TARGET));
        row("3", f("Naive peer: row-at-a-time JDBC upserts, %,d events, page %,d", s.events(), s.batchSize()),
                r.naive(), "%,.0f", "events/s", "—", null);
        ratioRow("3a", "Pipeline ÷ naive peer", r.pipelineToNaive(), "≥ 30", r.pipelineToNaive().median()
                >= Results.PIPELINE_NAIVE_TARGET, this::pipelineNaiveMiss);
        IncrementalScenario.Result inc = r.incremental();
        row("4a", f("Incremental: %,d events into an empty mart", inc.batchEvents()), inc.intoEmpty(), "%.3f", "s", "—", null);
        row("4b", f("Incremental: %,d events into a mart of %,d events", inc.batchEvents(), inc.martEvents()),
                inc.intoBig(), "%.3f", "s", "—", null);
        ratioRow("4c", "Incremental: big ÷ empty", r.bigToEmpty(), "≤ 1.3", r.bigToEmpty().median()
                <= Results.INCREMENTAL_RATIO_TARGET, this::incrementalMiss);
        double mib = r.memoryMib();
        row("5", f("Memory: peak RSS of the job over %,d events (one run)", r.memory().events()),
                new Stats(mib, mib, mib, 1), "%.1f", "MiB", "< 160", mib < Results.MEMORY_TARGET_MIB);
        if (mib >= Results.MEMORY_TARGET_MIB) {
            memoryMiss(mib);
        }
        row("6", "Idle run: `bin/iwddm run` (full chain), nothing new", r.idle().seconds(), "%.2f", "s", "< 1.5",
                r.idle().seconds().median() < Results.IDLE_TARGET_SECONDS);
        if (r.idle().seconds().median() >= Results.IDLE_TARGET_SECONDS) {
            idleMiss();
        }
    }

    private void row(String number, String scenario, Stats stats, String format, String unit, String target, Boolean met) {
        rows.add(f("| %s | %s | %s | %s | %s | %s | %s | %s |", number, scenario, f(format, stats.median()),
                f(format, stats.min()), f(format, stats.max()), unit, target, met == null ? "—" : met ? "yes" : "**no**"));
    }

    private void ratioRow(String number, String scenario, Stats ratio, String target, boolean met, Runnable onMiss) {
        // Three decimals: a slow pipeline beside a fast floor (the quick run's tiny sizes) is 0.005, not 0.00.
        row(number, scenario, ratio, "%.3f", "ratio", target, met);
        if (!met) {
            onMiss.run();
        }
    }

    /**
     * What the pipeline would need to reach the target against floor {@code name}; the median
     * run's split is given once, in the first floor note.
     */
    private void floorMiss(String name, Stats toFloor, Stats floor, double target) {
        double ratio = toFloor.median();
        double needRate = target * floor.median();
        int events = r.settings().events();
        double wall = events / r.pipeline().headline().median();
        boolean splitGiven = misses.stream().anyMatch(miss -> miss.startsWith("**Pipeline ÷ floor"));
        misses.add(f("**Pipeline ÷ floor %s** is %.3f, target ≥ %.2f: short by %.0f %%. With floor %s at %,.0f events/s"
                        + " the pipeline would need %,.0f events/s, i.e. the %,d-event run in %.2f s instead of %.2f s"
                        + " (save %.2f s). %s.", name, ratio, target, 100 * (1 - ratio / target), name, floor.median(),
                needRate, events, events / needRate, wall, wall - events / needRate, splitGiven
                        ? "Its median run is split in the note above"
                        : "Its median run: " + MarkdownReport.pipelineSplit(r.pipeline().breakdown())));
    }

    private void pipelineNaiveMiss() {
        double ratio = r.pipelineToNaive().median();
        misses.add(f("**Pipeline ÷ naive peer** is %.1f, target ≥ %.0f: short by %.0f %%. With the naive peer at %,.0f"
                        + " events/s the pipeline would need %,.0f events/s (now %,.0f).", ratio,
                Results.PIPELINE_NAIVE_TARGET, 100 * (1 - ratio / Results.PIPELINE_NAIVE_TARGET), r.naive().median(),
                Results.PIPELINE_NAIVE_TARGET * r.naive().median(), r.pipeline().headline().median()));
    }

    private void incrementalMiss() {
        IncrementalScenario.Result inc = r.incremental();
        double ratio = r.bigToEmpty().median();
        misses.add(f("**Incremental big ÷ empty** is %.2f, target ≤ %.1f: over by %.0f %%. The batch into the %,d-event"
                        + " mart would need ≤ %.3f s (now %.3f s; into the empty mart %.3f s).", ratio,
                Results.INCREMENTAL_RATIO_TARGET, 100 * (ratio / Results.INCREMENTAL_RATIO_TARGET - 1), inc.martEvents(),
                Results.INCREMENTAL_RATIO_TARGET * inc.intoEmpty().median(), inc.intoBig().median(),
                inc.intoEmpty().median()));
    }

    private void memoryMiss(double mib) {
        misses.add(f("**Memory** peak RSS is %.1f MiB, target < %.0f MiB: over by %.1f MiB (%.0f %%). JVM options: `%s`.",
                mib, Results.MEMORY_TARGET_MIB, mib - Results.MEMORY_TARGET_MIB,
                100 * (mib / Results.MEMORY_TARGET_MIB - 1), String.join(" ", r.jvmOptions())));
    }

    private void idleMiss() {
        JobLauncher.JobRun run = r.idle().medianRun();
        double median = r.idle().seconds().median();
        misses.add(f("**Idle run** takes %.2f s, target < %.1f s: over by %.2f s (%.0f %%). Its median run: launch to the"
                        + " first log line (JVM start, configuration) %.2f s; first to last log line (connect, lock, schema"
                        + " check, empty page, historical step) %.2f s; JVM exit %.2f s.", median,
                Results.IDLE_TARGET_SECONDS, median - Results.IDLE_TARGET_SECONDS,
                100 * (median / Results.IDLE_TARGET_SECONDS - 1), run.startupSeconds(), run.workSeconds(),
                run.exitSeconds()));
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
