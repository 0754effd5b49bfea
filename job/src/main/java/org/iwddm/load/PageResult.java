package org.iwddm.load;

import org.iwddm.feed.PageSummary;

/** One committed page: what the feed sent, what the loader did with it, how long it took. */
public record PageResult(PageSummary page, BatchFigures batch, long nanos) {
}
