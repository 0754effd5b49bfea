package org.iwddm.wfm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of one push (docs/wfm.md): every interval of [fromKey, toKey) in order, each
 * with the complete list of its activities that have a non-zero volume or queue (an activity
 * absent from an interval has 0 and 0). WFM stores values per (activity, interval), replacing
 * what it had, so sending an interval twice is harmless.
 */
final class WfmPayload {
    static final int INTERVAL_SECONDS = 900;

    private WfmPayload() {
    }

    static String json(String tenant, long fromKey, long toKey, List<ActivityInterval> rows) {
        JsonObject body = new JsonObject();
        body.addProperty("source", "iwddm");
        body.addProperty("tenant", tenant);
        body.addProperty("intervalMinutes", INTERVAL_SECONDS / 60);
        JsonArray intervals = new JsonArray();
        int next = 0;
        for (long key = fromKey; key < toKey; key += INTERVAL_SECONDS) {
            JsonArray activities = new JsonArray();
            for (; next < rows.size() && rows.get(next).intervalKey() == key; next++) {
                activities.add(activity(rows.get(next)));
            }
            intervals.add(interval(key, activities));
        }
        body.add("intervals", intervals);
        return body.toString();
    }

    private static JsonObject interval(long key, JsonArray activities) {
        JsonObject interval = new JsonObject();
        interval.addProperty("start", Instant.ofEpochSecond(key).toString());
        interval.addProperty("end", Instant.ofEpochSecond(key + INTERVAL_SECONDS).toString());
        interval.add("activities", activities);
        return interval;
    }

    private static JsonObject activity(ActivityInterval row) {
        JsonObject activity = new JsonObject();
        activity.addProperty("activity", row.activity());
        activity.addProperty("volume", row.volume());
        activity.addProperty("queue", row.queue());
        return activity;
    }
}
