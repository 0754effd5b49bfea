package org.iwddm.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The simulated IWD over real HTTP on loopback: FEED.md pages, time gating, faults, keys. */
class IwdSimulatorTest {
    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    private static final String KEY = "sim-test-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A page as a consumer reads it. */
    private record Page(int status, List<String> lines, long lastId, boolean hasMore) {
    }

    private static SimulatorSettings settings(long seed, int failEvery) {
        FeedConfig feed = SimulatorSettings.feed(seed, START, 60, 1, 0.1, 0.05);
        return new SimulatorSettings(0, KEY, feed, 1, failEvery, Duration.ZERO);
    }

    @Test
    void pagesFollowTheFeedContract() throws Exception {
        SimClock.Stepped clock = new SimClock.Stepped(START.plus(Duration.ofHours(8)));
        try (IwdSimulator iwd = IwdSimulator.start(settings(5, 0), clock)) {
            List<Page> pages = readAll(iwd, 0, 37);
            assertTrue(pages.size() > 5, "eight simulated hours fill several pages of 37");
            long cursor = 0;
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                assertTrue(page.lines().size() <= 37, "a page holds at most limit events");
                long previous = cursor;
                for (String line : page.lines()) {
                    OptionalLong id = SimulatedFeed.numericId(line);
                    if (id.isPresent()) {
                        assertTrue(id.getAsLong() > previous, "ids strictly increase past sinceId: " + id.getAsLong());
                        previous = id.getAsLong();
                    }
                }
                assertEquals(previous, page.lastId(), "lastId is the last numeric id of the page (or sinceId)");
                assertEquals(i < pages.size() - 1, page.hasMore(), "hasMore is true exactly until the last page");
                cursor = page.lastId();
            }
            assertEquals(0, readAll(iwd, cursor, 37).get(0).lines().size(), "nothing beyond the last page yet");
            assertEquals(cursor, readAll(iwd, cursor, 37).get(0).lastId(), "an empty page's lastId is sinceId");
        }
    }

    @Test
    void idsHaveGapsShapesAreValidAndSomeEventsAreBadOrLate() throws Exception {
        Instant now = START.plus(Duration.ofHours(12));
        try (IwdSimulator iwd = IwdSimulator.start(settings(6, 0), new SimClock.Stepped(now))) {
            List<String> lines = lines(readAll(iwd, 0, 500));
            int bad = 0;
            int late = 0;
            boolean gap = false;
            long previousId = 0;
            Map<String, Instant> latestPerTask = new HashMap<>();
            for (String line : lines) {
                if (!FeedLineCheck.problems(line).isEmpty()) {
                    bad++;
                    continue;
                }
                JsonObject event = JsonParser.parseString(line).getAsJsonObject();
                long id = event.get("id").getAsLong();
                gap |= previousId != 0 && id > previousId + 1;
                previousId = id;
                Instant at = FeedLineCheck.parseTime(event.get("timestamp")).toInstant();
                assertFalse(at.isAfter(now), "no event is served before it happened: " + at);
                Instant latest = latestPerTask.merge(event.get("taskId").getAsString(), at, (a, b) -> a.isAfter(b) ? a : b);
                late += at.isBefore(latest) ? 1 : 0;
            }
            assertTrue(gap, "ids have gaps");
            assertTrue(bad > 0 && bad < lines.size() / 5, "a few bad events (5%): " + bad + " of " + lines.size());
            assertTrue(late > 0, "some events arrive after a later event of their task");
        }
    }

    @Test
    void eventsAppearAsSimulatedTimeAdvancesAndOldCursorsReplay() throws Exception {
        SimClock.Stepped clock = new SimClock.Stepped(START.plus(Duration.ofHours(2)));
        try (IwdSimulator iwd = IwdSimulator.start(settings(7, 0), clock)) {
            List<String> early = lines(readAll(iwd, 0, 100));
            clock.set(START.plus(Duration.ofHours(6)));
            List<String> later = lines(readAll(iwd, 0, 100));
            assertTrue(later.size() > early.size(), "more events once more time has passed");
            assertEquals(early, later.subList(0, early.size()), "events already served stay the same, in the same order");
            long middle = SimulatedFeed.numericId(later.get(later.size() / 2)).getAsLong();
            assertEquals(lines(readAll(iwd, middle, 100)), lines(readAll(iwd, middle, 100)),
                    "re-reading from an older cursor returns the same events");
        }
    }

    @Test
    void theSameSeedGivesTheSameStream() throws Exception {
        SimClock.Stepped clock = new SimClock.Stepped(START.plus(Duration.ofHours(5)));
        try (IwdSimulator one = IwdSimulator.start(settings(11, 0), clock);
                IwdSimulator two = IwdSimulator.start(settings(11, 0), clock);
                IwdSimulator other = IwdSimulator.start(settings(12, 0), clock)) {
            List<String> first = lines(readAll(one, 0, 64));
            assertEquals(first, lines(readAll(two, 0, 1000)), "same seed, same events (whatever the page size)");
            assertNotEquals(first, lines(readAll(other, 0, 64)), "another seed, other events");
        }
    }

    @Test
    void aSmallWindowReplaysTheGeneratorForOldCursors() {
        SimClock.Stepped clock = new SimClock.Stepped(START.plus(Duration.ofHours(10)));
        SimulatedFeed feed = new SimulatedFeed(settings(13, 0).feed(), clock, 40);
        List<String> first = new ArrayList<>();
        SimulatedFeed.Page page;
        long cursor = 0;
        do {
            page = feed.page(cursor, 25);
            first.addAll(page.lines());
            cursor = page.lastId();
        } while (page.hasMore());
        assertTrue(first.size() > 200, "many more lines than the window");
        assertEquals(first.subList(0, 25), feed.page(0, 25).lines(), "from the start again: the same lines");
    }

    @Test
    void aWrongKeyIsRefusedWith401() throws Exception {
        try (IwdSimulator iwd = IwdSimulator.start(settings(1, 0), new SimClock.Stepped(START))) {
            assertEquals(401, get(iwd, 0, 10, "not-the-key").status(), "wrong key");
            assertEquals(401, get(iwd, 0, 10, null).status(), "no key");
            assertEquals(200, get(iwd, 0, 10, KEY).status(), "right key");
        }
    }

    @Test
    void everyNthRequestFailsWhenAsked() throws Exception {
        try (IwdSimulator iwd = IwdSimulator.start(settings(1, 3), new SimClock.Stepped(START))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(get(iwd, 0, 10, KEY).status());
            }
            assertEquals(List.of(200, 200, 500, 200, 200, 500), statuses, "--fail-every 3");
        }
    }

    private static List<Page> readAll(IwdSimulator iwd, long sinceId, int limit) throws IOException, InterruptedException {
        List<Page> pages = new ArrayList<>();
        Page page;
        long cursor = sinceId;
        do {
            page = get(iwd, cursor, limit, KEY);
            assertEquals(200, page.status(), "page served");
            pages.add(page);
            cursor = page.lastId();
        } while (page.hasMore());
        return pages;
    }

    private static List<String> lines(List<Page> pages) {
        return pages.stream().flatMap(p -> p.lines().stream()).toList();
    }

    private static Page get(IwdSimulator iwd, long sinceId, int limit, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(iwd.restUrl() + "/tasks/events?sinceId=" + sinceId + "&limit=" + limit))
                .header("Accept", "application/json").header("x-ccid", "sim");
        if (key != null) {
            request.header("x-api-key", key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return new Page(response.statusCode(), List.of(), -1, false);
        }
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        List<String> lines = new ArrayList<>();
        JsonArray data = body.getAsJsonArray("data");
        for (JsonElement event : data) {
            lines.add(event.toString());
        }
        return new Page(200, lines, body.get("lastId").getAsLong(), body.get("hasMore").getAsBoolean());
    }
}
