package org.iwddm.sim;

/** What an {@link IwdSimulator} serves: the feed's pages, as FEED.md defines them. */
public interface FeedSource {
    /** What one request gets: the event lines, lastId and hasMore. */
    record Page(java.util.List<String> lines, long lastId, boolean hasMore) {
    }

    /** The page of at most {@code limit} events after {@code sinceId}. */
    Page page(long sinceId, int limit);
}
