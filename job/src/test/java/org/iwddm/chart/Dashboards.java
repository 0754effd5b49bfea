package org.iwddm.chart;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.iwddm.chart.Chart.Manifests;

/** The dashboard JSON out of its rendered ConfigMap. */
final class Dashboards {
    private Dashboards() {
    }

    static String json(Manifests rendered, String release) {
        String name = release + "-iwddm-cronjob";
        String configMap = rendered.get("ConfigMap", name + "-dashboard");
        String key = "  " + name + ".json: |-\n";
        int start = configMap.indexOf(key);
        if (start < 0) {
            throw new AssertionError("no " + key + " in " + configMap);
        }
        return configMap.substring(start + key.length()).replaceAll("(?m)^    ", "");
    }

    static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
