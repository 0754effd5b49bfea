package org.iwddm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A fixed list of event lines in feed order (the tests' feeds), replaceable while served (events
 * that arrived later). A line without a numeric id sits right after the numeric id before it: it
 * is served from that cursor on, so it comes again after a page that ended right before it.
 */
public final class FeedLines implements FeedSource {
    private volatile List<Line> lines = List.of();

    private record Line(OptionalLong id, long previousId, String text) {
        boolean after(long sinceId) {
            return id.isPresent() ? id.getAsLong() > sinceId : previousId >= sinceId;
        }
    }

    public FeedLines(List<String> eventLines) {
        replace(eventLines);
    }

    /** Replaces the feed's content. Lines in feed order. */
    public void replace(List<String> eventLines) {
        List<Line> parsed = new ArrayList<>();
        long previousId = 0;
        for (String text : eventLines) {
            OptionalLong id = SimulatedFeed.numericId(text);
            parsed.add(new Line(id, previousId, text));
            previousId = id.orElse(previousId);
        }
        lines = List.copyOf(parsed);
    }

    @Override
    public Page page(long sinceId, int limit) {
        List<String> page = new ArrayList<>();
        long lastId = sinceId;
        for (Line line : lines) {
            if (!line.after(sinceId)) {
                continue;
            }
            if (page.size() == limit) {
                return new Page(page, lastId, true);
            }
            page.add(line.text());
            lastId = line.id().orElse(lastId);
        }
        return new Page(page, lastId, false);
    }

    /** The cursor after serving these lines from the start: their last numeric id. */
    public static long lastIdOf(List<String> eventLines) {
        long last = 0;
        for (String line : eventLines) {
            last = SimulatedFeed.numericId(line).orElse(last);
        }
        return last;
    }
}
