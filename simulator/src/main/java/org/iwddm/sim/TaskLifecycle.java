package org.iwddm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iwddm.sim.FeedEvent.TaskState;

/**
 * Generates one task's history in event-time order: Created -> Classified/Queued -> Assigned,
 * with holds, transfers, unassignments, reprioritizations, reclassifications and error holds,
 * until Completed / Canceled / Rejected (sometimes reopened by Restarted) or left open.
 */
final class TaskLifecycle {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long MAX_LIFE = 3 * 24 * HOUR;
    private static final int MAX_EVENTS = 40;
    private static final long[] SERVICE_LEVELS = {HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR};

    private final FeedVocabulary vocabulary;
    private final SplittableRandom random;
    private List<FeedEvent> events;
    private TaskState state;
    private FeedTask task;
    private long now;

    TaskLifecycle(FeedVocabulary vocabulary, SplittableRandom random) {
        this.vocabulary = vocabulary;
        this.random = random;
    }

    /** The task's events, ordered by timestamp (ties keep generation order). */
    List<FeedEvent> generate(FeedTask newTask, long firstEventMillis) {
        task = newTask;
        now = firstEventMillis;
        events = new ArrayList<>();
        state = new TaskState();
        create();
        classify();
        long deadline = firstEventMillis + MAX_LIFE;
        while (events.size() < MAX_EVENTS && now < deadline && step()) {
            // each step emits one or two events
        }
        return events;
    }

    private void create() {
        boolean captured = random.nextInt(10) == 0;
        state.status = captured ? "captured" : "new";
        state.queue = random.nextInt(5) == 0 ? null : captured ? FeedVocabulary.QUEUE_CAPTURED : FeedVocabulary.QUEUE_NEW;
        state.category = vocabulary.randomCategory(random);
        state.priority = random.nextInt(30) == 0 ? FeedEvent.NO_VALUE : randomPriority();
        state.businessValue = random.nextInt(30) == 0 ? FeedEvent.NO_VALUE : randomBusinessValue();
        state.dueMillis = randomDue(task.createdMillis);
        emit("Created");
    }

    private void classify() {
        // Automatic classification often happens within the same millisecond (a timestamp tie).
        if (random.nextInt(3) != 0) {
            advance(30 * SECOND);
        }
        state.status = "queued";
        state.queue = FeedTask.pick(random, FeedVocabulary.WAITING_QUEUES);
        emit(random.nextInt(10) < 3 ? "Queued" : "Classified");
        if (random.nextInt(4) == 0) {
            advance(5 * SECOND);
            state.priority = randomPriority();
            emit("Prioritized");
        }
    }

    /** One transition from the current status; false when the task stays as it is. */
    private boolean step() {
        return switch (state.status) {
            case "queued", "distributed" -> fromQueued(random.nextInt(100));
            case "assigned" -> fromAssigned(random.nextInt(100));
            case "held" -> fromHeld(random.nextInt(100));
            case "errorheld" -> fromErrorHeld(random.nextInt(100));
            default -> fromFinal(random.nextInt(100));
        };
    }

    private boolean fromQueued(int dice) {
        if (dice < 70) {
            assign();
        } else if (dice < 75) {
            reprioritize(10 * MINUTE);
        } else if (dice < 79) {
            reclassify(10 * MINUTE);
        } else if (dice < 82) {
            errorHold(20 * MINUTE);
        } else if (dice < 86) {
            finish("Canceled", 30 * MINUTE);
        } else if (dice < 88) {
            finish("Rejected", 5 * MINUTE);
        } else if (dice < 91) {
            reroute();
        } else if (dice < 94) {
            update(10 * MINUTE);
        } else {
            return false;
        }
        return true;
    }

    private boolean fromAssigned(int dice) {
        if (dice < 52) {
            finish("Completed", 6 * MINUTE);
        } else if (dice < 60) {
            hold();
        } else if (dice < 67) {
            transfer();
        } else if (dice < 74) {
            unassign();
        } else if (dice < 78) {
            reprioritize(3 * MINUTE);
        } else if (dice < 82) {
            update(3 * MINUTE);
        } else if (dice < 84) {
            reclassify(3 * MINUTE);
        } else if (dice < 86) {
            errorHold(5 * MINUTE);
        } else if (dice < 89) {
            finish("Canceled", 5 * MINUTE);
        } else if (dice < 90) {
            finish("Rejected", 5 * MINUTE);
        } else {
            return false;
        }
        return true;
    }

    private boolean fromHeld(int dice) {
        if (dice < 80) {
            advance(15 * MINUTE);
            state.status = "assigned";
            emit("Resumed");
        } else if (dice < 90) {
            finish("Canceled", 30 * MINUTE);
        } else {
            return false;
        }
        return true;
    }

    private boolean fromErrorHeld(int dice) {
        if (dice < 60) {
            advance(45 * MINUTE);
            state.status = "queued";
            state.queue = FeedTask.pick(random, FeedVocabulary.WAITING_QUEUES);
            emit(random.nextBoolean() ? "Queued" : "Resumed");
        } else if (dice < 85) {
            finish("Canceled", HOUR);
        } else {
            return false;
        }
        return true;
    }

    /** Mostly the end; sometimes reopened, rarely moved from one final status to another. */
    private boolean fromFinal(int dice) {
        if (dice < 6) {
            advance(8 * HOUR);
            state.status = "queued";
            state.queue = FeedVocabulary.WAITING_QUEUES[0];
            state.agent = FeedEvent.NO_AGENT;
            state.resultCode = null;
            emit("Restarted");
            return true;
        }
        if (dice < 8 && state.status.equals("completed")) {
            finish("Canceled", 2 * HOUR);
            return true;
        }
        return false;
    }

    private void assign() {
        advance(10 * MINUTE);
        if (random.nextInt(20) == 0) {
            state.status = "distributed";
            emit("Offered"); // not in the simulator's list: unknown event types are valid
            advance(20 * SECOND);
        }
        state.status = "assigned";
        state.agent = random.nextInt(vocabulary.agents.length);
        emit("Assigned");
    }

    private void hold() {
        advance(4 * MINUTE);
        state.status = "held";
        emit("Held");
    }

    private void transfer() {
        advance(4 * MINUTE);
        state.agent = (state.agent + 1 + random.nextInt(vocabulary.agents.length - 1)) % vocabulary.agents.length;
        emit("Transferred");
    }

    private void unassign() {
        advance(4 * MINUTE);
        state.status = "queued";
        state.agent = FeedEvent.NO_AGENT;
        emit("Unassigned");
    }

    private void reprioritize(long meanDelay) {
        advance(meanDelay);
        state.priority = randomPriority();
        if (random.nextBoolean()) {
            state.businessValue = randomBusinessValue();
        }
        emit("Reprioritized");
    }

    private void reclassify(long meanDelay) {
        advance(meanDelay);
        state.category = vocabulary.randomCategory(random);
        emit(random.nextBoolean() ? "Classified" : "Updated");
    }

    private void update(long meanDelay) {
        advance(meanDelay);
        long base = state.dueMillis == FeedTask.NO_TIME ? now : state.dueMillis;
        state.dueMillis = base + SERVICE_LEVELS[random.nextInt(SERVICE_LEVELS.length)];
        emit("Updated");
    }

    private void reroute() {
        advance(15 * MINUTE);
        String other = FeedTask.pick(random, FeedVocabulary.WAITING_QUEUES);
        state.queue = other.equals(state.queue) ? FeedVocabulary.WAITING_QUEUES[2] : other;
        state.status = "queued";
        emit("Queued");
    }

    private void errorHold(long meanDelay) {
        advance(meanDelay);
        state.status = "errorheld";
        state.queue = FeedVocabulary.QUEUE_ERROR_HELD;
        state.agent = FeedEvent.NO_AGENT;
        emit("ErrorHeld");
    }

    private void finish(String type, long meanDelay) {
        advance(meanDelay);
        switch (type) {
            case "Completed" -> finalState("completed", FeedVocabulary.QUEUE_COMPLETED, random.nextBoolean());
            case "Canceled" -> finalState("canceled", FeedVocabulary.QUEUE_CANCELED, false);
            default -> finalState("rejected", FeedVocabulary.QUEUE_REJECTED, false);
        }
        emit(type);
    }

    private void finalState(String status, String queue, boolean keepAgent) {
        state.status = status;
        state.queue = queue;
        state.agent = keepAgent ? state.agent : FeedEvent.NO_AGENT;
        state.resultCode = FeedTask.pick(random, FeedVocabulary.RESULT_CODES);
    }

    private void emit(String type) {
        int offset = random.nextInt(100) < 15 ? 120 : 0;
        events.add(new FeedEvent(task, type, now, offset, state, random.nextInt(50) == 0));
    }

    /** Moves time on by an exponentially distributed delay of the given mean, at least 1 ms. */
    private void advance(long meanMillis) {
        now += Math.max(1, (long) (-meanMillis * Math.log(1 - random.nextDouble())));
    }

    private long randomDue(long createdMillis) {
        int dice = random.nextInt(100);
        if (dice < 5) {
            return FeedTask.NO_TIME;
        }
        if (dice < 13) {
            return createdMillis - HOUR - random.nextLong(23 * HOUR); // overdue from the start
        }
        return createdMillis + SERVICE_LEVELS[random.nextInt(SERVICE_LEVELS.length)];
    }

    private int randomPriority() {
        int dice = random.nextInt(100);
        if (dice < 1) {
            return -random.nextInt(1, 10);
        }
        int[] bounds = dice < 21 ? new int[] {0, 10} : dice < 51 ? new int[] {10, 50}
                : dice < 71 ? new int[] {50, 100} : dice < 86 ? new int[] {100, 200}
                : dice < 94 ? new int[] {200, 500} : dice < 98 ? new int[] {500, 1000} : new int[] {1000, 5000};
        return random.nextInt(bounds[0], bounds[1]);
    }

    private int randomBusinessValue() {
        int dice = random.nextInt(100);
        if (dice < 2) {
            return -random.nextInt(1, 5);
        }
        if (dice < 92) {
            return random.nextInt(0, 100);
        }
        return dice < 96 ? random.nextInt(100, 200) : dice < 98 ? random.nextInt(200, 500) : random.nextInt(500, 1000);
    }
}
