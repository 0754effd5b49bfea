package org.iwddm.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.iwddm.sim.FeedLines;
import org.iwddm.sim.IwdSimulator;

/**
 * The tests' IWD: the simulator ({@link IwdSimulator}, with its scripted misbehaviour) serving a
 * list of event lines in feed order, checking the tests' API key and contact-center id, and
 * keeping every request for the tests to inspect.
 */
public final class FakeIwd extends IwdSimulator {
    public static final String API_KEY = "fake-iwd-key-8e2f1c";
    public static final String CCID = "ccid-fake-0001";

    private final FeedLines lines;

    private FakeIwd(FeedLines lines) throws IOException {
        super(lines, 0, API_KEY, CCID, 0, Duration.ZERO);
        this.lines = lines;
        recordRequests();
    }

    public static FakeIwd start(List<String> eventLines) throws IOException {
        return new FakeIwd(new FeedLines(eventLines));
    }

    /** Replaces the feed's content (e.g. to add events that arrived later). Lines in feed order. */
    public void setEvents(List<String> eventLines) {
        lines.replace(eventLines);
    }

    /** The cursor after serving these lines from the start: their last numeric id. */
    public static long lastIdOf(List<String> eventLines) {
        return FeedLines.lastIdOf(eventLines);
    }
}
