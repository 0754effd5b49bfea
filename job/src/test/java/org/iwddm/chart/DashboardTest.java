package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard as rendered for a release: the structure Grafana's dashboard schema
 * (schemaVersion 39, Grafana 10.x/11.x) requires of what it declares, and the panels an operator
 * needs for this tenant.
 */
class DashboardTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> BUILT_IN_PANELS = Set.of("stat", "timeseries", "gauge", "table", "bargauge", "text");

    @TempDir
    Path dir;

    private JsonObject dashboard(String valuesYaml) {
        return Dashboards.parse(Dashboards.json(Chart.renderYaml(dir, "grafanaDashboard: {enabled: true}\n" + valuesYaml),
                Chart.RELEASE));
    }

    @Test
    void dashboardIsValidForTheSchemaVersionItDeclares() {
        JsonObject dashboard = dashboard("");
        assertEquals(39, dashboard.get("schemaVersion").getAsInt());
        String uid = dashboard.get("uid").getAsString();
        assertTrue(uid.matches("[A-Za-z0-9_-]{1,40}"), "Grafana uids are at most 40 of [A-Za-z0-9_-]: " + uid);
        assertFalse(dashboard.get("title").getAsString().isBlank());
        assertTrue(dashboard.getAsJsonObject("time").has("from") && dashboard.getAsJsonObject("time").has("to"));
        Set<String> variables = new HashSet<>();
        for (JsonElement variable : dashboard.getAsJsonObject("templating").getAsJsonArray("list")) {
            JsonObject v = variable.getAsJsonObject();
            assertTrue(Set.of("datasource", "constant", "query", "custom").contains(v.get("type").getAsString()), v.toString());
            assertTrue(variables.add(v.get("name").getAsString()), "variable names are unique");
        }
        Set<Integer> ids = new HashSet<>();
        List<int[]> cells = new ArrayList<>();
        for (JsonElement element : dashboard.getAsJsonArray("panels")) {
            JsonObject panel = element.getAsJsonObject();
            String title = panel.get("title").getAsString();
            assertTrue(ids.add(panel.get("id").getAsInt()), "unique panel id: " + title);
            assertTrue(BUILT_IN_PANELS.contains(panel.get("type").getAsString()), "a built-in panel type: " + title);
            assertTrue(panel.getAsJsonObject("fieldConfig").has("defaults")
                    && panel.getAsJsonObject("fieldConfig").get("overrides").isJsonArray(), "fieldConfig: " + title);
            cells.add(gridPos(panel));
            checkTargets(panel, variables);
        }
        assertNoOverlap(cells);
    }

    @Test
    void dashboardShowsWhatAnOperatorAsksFirst() {
        String json = dashboard("").toString();
        for (String metric : new String[] {"iwddm_job_last_fail", "iwddm_etl_last_event_timestamp_seconds",
                "iwddm_etl_stats_general_pending", "iwddm_etl_stats_general_rejected{",
                "iwddm_wfm_intervals_pending"}) {
            assertTrue(json.contains(metric), "a panel on " + metric);
        }
        assertTrue(json.contains("\"title\":\"Rejected share\"") && json.contains("\"unit\":\"percentunit\""), "rejected share");
        assertTrue(json.contains("\"title\":\"Data freshness (lag of the newest loaded event)\""), "freshness");
    }

    @Test
    void panelsQueryOnlyThisReleasesTenantAndChain() {
        JsonObject dashboard = dashboard("iwddm: {env: {ccid: ccid-0042, executionChain: intraday}}\n");
        String variables = dashboard.getAsJsonObject("templating").toString();
        assertTrue(variables.contains("{\"name\":\"tenant\",\"type\":\"constant\",\"query\":\"ccid-0042\""), variables);
        assertTrue(variables.contains("{\"name\":\"chain\",\"type\":\"constant\",\"query\":\"intraday\""), variables);
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                String expr = target.getAsJsonObject().get("expr").getAsString();
                Matcher selector = Pattern.compile("iwddm_[a-z_]+\\{([^}]*)}").matcher(expr);
                assertTrue(selector.find(), expr);
                do {
                    assertEquals("job=\"iwddm_metrics\", tenant=\"$tenant\", execution_chain=\"$chain\"", selector.group(1));
                } while (selector.find());
            }
        }
    }

    @Test
    void aGivenDatasourceUidReplacesTheVariable() {
        String json = dashboard("grafanaDashboard: {enabled: true, datasourceUid: prom-main}\n").toString();
        assertFalse(json.contains("${datasource}"), json);
        assertTrue(json.contains("{\"type\":\"prometheus\",\"uid\":\"prom-main\"}"), json);
    }

    private static int[] gridPos(JsonObject panel) {
        JsonObject grid = panel.getAsJsonObject("gridPos");
        int[] cell = {grid.get("x").getAsInt(), grid.get("y").getAsInt(), grid.get("w").getAsInt(), grid.get("h").getAsInt()};
        assertTrue(cell[0] >= 0 && cell[2] > 0 && cell[0] + cell[2] <= 24 && cell[1] >= 0 && cell[3] > 0,
                "gridPos inside the 24 columns: " + panel.get("title"));
        return cell;
    }

    private static void checkTargets(JsonObject panel, Set<String> variables) {
        JsonObject datasource = panel.getAsJsonObject("datasource");
        assertEquals("prometheus", datasource.get("type").getAsString());
        Set<String> refIds = new HashSet<>();
        assertFalse(panel.getAsJsonArray("targets").isEmpty(), "a query: " + panel.get("title"));
        for (JsonElement element : panel.getAsJsonArray("targets")) {
            JsonObject target = element.getAsJsonObject();
            assertTrue(refIds.add(target.get("refId").getAsString()), "unique refId");
            Matcher used = VARIABLE.matcher(target.get("expr").getAsString() + datasource.get("uid").getAsString());
            while (used.find()) {
                assertTrue(variables.contains(used.group(1)), "variable $" + used.group(1) + " is defined");
            }
        }
    }

    private static void assertNoOverlap(List<int[]> cells) {
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                int[] a = cells.get(i);
                int[] b = cells.get(j);
                boolean apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
                assertTrue(apart, "panels " + i + " and " + j + " overlap");
            }
        }
    }
}
