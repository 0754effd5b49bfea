package org.iwddm.load;

import java.util.List;
import java.util.regex.Pattern;
import org.iwddm.load.StrictJson.JsonNumber;
import org.iwddm.load.StrictJson.JsonObject;
import org.iwddm.load.StrictJson.Unvouched;

/**
 * Reads one member of a {@link StrictJson} object as the type FEED.md gives it, the way
 * load_parse_staged extracts it (->> or jsonb_to_record), refusing ({@link Unvouched}) any value
 * of another type. Absent and null read alike, as they do in the database.
 */
final class EventFields {
    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,18}");
    /** 32-bit for sure: at most 9 digits, no fraction (StrictJson already refused exponents and -0). */
    private static final Pattern SMALL_INTEGER = Pattern.compile("-?\\d{1,9}");
    static final int MAX_PATH_LEVELS = 10;

    private EventFields() {
    }

    static JsonObject object(Object value) throws Unvouched {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new Unvouched("an object expected");
    }

    static JsonObject optionalObject(Object value) throws Unvouched {
        return value == null ? null : object(value);
    }

    static String string(JsonObject object, String name) throws Unvouched {
        if (object.get(name) instanceof String text) {
            return text;
        }
        throw new Unvouched(name + " is not a string");
    }

    static String nonEmptyString(JsonObject object, String name) throws Unvouched {
        String text = string(object, name);
        if (text.isEmpty()) {
            throw new Unvouched(name + " is empty");
        }
        return text;
    }

    static String optionalString(JsonObject object, String name) throws Unvouched {
        Object value = object.get(name);
        return value == null ? null : string(object, name);
    }

    static long eventId(JsonObject event) throws Unvouched {
        if (event.get("id") instanceof JsonNumber number && EVENT_ID.matcher(number.text()).matches()) {
            return Long.parseLong(number.text());
        }
        throw new Unvouched("id is not a plain integer of 1 to 18 digits");
    }

    static Integer optionalInteger(JsonObject object, String name) throws Unvouched {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && SMALL_INTEGER.matcher(number.text()).matches()) {
            return Integer.valueOf(number.text());
        }
        throw new Unvouched(name + " is not a plain integer of at most 9 digits");
    }

    static String optionalDateTime(JsonObject object, String name) throws Unvouched {
        String text = optionalString(object, name);
        return text == null ? null : FeedDateTime.check(text, FeedDateTime.TASK_FIRST_YEAR, FeedDateTime.TASK_LAST_YEAR);
    }

    /** A {id, name} reference (tenant, solution, capture point) with a non-empty string id. */
    static JsonObject reference(Object value) throws Unvouched {
        JsonObject reference = object(value);
        nonEmptyString(reference, "id");
        optionalString(reference, "name");
        return reference;
    }

    /** category.path: 1 to 10 non-empty strings. */
    static List<String> path(JsonObject category) throws Unvouched {
        if (!(category.get("path") instanceof List<?> levels) || levels.isEmpty() || levels.size() > MAX_PATH_LEVELS) {
            throw new Unvouched("category.path is not 1 to 10 levels");
        }
        for (Object level : levels) {
            if (!(level instanceof String text) || text.isEmpty()) {
                throw new Unvouched("a category level is not a non-empty string");
            }
        }
        @SuppressWarnings("unchecked") // every element was just checked to be a String
        List<String> strings = (List<String>) levels;
        return strings;
    }

    /** task.data as its text as received: an object of string, number, boolean or null values; null when absent. */
    static String customData(String json, JsonObject task) throws Unvouched {
        Object value = task.get("data");
        if (value == null) {
            return null;
        }
        JsonObject data = object(value);
        for (Object member : data.members().values()) {
            if (member instanceof JsonObject || member instanceof List<?>) {
                throw new Unvouched("task.data holds an object or an array");
            }
        }
        return json.substring(data.start(), data.end());
    }
}
