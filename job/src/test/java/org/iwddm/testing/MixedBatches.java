package org.iwddm.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Batches built on purpose so that one batch brings, for the same task, events after its last
 * stored event (in order) together with late ones, and so that late events land before a
 * task's first stored event. The feed is taken in arrival order (FeedGenerator's ids), then for
 * some tasks one event is moved: the earliest (by timestamp, id) to just after the task's middle
 * event, or to the very end of the feed (after historical runs moved the task); or a middle
 * event to just after the task's last one. The result is cut into consecutive batches.
 * {@link #stats()} counts what the batches really contain, so a test can prove the cases occur.
 */
final class MixedBatches {
    /** A good event of the feed: its id, task and timestamp, and every line that carries it (re-sent copies too). */
    private record Event(long id, String task, Instant ts, List<Integer> lines) {
    }

    /** What the batches contain, per (batch, task) and per event, as a loader would see it. */
    record Stats(int batchTasksMixingInOrderAndLate, int eventsBeforeFirstStored, int batchTasksMixingInOrderAndBeforeFirst) {
        @Override
        public String toString() {
            return "batch/task pairs mixing in-order and late events " + batchTasksMixingInOrderAndLate
                    + ", events before the task's first stored event " + eventsBeforeFirstStored
                    + ", batch/task pairs mixing in-order and before-first events " + batchTasksMixingInOrderAndBeforeFirst;
        }
    }

    private static final Comparator<Event> HISTORY_ORDER = Comparator.comparing(Event::ts).thenComparingLong(Event::id);

    private final List<List<String>> batches;
    private final List<Map<String, Instant>> earliestByTask;
    private final Stats stats;

    private MixedBatches(List<List<String>> batches, List<Map<String, Instant>> earliestByTask, Stats stats) {
        this.batches = batches;
        this.earliestByTask = earliestByTask;
        this.stats = stats;
    }

    List<List<String>> batches() {
        return batches;
    }

    /** Task id -> timestamp of its earliest good event in the given batch. */
    Map<String, Instant> earliestByTask(int batch) {
        return earliestByTask.get(batch);
    }

    Stats stats() {
        return stats;
    }

    /** Moves one event of two in three tasks with three or more events, then cuts batches of 1 .. lines/12. */
    static MixedBatches of(List<String> lines, Random random) {
        Map<Long, Event> events = goodEvents(lines);
        List<List<Integer>> cut = cut(arrivalOrder(lines.size(), events.values(), random), random,
                Math.max(2, lines.size() / 12));
        Event[] eventOfLine = new Event[lines.size()];
        events.values().forEach(event -> event.lines().forEach(line -> eventOfLine[line] = event));
        List<List<String>> batches = new ArrayList<>();
        List<Map<String, Instant>> earliest = new ArrayList<>();
        for (List<Integer> batch : cut) {
            List<String> text = new ArrayList<>();
            Map<String, Instant> earliestOfBatch = new HashMap<>();
            for (int i : batch) {
                text.add(lines.get(i));
                if (eventOfLine[i] != null) {
                    earliestOfBatch.merge(eventOfLine[i].task(), eventOfLine[i].ts(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            Collections.shuffle(text, random);
            batches.add(text);
            earliest.add(earliestOfBatch);
        }
        return new MixedBatches(batches, earliest, stats(cut, eventOfLine));
    }

    /** Line indexes in the order they arrive once the moves are made. */
    private static List<Integer> arrivalOrder(int lineCount, Iterable<Event> events, Random random) {
        double[] position = new double[lineCount];
        for (int i = 0; i < lineCount; i++) {
            position[i] = i;
        }
        for (List<Event> history : histories(events)) {
            if (history.size() >= 3) {
                moveOne(history, position, random, lineCount);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> position[i]));
        return order;
    }

    /** One move for two tasks in three: earliest after the middle, earliest to the end, or middle after the last. */
    private static void moveOne(List<Event> history, double[] position, Random random, int end) {
        Event first = history.get(0);
        Event middle = history.get(history.size() / 2);
        Event last = history.get(history.size() - 1);
        switch (random.nextInt(6)) {
            case 0, 1 -> moveAfter(first, position[middle.lines().get(0)], position);
            case 2 -> moveAfter(first, end + first.lines().get(0), position);
            case 3 -> moveAfter(middle, position[last.lines().get(0)], position);
            default -> { }
        }
    }

    /** Every line of the event goes just after the given position, in their own order. */
    private static void moveAfter(Event event, double after, double[] position) {
        for (int i = 0; i < event.lines().size(); i++) {
            position[event.lines().get(i)] = after + (i + 1) / (event.lines().size() + 2.0);
        }
    }

    /** Every good event id with its lines (bad lines stay where they are). */
    private static Map<Long, Event> goodEvents(List<String> lines) {
        Map<Long, Event> events = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Event event = parse(lines.get(i));
            if (event != null) {
                events.computeIfAbsent(event.id(), id -> event).lines().add(i);
            }
        }
        return events;
    }

    /** Null for a line that is not a well-formed event (the feed's bad events); those are never moved. */
    private static Event parse(String text) {
        try {
            JsonObject object = JsonParser.parseString(text).getAsJsonObject();
            JsonElement id = object.get("id");
            JsonElement task = object.get("taskId");
            JsonElement ts = object.get("timestamp");
            if (id == null || task == null || ts == null || !id.isJsonPrimitive() || !task.isJsonPrimitive()
                    || !ts.isJsonPrimitive()) {
                return null;
            }
            return new Event(id.getAsLong(), task.getAsString(), Instant.parse(ts.getAsString()), new ArrayList<>());
        } catch (RuntimeException notAnEvent) {
            return null;
        }
    }

    private static List<List<Event>> histories(Iterable<Event> events) {
        Map<String, List<Event>> byTask = new LinkedHashMap<>();
        for (Event event : events) {
            byTask.computeIfAbsent(event.task(), task -> new ArrayList<>()).add(event);
        }
        byTask.values().forEach(history -> history.sort(HISTORY_ORDER));
        return new ArrayList<>(byTask.values());
    }

    private static List<List<Integer>> cut(List<Integer> order, Random random, int maxSize) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); ) {
            int to = Math.min(order.size(), from + 1 + random.nextInt(maxSize));
            batches.add(order.subList(from, to));
            from = to;
        }
        return batches;
    }

    /**
     * Replays the batches in order, keeping per task the earliest and latest stored event, and
     * classifies each event's first arrival: after the last stored (in order), between, or
     * before the first stored event of its task.
     */
    private static Stats stats(List<List<Integer>> batches, Event[] eventOfLine) {
        Map<String, Event[]> stored = new HashMap<>();
        Set<Long> storedIds = new HashSet<>();
        int mixing = 0;
        int beforeFirst = 0;
        int mixingBeforeFirst = 0;
        for (List<Integer> batch : batches) {
            Map<String, int[]> kinds = new HashMap<>();
            List<Event> arriving = new ArrayList<>();
            for (int line : batch) {
                Event event = eventOfLine[line];
                if (event != null && !storedIds.contains(event.id()) && !arriving.contains(event)) {
                    arriving.add(event);
                    Event[] bounds = stored.get(event.task());
                    if (bounds != null) {
                        kinds.computeIfAbsent(event.task(), task -> new int[3])[kind(event, bounds)]++;
                    }
                }
            }
            for (int[] kind : kinds.values()) {
                mixing += kind[0] > 0 && kind[1] + kind[2] > 0 ? 1 : 0;
                mixingBeforeFirst += kind[0] > 0 && kind[2] > 0 ? 1 : 0;
                beforeFirst += kind[2];
            }
            for (Event event : arriving) {
                storedIds.add(event.id());
                stored.merge(event.task(), new Event[] {event, event}, (old, one) -> new Event[] {
                        HISTORY_ORDER.compare(event, old[0]) < 0 ? event : old[0],
                        HISTORY_ORDER.compare(event, old[1]) > 0 ? event : old[1]});
            }
        }
        return new Stats(mixing, beforeFirst, mixingBeforeFirst);
    }

    /** 0: after the task's last stored event; 1: between its first and last; 2: before its first. */
    private static int kind(Event event, Event[] bounds) {
        if (HISTORY_ORDER.compare(event, bounds[1]) > 0) {
            return 0;
        }
        return HISTORY_ORDER.compare(event, bounds[0]) < 0 ? 2 : 1;
    }
}
