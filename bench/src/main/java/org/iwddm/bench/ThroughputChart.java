package org.iwddm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart of docs/benchmarks.md: events/s against batch size for floors A and B, the pipeline and the naive peer. */
final class ThroughputChart {
    private ThroughputChart() {
    }

    static String svg(Results r) {
        List<SvgChart.Series> series = List.of(
                new SvgChart.Series("floor-a", "floor A: COPY + commit per chunk", "#2b8a3e", true,
                        points(r.floor().byBatchSize())),
                new SvgChart.Series("floor-b", "floor B: COPY + INSERT … SELECT + commit per chunk", "#e67700", true,
                        points(r.floorB().byBatchSize())),
                new SvgChart.Series("pipeline", "pipeline: bin/iwddm run", "#1864ab", true,
                        points(r.pipeline().byBatchSize())),
                new SvgChart.Series("naive", "naive peer: row-at-a-time JDBC", "#c92a2a", false,
                        List.of(new SvgChart.Point(r.settings().batchSize(), r.naive()))));
        return SvgChart.render(String.format(java.util.Locale.ROOT, "Throughput against batch size (%,d events)",
                        r.settings().events()), "batch size (events per page / per COPY commit), log scale",
                "events/s, log scale (median; whiskers: min–max)", series);
    }

    private static List<SvgChart.Point> points(Map<Integer, Stats> byBatchSize) {
        List<SvgChart.Point> points = new ArrayList<>();
        byBatchSize.forEach((batchSize, stats) -> points.add(new SvgChart.Point(batchSize, stats)));
        return points;
    }
}
