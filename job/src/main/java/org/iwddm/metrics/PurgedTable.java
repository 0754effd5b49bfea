package org.iwddm.metrics;

/** Rows a run's purge removed from one table, and the heap bytes that freed for reuse. */
public record PurgedTable(String table, long rows, long bytes) {
}
