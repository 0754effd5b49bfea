package org.iwddm.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The figures a finished run reports (SPEC §7). pending is empty when unknown (the run failed
 * or could not probe the feed); tables is empty when the database could not be read;
 * wfmDelivered / wfmPending are empty when the run did not push to WFM; purged lists what the
 * run's purge removed, per table (empty when nothing); lastEventAt (the newest loaded event,
 * mart_config.last_event_ts) is empty when nothing was ever loaded or it could not be read.
 */
public record JobMetrics(boolean succeeded, Instant finishedAt, long events, long rejected, OptionalLong pending,
                         Map<String, Long> dimensionsNew, List<TableStats> tables, OptionalLong wfmDelivered,
                         OptionalLong wfmPending, List<PurgedTable> purged, Optional<Instant> lastEventAt) {

    /** A run whose purge removed nothing (or that did not purge) and whose newest loaded event is not known. */
    public JobMetrics(boolean succeeded, Instant finishedAt, long events, long rejected, OptionalLong pending,
                      Map<String, Long> dimensionsNew, List<TableStats> tables, OptionalLong wfmDelivered,
                      OptionalLong wfmPending) {
        this(succeeded, finishedAt, events, rejected, pending, dimensionsNew, tables, wfmDelivered, wfmPending, List.of(),
                Optional.empty());
    }

    /** A run without WFM push. */
    public JobMetrics(boolean succeeded, Instant finishedAt, long events, long rejected, OptionalLong pending,
                      Map<String, Long> dimensionsNew, List<TableStats> tables) {
        this(succeeded, finishedAt, events, rejected, pending, dimensionsNew, tables, OptionalLong.empty(),
                OptionalLong.empty());
    }
}
