package org.iwddm.sim;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

/**
 * Writes a {@link FeedEvent} as one compact JSON line (FEED.md "TaskEvent") member by member with
 * Gson's streaming JsonWriter, bad events corrupted as their kinds say. This is the reference
 * serialization; {@link CachedEventJson} produces the same text for good events faster.
 */
final class FeedEventJson {
    private final FeedVocabulary vocabulary;
    private final long renameMillis;

    FeedEventJson(FeedVocabulary vocabulary, long renameMillis) {
        this.vocabulary = vocabulary;
        this.renameMillis = renameMillis;
    }

    /** A piece of JSON written through a JsonWriter. */
    @FunctionalInterface
    interface JsonPart {
        void write(JsonWriter json) throws IOException;
    }

    /** The compact JSON text that the part writes. A fresh builder each time: a reused one stays UTF-16. */
    static String fragment(JsonPart part) {
        StringBuilderWriter buffer = new StringBuilderWriter();
        try {
            JsonWriter json = new JsonWriter(buffer);
            part.write(json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return buffer.builder.toString();
    }

    String write(FeedEvent event, long id) {
        if (event.has(BadEventKind.NOT_AN_OBJECT)) {
            return fragment(json -> json.beginArray().value(id).value(event.task.taskId).value(event.type).endArray());
        }
        return fragment(json -> writeEvent(json, event, id));
    }

    boolean renamedAt(long millis) {
        return millis >= renameMillis;
    }

    private void writeEvent(JsonWriter json, FeedEvent event, long id) throws IOException {
        json.beginObject();
        if (!event.has(BadEventKind.ID_MISSING)) {
            json.name("id");
            if (event.has(BadEventKind.ID_NOT_INTEGER)) {
                json.value(Long.toString(id));
            } else {
                json.value(id);
            }
        }
        writeTaskId(json, event);
        if (!event.has(BadEventKind.EVENT_TYPE_MISSING)) {
            json.name("eventType").value(event.type);
        }
        json.name("timestamp").value(timestamp(event, id));
        if (!event.has(BadEventKind.STATUS_MISSING)) {
            json.name("status").value(event.has(BadEventKind.STATUS_UNKNOWN) ? capitalized(event.status) : event.status);
        }
        optional(json, event.task, "queue", event.queue);
        writeAgent(json, event);
        if (!event.has(BadEventKind.TASK_MISSING)) {
            json.name("task");
            writeTask(json, event);
        }
        json.endObject();
    }

    private static void writeTaskId(JsonWriter json, FeedEvent event) throws IOException {
        if (event.has(BadEventKind.TASK_ID_MISSING)) {
            return;
        }
        String taskId = event.task.taskId;
        if (event.has(BadEventKind.TASK_ID_EMPTY)) {
            taskId = "";
        } else if (event.has(BadEventKind.TASK_ID_TOO_LONG)) {
            taskId = (taskId + "x".repeat(65)).substring(0, 65);
        }
        json.name("taskId").value(taskId);
    }

    private static String timestamp(FeedEvent event, long id) {
        if (event.has(BadEventKind.TIMESTAMP_UNPARSABLE)) {
            String[] unparsable = {"2026-02-30T10:00:00.000Z", "20.11.2026 10:14", "2026-11-20T25:61:00Z", ""};
            return unparsable[(int) (id % unparsable.length)];
        }
        if (event.has(BadEventKind.TIMESTAMP_OUT_OF_RANGE)) {
            String[] outOfRange = {"2100-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z"};
            return outOfRange[(int) (id % outOfRange.length)];
        }
        if (event.has(BadEventKind.TIMESTAMP_WITHOUT_OFFSET)) {
            return IsoTimestamps.formatWithoutOffset(event.millis, event.offsetMinutes);
        }
        return IsoTimestamps.format(event.millis, event.offsetMinutes);
    }

    private void writeAgent(JsonWriter json, FeedEvent event) throws IOException {
        if (event.has(BadEventKind.AGENT_WITHOUT_EMPLOYEE_ID)) {
            json.name("agent").beginObject().name("name").value(vocabulary.agents[0].name()).endObject();
        } else if (event.agent == FeedEvent.NO_AGENT) {
            optional(json, event.task, "agent", null);
        } else {
            json.name("agent");
            agent(json, vocabulary.agents[event.agent], renamedAt(event.millis), event.agentNameMissing);
        }
    }

    /** {"employeeId": .., "name": ..}: the name as of the event (renamed or not), or none. */
    static void agent(JsonWriter json, FeedVocabulary.Agent agent, boolean renamed, boolean nameless) throws IOException {
        json.beginObject().name("employeeId").value(agent.employeeId());
        if (!nameless) {
            json.name("name").value(renamed && agent.renamedTo() != null ? agent.renamedTo() : agent.name());
        }
        json.endObject();
    }

    private void writeTask(JsonWriter json, FeedEvent event) throws IOException {
        FeedTask task = event.task;
        json.beginObject();
        writeStaticMembers(json, task, event.badKinds, renamedAt(event.millis));
        json.name("category");
        category(json, vocabulary.categories[event.category], event.badKinds);
        optionalInt(json, task, "businessValue", event.businessValue);
        if (event.has(BadEventKind.PRIORITY_NOT_INTEGER)) {
            json.name("priority").value("high");
        } else {
            optionalInt(json, task, "priority", event.priority);
        }
        if (event.has(BadEventKind.TASK_DATE_UNPARSABLE)) {
            json.name("dueDateTime").value("tomorrow");
        } else {
            optional(json, task, "dueDateTime", task.text(event.dueMillis));
        }
        optional(json, task, "resultCode", event.resultCode);
        json.endObject();
    }

    /** The task members that are the same in every event of the task, "tenant" first. */
    void writeStaticMembers(JsonWriter json, FeedTask task, Set<BadEventKind> bad, boolean renamed) throws IOException {
        if (!bad.contains(BadEventKind.TENANT_MISSING)) {
            json.name("tenant");
            reference(json, FeedVocabulary.TENANT_ID, FeedVocabulary.TENANT_NAME);
        }
        if (!bad.contains(BadEventKind.SOLUTION_MISSING)) {
            json.name("solution");
            reference(json, FeedVocabulary.SOLUTIONS[task.solution][0], FeedVocabulary.SOLUTIONS[task.solution][1]);
        }
        optional(json, task, "captureId", task.captureId);
        writeCapturePoint(json, task, renamed);
        optional(json, task, "mediaType", task.mediaType);
        optional(json, task, "channel", task.channel);
        optional(json, task, "createdDateTime", task.createdText);
        optional(json, task, "activationDateTime", task.activationText);
        optional(json, task, "expirationDateTime", task.expirationText);
        optional(json, task, "sourceCreatedDateTime", task.sourceCreatedText);
        optional(json, task, "sourceFirstCreatedDateTime", task.sourceCreatedText);
        writeTaskStrings(json, task, bad.contains(BadEventKind.NUL_CHARACTER));
        if (task.data != null) {
            json.name("data");
            data(json, task.data);
        }
    }

    /** {"id": .., "name": ..}. */
    static void reference(JsonWriter json, String id, String name) throws IOException {
        json.beginObject().name("id").value(id).name("name").value(name).endObject();
    }

    static void category(JsonWriter json, FeedVocabulary.Category category, Set<BadEventKind> bad) throws IOException {
        json.beginObject().name("id").value(category.id());
        if (!bad.contains(BadEventKind.CATEGORY_PATH_MISSING)) {
            json.name("path").beginArray();
            if (!bad.contains(BadEventKind.CATEGORY_PATH_EMPTY)) {
                for (String level : category.path()) {
                    json.value(level);
                }
            }
            for (int level = category.path().length; bad.contains(BadEventKind.CATEGORY_PATH_TOO_DEEP) && level < 11; level++) {
                json.value("Level " + (level + 1));
            }
            json.endArray();
        }
        json.endObject();
    }

    private void writeCapturePoint(JsonWriter json, FeedTask task, boolean renamed) throws IOException {
        if (task.capturePoint < 0) {
            optional(json, task, "capturePoint", null);
            return;
        }
        FeedVocabulary.CapturePoint point = vocabulary.capturePoints[task.capturePoint];
        json.name("capturePoint");
        reference(json, point.id(), renamed && point.renamedTo() != null ? point.renamedTo() : point.name());
    }

    private static void writeTaskStrings(JsonWriter json, FeedTask task, boolean withNul) throws IOException {
        String customerId = withNul ? (task.customerId == null ? "C-" : task.customerId) + "\u0000x" : task.customerId;
        optional(json, task, "customerId", customerId);
        optional(json, task, "customerSegment", task.customerSegment);
        optional(json, task, "productType", task.productType);
        optional(json, task, "productSubtype", task.productSubtype);
        optional(json, task, "requestedAgent", task.requestedAgent);
        optional(json, task, "requestedSkill", task.requestedSkill);
        optional(json, task, "sourceTenant", task.sourceTenant);
        optional(json, task, "sourceProcessType", task.sourceProcessType);
        optional(json, task, "sourceProcessSubtype", task.sourceProcessSubtype);
    }

    private static void data(JsonWriter json, FeedTask.TaskData data) throws IOException {
        json.beginObject();
        json.name("region").value(data.region());
        json.name("caseType").value(data.caseType());
        if (data.amount() != null) {
            json.name("amount").value(data.amount());
        }
        if (data.vip() != null) {
            json.name("vip").value(data.vip());
        }
        if (data.note() != null) {
            json.name("note").value(data.note());
        }
        json.endObject();
    }

    /** A value, or for an absent one an explicit null or nothing, as the task writes absences. */
    private static void optional(JsonWriter json, FeedTask task, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        } else if (task.writeNulls) {
            json.name(name).nullValue();
        }
    }

    private static void optionalInt(JsonWriter json, FeedTask task, String name, int value) throws IOException {
        if (value != FeedEvent.NO_VALUE) {
            json.name(name).value(value);
        } else if (task.writeNulls) {
            json.name(name).nullValue();
        }
    }

    private static String capitalized(String status) {
        return Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    /** An unsynchronized Writer over a StringBuilder. */
    private static final class StringBuilderWriter extends Writer {
        final StringBuilder builder = new StringBuilder(1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            builder.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            // Whole strings are the common case; append(String) copies arrays, the range form loops.
            if (offset == 0 && length == text.length()) {
                builder.append(text);
            } else {
                builder.append(text, offset, offset + length);
            }
        }

        @Override
        public void write(int c) {
            builder.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
