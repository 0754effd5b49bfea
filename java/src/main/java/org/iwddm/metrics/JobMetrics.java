package org.iwddm.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The figures a finished run reports (SPEC §7). pending is empty when unknown (the run failed
 * or could not probe the feed); tables is empty when the database could not be read.
 */
public record JobMetrics(boolean succeeded, Instant finishedAt, long events, long rejected, OptionalLong pending,
                         Map<String, Long> dimensionsNew, List<TableStats> tables) {
}
