package org.iwddm.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent reading of FEED.md's "Bad input" rules in Java, to check generated lines
 * without trusting the generator's own bookkeeping (and without the database).
 */
final class FeedLineCheck {
    static final Set<String> STATUSES = Set.of("new", "captured", "queued", "assigned", "held",
            "errorheld", "completed", "canceled", "rejected", "newheld", "distributed");
    private static final Pattern ISO_WITH_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final List<String> TASK_DATES = List.of("createdDateTime", "activationDateTime",
            "dueDateTime", "expirationDateTime", "sourceCreatedDateTime", "sourceFirstCreatedDateTime");

    private FeedLineCheck() {
    }

    /** The line as a strictly parsed JSON value, or null when it is not JSON. */
    static JsonElement parse(String line) {
        try (JsonReader reader = new JsonReader(new StringReader(line))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
        } catch (JsonParseException | IOException e) {
            return null;
        }
    }

    /** Why the line is a bad event; empty when it is good. */
    static List<String> problems(String line) {
        return problems(parse(line));
    }

    /** Why the parsed line (null: not JSON) is a bad event; empty when it is good. */
    static List<String> problems(JsonElement root) {
        if (root == null || !root.isJsonObject()) {
            return List.of("not a JSON object");
        }
        JsonObject event = root.getAsJsonObject();
        List<String> problems = new ArrayList<>();
        check(problems, isNonNegativeLong(event.get("id")), "id");
        check(problems, isString(event.get("taskId"), 1, 64), "taskId");
        check(problems, isString(event.get("eventType"), 1, Integer.MAX_VALUE), "eventType");
        check(problems, isEventTime(event.get("timestamp")), "timestamp");
        check(problems, isString(event.get("status"), 1, 20) && STATUSES.contains(event.get("status").getAsString()), "status");
        check(problems, isAbsent(event.get("queue")) || isString(event.get("queue"), 0, Integer.MAX_VALUE), "queue");
        check(problems, isAgent(event.get("agent")), "agent");
        check(problems, !containsNul(event), "NUL character");
        JsonElement task = event.get("task");
        if (task == null || !task.isJsonObject()) {
            problems.add("task");
        } else {
            taskProblems(task.getAsJsonObject(), problems);
        }
        return problems;
    }

    private static void taskProblems(JsonObject task, List<String> problems) {
        check(problems, isReference(task.get("tenant")), "task.tenant");
        check(problems, isReference(task.get("solution")), "task.solution");
        check(problems, isCategoryPath(task.get("category")), "task.category.path");
        check(problems, isOptionalInteger(task.get("priority")), "task.priority");
        check(problems, isOptionalInteger(task.get("businessValue")), "task.businessValue");
        for (String name : TASK_DATES) {
            check(problems, isAbsent(task.get(name)) || parseTime(task.get(name)) != null, "task." + name);
        }
    }

    private static void check(List<String> problems, boolean fine, String what) {
        if (!fine) {
            problems.add(what);
        }
    }

    static boolean isAbsent(JsonElement value) {
        return value == null || value.isJsonNull();
    }

    private static boolean isString(JsonElement value, int minLength, int maxLength) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return false;
        }
        int length = value.getAsString().codePointCount(0, value.getAsString().length());
        return length >= minLength && length <= maxLength;
    }

    private static boolean isNonNegativeLong(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        try {
            return Long.parseLong(value.getAsString()) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isOptionalInteger(JsonElement value) {
        if (isAbsent(value)) {
            return true;
        }
        JsonPrimitive primitive = value.isJsonPrimitive() ? value.getAsJsonPrimitive() : null;
        return primitive != null && primitive.isNumber() && INTEGER.matcher(primitive.getAsString()).matches()
                && Math.abs(Long.parseLong(primitive.getAsString())) <= Integer.MAX_VALUE;
    }

    /** An ISO-8601 date-time with offset, or null. */
    static OffsetDateTime parseTime(JsonElement value) {
        if (!isString(value, 1, 64) || !ISO_WITH_OFFSET.matcher(value.getAsString()).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.getAsString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isEventTime(JsonElement value) {
        OffsetDateTime time = parseTime(value);
        return time != null && !time.toInstant().isBefore(EARLIEST) && time.toInstant().isBefore(LATEST);
    }

    private static boolean isAgent(JsonElement value) {
        return isAbsent(value) || value.isJsonObject() && isString(value.getAsJsonObject().get("employeeId"), 1, Integer.MAX_VALUE);
    }

    private static boolean isReference(JsonElement value) {
        return value != null && value.isJsonObject() && value.getAsJsonObject().get("id") != null
                && value.getAsJsonObject().get("id").isJsonPrimitive();
    }

    private static boolean isCategoryPath(JsonElement category) {
        if (category == null || !category.isJsonObject()) {
            return false;
        }
        JsonElement path = category.getAsJsonObject().get("path");
        if (path == null || !path.isJsonArray() || path.getAsJsonArray().size() < 1 || path.getAsJsonArray().size() > 10) {
            return false;
        }
        JsonArray levels = path.getAsJsonArray();
        for (JsonElement level : levels) {
            if (!isString(level, 1, Integer.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(JsonElement value) {
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
                if (member.getKey().indexOf('\0') >= 0 || containsNul(member.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value.isJsonArray()) {
            for (JsonElement item : value.getAsJsonArray()) {
                if (containsNul(item)) {
                    return true;
                }
            }
            return false;
        }
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && value.getAsString().indexOf('\0') >= 0;
    }
}
