package org.iwddm.chain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iwddm.metrics.PurgedTable;

/** What the run's purge removed, summed over its batches, per table (rows, bytes freed). */
final class PurgeTally {
    private final Map<String, long[]> tables = new TreeMap<>();

    /** Adds one iwddm.purge_expired result: {"table": {"rows": n, "bytes": b}, ...}. */
    void add(String removedJson) {
        if (removedJson == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : JsonParser.parseString(removedJson).getAsJsonObject().entrySet()) {
            JsonObject figures = entry.getValue().getAsJsonObject();
            long[] sums = tables.computeIfAbsent(entry.getKey(), t -> new long[2]);
            sums[0] += figures.get("rows").getAsLong();
            sums[1] += figures.get("bytes").getAsLong();
        }
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    List<PurgedTable> tables() {
        return tables.entrySet().stream().map(e -> new PurgedTable(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    String summary() {
        if (tables.isEmpty()) {
            return "nothing removed";
        }
        long rows = tables.values().stream().mapToLong(s -> s[0]).sum();
        long bytes = tables.values().stream().mapToLong(s -> s[1]).sum();
        return rows + " rows removed, " + bytes + " bytes freed ("
                + tables.entrySet().stream().filter(e -> e.getValue()[0] > 0).map(e -> e.getKey() + " " + e.getValue()[0])
                        .collect(Collectors.joining(", ")) + ")";
    }
}
