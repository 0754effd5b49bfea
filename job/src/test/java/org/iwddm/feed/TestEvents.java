package org.iwddm.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small, valid TaskEvents (FEED.md) for driver tests, whose subject is transport and loading
 * rather than the event rules (the realistic feed is org.iwddm.sim.FeedGenerator).
 */
public final class TestEvents {
    private static final String[] LIFECYCLE = {"new", "queued", "assigned", "completed"};
    public static final Instant START = Instant.parse("2026-11-20T08:00:00Z");

    private TestEvents() {
    }

    public static String event(long id, String taskId, String status, Instant at) {
        String agent = "assigned".equals(status) ? "{\"employeeId\":\"E7\",\"name\":\"Dana \\\"D\\\" Reyes\"}" : "null";
        return "{\"id\":" + id + ",\"taskId\":\"" + taskId + "\",\"eventType\":\"Updated\",\"timestamp\":\"" + at
                + "\",\"status\":\"" + status + "\",\"queue\":\"iWD_Queued\",\"agent\":" + agent
                + ",\"task\":{\"captureId\":\"SR-" + taskId + "\",\"tenant\":{\"id\":\"100\",\"name\":\"Acme\"},"
                + "\"solution\":{\"id\":\"S1\",\"name\":\"Production\"},"
                + "\"category\":{\"id\":\"C1\",\"path\":[\"Billing\",\"Refunds\"]},\"mediaType\":\"workitem\","
                + "\"priority\":10,\"businessValue\":50,\"createdDateTime\":\"" + START + "\","
                + "\"data\":{\"note\":\"back\\\\slash\\ttab \\u00e9\"}}}";
    }

    /** tasks × 4 lifecycle events, ids 1..n in feed order (task by task), a minute apart. */
    public static List<String> lifecycles(int tasks) {
        List<String> lines = new ArrayList<>();
        long id = 0;
        for (int task = 0; task < tasks; task++) {
            for (int step = 0; step < LIFECYCLE.length; step++) {
                Instant at = START.plus(Duration.ofMinutes(task + step));
                lines.add(event(++id, "T" + task, LIFECYCLE[step], at));
            }
        }
        return lines;
    }

    /** Valid JSON, bad event: no taskId (the database quarantines it). */
    public static String missingTaskId(long id) {
        return "{\"id\":" + id + ",\"eventType\":\"Created\",\"timestamp\":\"" + START + "\",\"status\":\"new\","
                + "\"task\":{\"tenant\":{\"id\":\"100\"},\"solution\":{\"id\":\"S1\"},\"category\":{\"path\":[\"A\"]}}}";
    }
}
