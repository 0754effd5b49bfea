package org.iwddm.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One pass over a generated feed. Tasks are created in time order; each task's whole history is
 * generated at once and its events wait in a queue ordered by arrival at IWD. An event is
 * emitted (and gets its id) once no task still to be created can have an event arriving before
 * it. Re-sends wait in a second small queue until a few more lines have gone out.
 */
public final class FeedStream implements Iterator<String> {
    private static final BadEventKind[] BAD_KINDS = BadEventKind.values();

    private final FeedConfig config;
    private final SplittableRandom taskRandom;
    private final SplittableRandom emitRandom;
    private final FeedVocabulary vocabulary;
    private final TaskLifecycle lifecycle;
    private final FeedEventJson json;
    private final CachedEventJson cachedJson;
    private final PriorityQueue<FeedEvent> pending = new PriorityQueue<>();
    private final PriorityQueue<Resend> resends = new PriorityQueue<>();
    private int nextTask;
    private long nextTaskMillis;
    private long seq;
    private long lastId;
    private long firstId;
    private long lines;
    private long goodEvents;
    private long lateEvents;
    private long badEvents;
    private long duplicateLines;
    private long lastArrival;

    /** A line to send again once {@code dueAfter} lines have been emitted. */
    private record Resend(long dueAfter, long order, String line) implements Comparable<Resend> {
        @Override
        public int compareTo(Resend other) {
            int byDue = Long.compare(dueAfter, other.dueAfter);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }

    FeedStream(FeedConfig config) {
        this.config = config;
        SplittableRandom root = new SplittableRandom(config.seed());
        this.taskRandom = root.split();
        this.emitRandom = root.split();
        this.vocabulary = new FeedVocabulary(config, root.split());
        this.lifecycle = new TaskLifecycle(vocabulary, taskRandom);
        long spanMillis = (long) (config.tasks() / config.tasksPerHour() * 3_600_000);
        this.json = new FeedEventJson(vocabulary, config.start().toEpochMilli() + spanMillis / 2);
        this.cachedJson = new CachedEventJson(json, vocabulary);
        this.nextTaskMillis = config.start().toEpochMilli();
        this.lastId = emitRandom.nextInt(1000);
    }

    @Override
    public boolean hasNext() {
        return !resends.isEmpty() || !pending.isEmpty() || nextTask < config.tasks();
    }

    @Override
    public String next() {
        if (!resends.isEmpty() && resends.peek().dueAfter() <= lines) {
            return emitResend();
        }
        createTasksThatCouldPrecedeTheHead();
        if (pending.isEmpty()) {
            if (resends.isEmpty()) {
                throw new NoSuchElementException();
            }
            return emitResend();
        }
        return emitEvent(pending.poll());
    }

    /**
     * When the line last returned by {@link #next()} reached IWD (epoch millis): the feed's
     * arrival order, never decreasing, so a simulated IWD serves a line once its clock passed it.
     */
    public long lastArrivalMillis() {
        return lastArrival;
    }

    /** What has been emitted so far (everything, once hasNext() is false). */
    public FeedSummary summary() {
        return new FeedSummary(lines, nextTask, goodEvents, lateEvents, badEvents, duplicateLines,
                firstId, lastId);
    }

    /**
     * Creates tasks until the next one starts after the first pending event arrives: its events
     * arrive no earlier than it starts, and ties go to the earlier-scheduled event.
     */
    private void createTasksThatCouldPrecedeTheHead() {
        while (nextTask < config.tasks() && (pending.isEmpty() || nextTaskMillis <= pending.peek().arrival)) {
            FeedTask task = new FeedTask(nextTask, nextTaskMillis, config, vocabulary, taskRandom);
            List<FeedEvent> events = lifecycle.generate(task, nextTaskMillis);
            planArrivals(events);
            pending.addAll(events);
            pending.addAll(badCopies(events));
            nextTask++;
            double meanGapMillis = 3_600_000 / config.tasksPerHour();
            nextTaskMillis += Math.max(1, (long) (-meanGapMillis * Math.log(1 - taskRandom.nextDouble())));
        }
    }

    /**
     * Arrival = timestamp plus a short transport delay, but never after any later event of the
     * task (so only the chosen events are late); a late event instead arrives after the task's
     * next event, which is strictly later.
     */
    private void planArrivals(List<FeedEvent> events) {
        int count = events.size();
        double lateChance = count < 2 ? 0 : Math.min(1, config.lateShare() * count / (count - 1));
        for (FeedEvent event : events) {
            event.seq = seq++;
        }
        long earliestFollowing = Long.MAX_VALUE;
        for (int i = count - 1; i >= 0; i--) {
            FeedEvent event = events.get(i);
            boolean canBeLate = i < count - 1 && events.get(i + 1).millis > event.millis;
            if (canBeLate && taskRandom.nextDouble() < lateChance) {
                event.late = true;
                event.arrival = events.get(i + 1).arrival + 1 + lateDelay();
            } else {
                event.arrival = Math.min(event.millis + 5 + taskRandom.nextInt(2000), earliestFollowing);
            }
            earliestFollowing = Math.min(earliestFollowing, event.arrival);
        }
    }

    /** Mostly minutes, sometimes hours. */
    private long lateDelay() {
        long mean = taskRandom.nextInt(10) == 0 ? 3 * 3_600_000L : 120_000L;
        return (long) (-mean * Math.log(1 - taskRandom.nextDouble()));
    }

    /** Extra bad events: corrupted copies of some of the task's events, arriving just after them. */
    private List<FeedEvent> badCopies(List<FeedEvent> events) {
        double chance = config.badShare() / (1 - config.badShare());
        List<FeedEvent> copies = new ArrayList<>();
        for (FeedEvent event : events) {
            if (taskRandom.nextDouble() < chance) {
                FeedEvent copy = new FeedEvent(event, randomBadKinds());
                copy.arrival = event.arrival + taskRandom.nextInt(5000);
                copy.seq = seq++;
                copies.add(copy);
            }
        }
        return copies;
    }

    private Set<BadEventKind> randomBadKinds() {
        Set<BadEventKind> kinds = EnumSet.of(BAD_KINDS[taskRandom.nextInt(BAD_KINDS.length)]);
        if (taskRandom.nextInt(10) == 0) {
            kinds.add(BAD_KINDS[taskRandom.nextInt(BAD_KINDS.length)]);
        }
        return kinds;
    }

    private String emitEvent(FeedEvent event) {
        lastId += 1 + (emitRandom.nextInt(10) == 0 ? emitRandom.nextInt(1, 100) : 0);
        firstId = firstId == 0 ? lastId : firstId;
        String line = event.isBad() ? json.write(event, lastId) : cachedJson.write(event, lastId);
        lastArrival = event.arrival;
        lines++;
        if (event.isBad()) {
            badEvents++;
        } else {
            goodEvents++;
            lateEvents += event.late ? 1 : 0;
        }
        if (emitRandom.nextDouble() < config.duplicateShare() / (1 - config.duplicateShare())) {
            resends.add(new Resend(lines + emitRandom.nextInt(1, 40), lines, line));
        }
        return line;
    }

    private String emitResend() {
        lines++;
        duplicateLines++;
        return resends.poll().line();
    }
}
