package org.iwddm.sim;

import java.util.Set;

/**
 * One event of a task as it will be emitted: the task's state after the event, when it happened
 * and when it reaches the feed (arrival, which decides its id). Bad events are corrupted copies.
 */
final class FeedEvent implements Comparable<FeedEvent> {
    static final int NO_VALUE = Integer.MIN_VALUE;
    static final int NO_AGENT = -1;

    final FeedTask task;
    final String type;
    final long millis;
    final int offsetMinutes;
    final String status;
    final String queue;
    final int agent;
    final boolean agentNameMissing;
    final int category;
    final int priority;
    final int businessValue;
    final long dueMillis;
    final String resultCode;
    final Set<BadEventKind> badKinds;

    long arrival;
    long seq;
    boolean late;

    FeedEvent(FeedTask task, String type, long millis, int offsetMinutes, TaskState state,
            boolean agentNameMissing) {
        this.task = task;
        this.type = type;
        this.millis = millis;
        this.offsetMinutes = offsetMinutes;
        this.status = state.status;
        this.queue = state.queue;
        this.agent = state.agent;
        this.agentNameMissing = agentNameMissing;
        this.category = state.category;
        this.priority = state.priority;
        this.businessValue = state.businessValue;
        this.dueMillis = state.dueMillis;
        this.resultCode = state.resultCode;
        this.badKinds = Set.of();
    }

    /** A bad copy of a good event: same content, corrupted as the kinds say. */
    FeedEvent(FeedEvent good, Set<BadEventKind> badKinds) {
        this.task = good.task;
        this.type = good.type;
        this.millis = good.millis;
        this.offsetMinutes = good.offsetMinutes;
        this.status = good.status;
        this.queue = good.queue;
        this.agent = good.agent;
        this.agentNameMissing = good.agentNameMissing;
        this.category = good.category;
        this.priority = good.priority;
        this.businessValue = good.businessValue;
        this.dueMillis = good.dueMillis;
        this.resultCode = good.resultCode;
        this.badKinds = Set.copyOf(badKinds);
    }

    /** Emission order: arrival, then scheduling order (so ties are deterministic). */
    @Override
    public int compareTo(FeedEvent other) {
        int byArrival = Long.compare(arrival, other.arrival);
        return byArrival != 0 ? byArrival : Long.compare(seq, other.seq);
    }

    boolean isBad() {
        return !badKinds.isEmpty();
    }

    boolean has(BadEventKind kind) {
        return badKinds.contains(kind);
    }

    /** The mutable state of a task while its lifecycle is generated. */
    static final class TaskState {
        String status;
        String queue;
        int agent = NO_AGENT;
        int category;
        int priority = NO_VALUE;
        int businessValue = NO_VALUE;
        long dueMillis = FeedTask.NO_TIME;
        String resultCode;
    }
}
