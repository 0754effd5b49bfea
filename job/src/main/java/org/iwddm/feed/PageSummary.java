package org.iwddm.feed;

/** What a checked page held: how many events, the id to advance the cursor to, and hasMore. */
public record PageSummary(long sinceId, int events, long lastId, boolean hasMore) {
}
