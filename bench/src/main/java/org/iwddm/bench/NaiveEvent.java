package org.iwddm.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;

/**
 * One feed event as the naive peer maps it, field by field from the Gson tree. A missing
 * natural key becomes '' (the dimension's unknown member), since a primary key cannot be null.
 */
record NaiveEvent(long id, String taskId, String eventType, OffsetDateTime timestamp, String status, String queue,
        String employeeId, String agentName, String tenantId, String tenantName, String solutionId,
        String solutionName, String categoryPath, String categoryId, String department, String process,
        String capturePointId, String capturePointName, String mediaType, Integer priority, Integer businessValue,
        OffsetDateTime createdTs, OffsetDateTime dueTs) {

    private static final String UNKNOWN = "";

    static NaiveEvent of(JsonObject e) {
        JsonObject task = e.getAsJsonObject("task");
        JsonObject agent = object(e, "agent");
        JsonObject tenant = object(task, "tenant");
        JsonObject solution = object(task, "solution");
        JsonObject category = object(task, "category");
        JsonObject capturePoint = object(task, "capturePoint");
        JsonArray path = category == null ? new JsonArray() : category.getAsJsonArray("path");
        OffsetDateTime timestamp = OffsetDateTime.parse(e.get("timestamp").getAsString());
        OffsetDateTime created = time(task, "createdDateTime");
        return new NaiveEvent(e.get("id").getAsLong(), e.get("taskId").getAsString(), text(e, "eventType"), timestamp,
                text(e, "status"), key(text(e, "queue")), key(text(agent, "employeeId")), text(agent, "name"),
                key(text(tenant, "id")), text(tenant, "name"), key(text(solution, "id")), text(solution, "name"),
                path.toString(), text(category, "id"), key(level(path, 0)), key(level(path, 1)),
                key(text(capturePoint, "id")), text(capturePoint, "name"), key(text(task, "mediaType")),
                integer(task, "priority"), integer(task, "businessValue"), created == null ? timestamp : created,
                time(task, "dueDateTime"));
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonElement value = parent == null ? null : parent.get(name);
        return value == null || !value.isJsonObject() ? null : value.getAsJsonObject();
    }

    private static String text(JsonObject parent, String name) {
        JsonElement value = parent == null ? null : parent.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Integer integer(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsInt();
    }

    private static OffsetDateTime time(JsonObject parent, String name) {
        String value = text(parent, name);
        return value == null ? null : OffsetDateTime.parse(value);
    }

    private static String level(JsonArray path, int index) {
        return index < path.size() ? path.get(index).getAsString() : null;
    }

    private static String key(String naturalKey) {
        return naturalKey == null ? UNKNOWN : naturalKey;
    }
}
