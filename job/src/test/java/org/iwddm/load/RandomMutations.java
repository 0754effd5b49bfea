package org.iwddm.load;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random damage to good events, for the soundness check beyond the hand-written cases:
 * a member of any object of the event (the top-level id aside, which must stay unique per batch)
 * is removed, or set to one of a pool of odd values, or a member of that name is added.
 */
final class RandomMutations {
    private static final String[] NAMES = {"taskId", "eventType", "timestamp", "status", "queue", "agent", "task",
        "employeeId", "name", "id", "tenant", "solution", "category", "path", "capturePoint", "priority",
        "businessValue", "dueDateTime", "createdDateTime", "expirationDateTime", "data", "mediaType", "region"};
    private static final String[] VALUES = {"\"\"", "\"NULL\"", "null", "0", "-1", "1.5", "2147483648", "123456789",
        "-0", "1e3", "true", "{}", "[]", "[\"a\"]", "[\"a\",\"\"]", "{\"id\":\"x\"}", "{\"id\":5}", "{\"a\":{}}",
        "\"2026-02-30T00:00:00Z\"", "\"2026-11-20T10:14:58+05:30\"", "\"2026-11-20T10:14:58.123456789-0800\"",
        "\"1899-01-01T00:00:00Z\"", "\"2099-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-11-20T10:14:58\"",
        "\"a\\tb\\\\c\\\"d,{e}\"", "\"😀\"", "\"assigned\"", "\"Completed\"", "\"" + "x".repeat(65) + "\""};

    private final Random random;

    RandomMutations(long seed) {
        random = new Random(seed);
    }

    /** The event with 1 to 3 random changes, as compact JSON. */
    String mutate(String json) {
        JsonObject event = JsonParser.parseString(json).getAsJsonObject();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            change(event);
        }
        return event.toString();
    }

    private void change(JsonObject event) {
        List<JsonObject> objects = new ArrayList<>();
        collect(event, objects);
        JsonObject target = objects.get(random.nextInt(objects.size()));
        String name = random.nextBoolean() && !target.keySet().isEmpty()
                ? new ArrayList<>(target.keySet()).get(random.nextInt(target.size()))
                : NAMES[random.nextInt(NAMES.length)];
        if (target == event && name.equals("id")) {
            return;
        }
        if (random.nextInt(4) == 0) {
            target.remove(name);
        } else {
            target.add(name, JsonParser.parseString(VALUES[random.nextInt(VALUES.length)]));
        }
    }

    private static void collect(JsonElement element, List<JsonObject> objects) {
        if (element instanceof JsonObject object) {
            objects.add(object);
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                collect(member.getValue(), objects);
            }
        } else if (element instanceof JsonArray array) {
            array.forEach(item -> collect(item, objects));
        }
    }
}
