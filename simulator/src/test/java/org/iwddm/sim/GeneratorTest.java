package org.iwddm.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The feed generator: deterministic, well-ordered, realistic, and honouring its shares. */
class GeneratorTest {
    private static final FeedConfig MIXED = FeedConfig.builder().seed(20261120).tasks(3000)
            .lateShare(0.08).badShare(0.03).duplicateShare(0.04).build();

    private static List<String> mixedTexts;
    private static FeedSummary mixedSummary;
    private static List<Line> mixedLines;

    /** One emitted line, read back: parsed (null: not JSON), re-send or not, its problems. */
    private record Line(String text, boolean resend, JsonElement parsed, List<String> problems) {
        boolean good() {
            return !resend && problems.isEmpty();
        }

        JsonObject event() {
            return parsed != null && parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        }
    }

    private static List<Line> read(List<String> texts) {
        Set<String> seen = new HashSet<>();
        List<Line> lines = new ArrayList<>();
        for (String text : texts) {
            JsonElement parsed = FeedLineCheck.parse(text);
            lines.add(new Line(text, !seen.add(text), parsed, FeedLineCheck.problems(parsed)));
        }
        return lines;
    }

    /** The MIXED feed, generated and read once for the tests that only look at it. */
    private static synchronized List<Line> mixed() {
        if (mixedLines == null) {
            mixedTexts = new ArrayList<>();
            mixedSummary = new FeedGenerator(MIXED).forEachLine(mixedTexts::add);
            mixedLines = read(mixedTexts);
        }
        return mixedLines;
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        mixed();
        List<String> first = mixedTexts;
        assertEquals(first, new FeedGenerator(MIXED).lines(), "a second pass with the same config is identical");
        List<String> other = new FeedGenerator(MIXED.toBuilder().seed(MIXED.seed() + 1).build()).lines();
        assertNotEquals(first, other, "another seed gives another feed");
    }

    @Test
    void writeEmitsTheSameLinesAsNdjsonAndForEachLineCountsThem() {
        FeedGenerator generator = new FeedGenerator(MIXED.toBuilder().tasks(300).build());
        StringWriter out = new StringWriter();
        long written = generator.write(out);
        List<String> lines = generator.lines();
        assertEquals(lines.size(), written, "write returns the number of lines");
        assertEquals(String.join("\n", lines) + "\n", out.toString(), "NDJSON: one line per event");
        FeedSummary summary = generator.forEachLine(line -> { });
        assertEquals(lines.size(), summary.lines(), "the summary counts every line");
        assertEquals(summary.lines(), summary.goodEvents() + summary.badEvents() + summary.duplicateLines(),
                "every line is a good event, a bad event or a re-send");
    }

    @Test
    void theIteratorEndsCleanly() {
        FeedStream stream = new FeedGenerator(MIXED.toBuilder().tasks(5).build()).iterator();
        int count = 0;
        while (stream.hasNext()) {
            stream.next();
            count++;
        }
        assertTrue(count >= 5, "at least one event per task");
        assertThrowsNoSuchElement(stream);
        assertEquals(0, new FeedGenerator(MIXED.toBuilder().tasks(0).build()).lines().size(), "no tasks, no lines");
    }

    private static void assertThrowsNoSuchElement(FeedStream stream) {
        try {
            stream.next();
        } catch (NoSuchElementException expected) {
            return;
        }
        throw new AssertionError("next() after the end must throw NoSuchElementException");
    }

    @Test
    void theCachedSerializationOfGoodEventsEqualsTheJsonWriterOne() {
        SplittableRandom random = new SplittableRandom(7);
        FeedVocabulary vocabulary = new FeedVocabulary(MIXED, random);
        long start = MIXED.start().toEpochMilli();
        FeedEventJson reference = new FeedEventJson(vocabulary, start + 3 * 3_600_000L);
        CachedEventJson cached = new CachedEventJson(reference, vocabulary);
        TaskLifecycle lifecycle = new TaskLifecycle(vocabulary, random);
        int compared = 0;
        for (int task = 0; task < 2000; task++) {
            long created = start + task * 10_000L;
            for (FeedEvent event : lifecycle.generate(new FeedTask(task, created, MIXED, vocabulary, random), created)) {
                long id = 1000L + compared++;
                assertEquals(reference.write(event, id), cached.write(event, id), "the same text either way");
            }
        }
        assertTrue(compared > 5000, "many events were compared");
    }

    @Test
    void everyBadKindBreaksAFeedRuleAndTheUncorruptedEventBreaksNone() {
        SplittableRandom random = new SplittableRandom(3);
        FeedVocabulary vocabulary = new FeedVocabulary(MIXED, random);
        FeedEventJson json = new FeedEventJson(vocabulary, Long.MAX_VALUE);
        long start = MIXED.start().toEpochMilli();
        for (int task = 0; task < 20; task++) {
            for (FeedEvent good : new TaskLifecycle(vocabulary, random)
                    .generate(new FeedTask(task, start, MIXED, vocabulary, random), start)) {
                assertEquals(List.of(), FeedLineCheck.problems(json.write(good, 10)), "a good event is good");
                for (BadEventKind kind : BadEventKind.values()) {
                    for (long id = 10; id < 14; id++) { // the id picks among a kind's variants
                        String line = json.write(new FeedEvent(good, Set.of(kind)), id);
                        assertFalse(FeedLineCheck.problems(line).isEmpty(), kind + " makes an event bad: " + line);
                    }
                }
            }
        }
    }

    @Test
    void eachLineIsOneLineOfStrictJsonAndIdsOfNewEventsStrictlyIncrease() {
        long previous = -1;
        for (Line line : mixed()) {
            assertFalse(line.text().contains("\n") || line.text().contains("\r"), "no raw line breaks: " + line.text());
            assertTrue(line.parsed() != null, "strict JSON: " + line.text());
            Long id = integerId(line.event());
            if (!line.resend() && id != null) {
                assertTrue(id > previous, "ids strictly increase: " + id + " after " + previous);
                previous = id;
            }
            if (line.resend() && id != null) {
                assertTrue(id <= previous, "a re-send repeats an id already served: " + id);
            }
        }
    }

    private static Long integerId(JsonObject event) {
        JsonElement id = event == null ? null : event.get("id");
        if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        return Long.parseLong(id.getAsString());
    }

    @Test
    void goodLinesAreGoodBadLinesAreBadAndTheCountsMatchTheSummary() {
        List<Line> lines = mixed();
        FeedSummary summary = mixedSummary;
        long resends = lines.stream().filter(Line::resend).count();
        long bad = lines.stream().filter(l -> !l.resend() && !l.problems().isEmpty()).count();
        long good = lines.stream().filter(Line::good).count();
        assertEquals(summary.duplicateLines(), resends, "re-sends are exact copies of earlier lines");
        assertEquals(summary.badEvents(), bad, "exactly the bad events break a FEED rule");
        assertEquals(summary.goodEvents(), good, "every good event passes every FEED rule");
        assertEquals(MIXED.tasks(), lines.stream().filter(Line::good)
                .map(l -> l.event().get("taskId").getAsString()).distinct().count(), "every task has good events");
    }

    @Test
    void lateEventsReallyArriveAfterALaterEventOfTheirTask() {
        Map<String, Instant> latestSoFar = new HashMap<>();
        long late = 0;
        for (Line line : mixed()) {
            if (!line.good()) {
                continue;
            }
            Instant at = FeedLineCheck.parseTime(line.event().get("timestamp")).toInstant();
            Instant latest = latestSoFar.merge(line.event().get("taskId").getAsString(), at,
                    (a, b) -> a.isAfter(b) ? a : b);
            late += latest.isAfter(at) ? 1 : 0;
        }
        assertEquals(mixedSummary.lateEvents(), late, "a late event has a higher id but an earlier timestamp");
        assertTrue(late > 0, "the feed has late events");
    }

    @Test
    void requestedSharesAreRoughlyHonoured() {
        for (double share : new double[] {0.0, 0.02, 0.1}) {
            FeedConfig config = MIXED.toBuilder().tasks(4000).lateShare(share).badShare(share / 2)
                    .duplicateShare(share).build();
            FeedSummary summary = new FeedGenerator(config).forEachLine(line -> { });
            assertShare(share, summary.lateEvents(), summary.goodEvents(), "late share");
            assertShare(share / 2, summary.badEvents(), summary.goodEvents() + summary.badEvents(), "bad share");
            assertShare(share, summary.duplicateLines(), summary.lines(), "duplicate share");
        }
    }

    /** Within 25% of the requested share (or exactly none when none was asked for). */
    private static void assertShare(double requested, long count, long total, String what) {
        double actual = (double) count / total;
        if (requested == 0) {
            assertEquals(0, count, what + " must be 0");
        } else {
            assertTrue(Math.abs(actual - requested) <= requested * 0.25,
                    what + ": requested " + requested + ", got " + actual);
        }
    }

    @Test
    void theFeedIsRealistic() {
        List<Line> good = mixed().stream().filter(Line::good).toList();
        Set<String> eventTypes = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<Integer> pathLengths = new HashSet<>();
        for (Line line : good) {
            eventTypes.add(line.event().get("eventType").getAsString());
            statuses.add(line.event().get("status").getAsString());
            pathLengths.add(line.event().getAsJsonObject("task").getAsJsonObject("category").getAsJsonArray("path").size());
        }
        assertTrue(eventTypes.containsAll(Set.of("Created", "Classified", "Prioritized", "Reprioritized", "Queued",
                "Assigned", "Unassigned", "Transferred", "Held", "Resumed", "Updated", "Restarted", "ErrorHeld",
                "Completed", "Canceled", "Rejected")), "every simulator event type occurs: " + eventTypes);
        assertTrue(statuses.containsAll(Set.of("new", "captured", "queued", "assigned", "held", "errorheld",
                "completed", "canceled", "rejected", "distributed")), "statuses: " + statuses);
        assertEquals(Set.of(1, 2, 3, 4), pathLengths, "category paths have 1 to 4 levels");
        String all = String.join("\n", good.stream().map(Line::text).toList());
        for (String needle : List.of("\\t", "\\n", "\\\"", "\\\\", "顧客", "Zürich", "+02:00\"", "iWD_Completed")) {
            assertTrue(all.contains(needle), "some good line holds " + needle);
        }
    }

    @Test
    void historiesArePlausible() {
        Map<String, List<JsonObject>> byTask = new HashMap<>();
        mixed().stream().filter(Line::good)
                .forEach(l -> byTask.computeIfAbsent(l.event().get("taskId").getAsString(), k -> new ArrayList<>()).add(l.event()));
        int overdue = 0;
        int reopened = 0;
        for (List<JsonObject> events : byTask.values()) {
            events.sort((a, b) -> compareHistory(a, b));
            assertTrue(Set.of("new", "captured").contains(events.get(0).get("status").getAsString()),
                    "a task starts new or captured: " + events.get(0));
            assertEquals("Created", events.get(0).get("eventType").getAsString(), "a task starts with Created");
            for (JsonObject event : events) {
                assertAgentMatchesStatus(event);
            }
            overdue += isOverdueAtCreation(events.get(0)) ? 1 : 0;
            reopened += events.stream().anyMatch(e -> e.get("eventType").getAsString().equals("Restarted")) ? 1 : 0;
        }
        assertTrue(overdue > 0, "some tasks are due before they are created (overdue)");
        assertTrue(reopened > 0, "some tasks are reopened after a final status");
    }

    private static int compareHistory(JsonObject a, JsonObject b) {
        int byTime = FeedLineCheck.parseTime(a.get("timestamp")).toInstant()
                .compareTo(FeedLineCheck.parseTime(b.get("timestamp")).toInstant());
        return byTime != 0 ? byTime : Long.compare(a.get("id").getAsLong(), b.get("id").getAsLong());
    }

    private static void assertAgentMatchesStatus(JsonObject event) {
        String status = event.get("status").getAsString();
        boolean hasAgent = !FeedLineCheck.isAbsent(event.get("agent"));
        if (status.equals("assigned") || status.equals("held")) {
            assertTrue(hasAgent, "an assigned or held task has an agent: " + event);
        }
        if (Set.of("new", "captured", "queued", "errorheld", "canceled", "rejected").contains(status)) {
            assertFalse(hasAgent, "a task " + status + " has no agent: " + event);
        }
    }

    private static boolean isOverdueAtCreation(JsonObject created) {
        JsonElement due = created.getAsJsonObject("task").get("dueDateTime");
        return !FeedLineCheck.isAbsent(due) && FeedLineCheck.parseTime(due).toInstant()
                .isBefore(FeedLineCheck.parseTime(created.get("timestamp")).toInstant());
    }
}
