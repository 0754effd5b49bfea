package org.iwddm.metrics;

/** Estimated rows (pg_class.reltuples, -1 when never analyzed) and total bytes of one iwddm table. */
public record TableStats(String table, long rows, long bytes) {
}
