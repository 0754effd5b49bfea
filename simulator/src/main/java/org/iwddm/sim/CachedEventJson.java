package org.iwddm.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Good events, fast: the line is assembled from pieces that {@link FeedEventJson}'s JsonWriter
 * code serialized once (vocabulary objects, each task's unchanging members, quoted vocabulary
 * strings), so nothing is escaped twice; escaping dominated the generator's cost. The text is
 * exactly FeedEventJson's (GeneratorTest compares the two on every event of a feed).
 */
final class CachedEventJson {
    private static final int RENAMED = 1;
    private static final int NAMELESS = 2;

    private final FeedEventJson reference;
    private final String[] categoryJson;
    private final String[][] agentJson;
    private final Map<String, String> quoted = new HashMap<>();

    CachedEventJson(FeedEventJson reference, FeedVocabulary vocabulary) {
        this.reference = reference;
        categoryJson = new String[vocabulary.categories.length];
        for (int i = 0; i < categoryJson.length; i++) {
            FeedVocabulary.Category category = vocabulary.categories[i];
            categoryJson[i] = FeedEventJson.fragment(json -> FeedEventJson.category(json, category, Set.of()));
        }
        agentJson = new String[vocabulary.agents.length][4];
        for (int i = 0; i < agentJson.length; i++) {
            for (int variant = 0; variant < 4; variant++) {
                FeedVocabulary.Agent agent = vocabulary.agents[i];
                boolean renamed = (variant & RENAMED) != 0;
                boolean nameless = (variant & NAMELESS) != 0;
                agentJson[i][variant] = FeedEventJson.fragment(json -> FeedEventJson.agent(json, agent, renamed, nameless));
            }
        }
    }

    /** The line of a good event (bad ones go through FeedEventJson). */
    String write(FeedEvent event, long id) {
        FeedTask task = event.task;
        StringBuilder line = new StringBuilder(1024);
        // Task ids are base62 and timestamps digits: nothing in them needs escaping.
        line.append("{\"id\":").append(id).append(",\"taskId\":\"").append(task.taskId)
                .append("\",\"eventType\":").append(quote(event.type))
                .append(",\"timestamp\":\"").append(IsoTimestamps.format(event.millis, event.offsetMinutes))
                .append("\",\"status\":").append(quote(event.status));
        optional(line, task, "queue", event.queue == null ? null : quote(event.queue));
        optional(line, task, "agent", event.agent == FeedEvent.NO_AGENT ? null : agentJson[event.agent][agentVariant(event)]);
        line.append(",\"task\":{").append(staticMembers(task, reference.renamedAt(event.millis)))
                .append(",\"category\":").append(categoryJson[event.category]);
        optional(line, task, "businessValue", event.businessValue == FeedEvent.NO_VALUE ? null : Integer.toString(event.businessValue));
        optional(line, task, "priority", event.priority == FeedEvent.NO_VALUE ? null : Integer.toString(event.priority));
        String due = task.text(event.dueMillis);
        optional(line, task, "dueDateTime", due == null ? null : '"' + due + '"');
        optional(line, task, "resultCode", event.resultCode == null ? null : quote(event.resultCode));
        return line.append("}}").toString();
    }

    private int agentVariant(FeedEvent event) {
        return (reference.renamedAt(event.millis) ? RENAMED : 0) | (event.agentNameMissing ? NAMELESS : 0);
    }

    /** The task's unchanging members, "tenant" first, without the braces around them. */
    private String staticMembers(FeedTask task, boolean renamed) {
        int variant = renamed ? RENAMED : 0;
        if (task.staticMembers[variant] == null) {
            String object = FeedEventJson.fragment(json -> {
                json.beginObject();
                reference.writeStaticMembers(json, task, Set.of(), renamed);
                json.endObject();
            });
            task.staticMembers[variant] = object.substring(1, object.length() - 1);
        }
        return task.staticMembers[variant];
    }

    /** A vocabulary string as a JSON string literal (there are few of them: cached). */
    private String quote(String value) {
        return quoted.computeIfAbsent(value, v -> FeedEventJson.fragment(json -> json.value(v)));
    }

    /** ,"name":json — or ,"name":null / nothing for an absent value, as the task writes absences. */
    private static void optional(StringBuilder line, FeedTask task, String name, String json) {
        if (json != null || task.writeNulls) {
            line.append(",\"").append(name).append("\":").append(json == null ? "null" : json);
        }
    }
}
