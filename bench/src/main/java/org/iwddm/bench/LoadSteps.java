package org.iwddm.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** load_staged's steps as iwddm.etl_audit.step_seconds records them, in the order they run. */
final class LoadSteps {
    private static final String ORDER = "ORDER BY array_position(ARRAY['parse', 'calendar', 'dimensions', 'key_events',"
            + " 'reactivate', 'histories', 'task_facts', 'aggregates'], s.step)";

    private LoadSteps() {
    }

    /** Each step summed over every batch of the mart. */
    static Map<String, Double> summed(Statement statement) throws SQLException {
        return read(statement, "SELECT s.step, sum(s.seconds::numeric)::float8"
                + " FROM iwddm.etl_audit a, jsonb_each_text(a.step_seconds) AS s(step, seconds)"
                + " WHERE a.entry_kind = 'batch' GROUP BY s.step " + ORDER);
    }

    /** The steps of the latest batch (one not committed yet included). */
    static Map<String, Double> latest(Statement statement) throws SQLException {
        return read(statement, "SELECT s.step, s.seconds::float8"
                + " FROM iwddm.etl_audit a, jsonb_each_text(a.step_seconds) AS s(step, seconds)"
                + " WHERE a.etl_audit_key = (SELECT max(etl_audit_key) FROM iwddm.etl_audit WHERE entry_kind = 'batch') "
                + ORDER);
    }

    /** Each step's median over runs. */
    static Map<String, Double> medians(List<Map<String, Double>> runs) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String step : runs.get(0).keySet()) {
            medians.put(step, Stats.of(runs.stream().mapToDouble(run -> run.get(step)).toArray()).median());
        }
        return medians;
    }

    private static Map<String, Double> read(Statement statement, String sql) throws SQLException {
        Map<String, Double> steps = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                steps.put(rows.getString(1), rows.getDouble(2));
            }
        }
        if (steps.size() != 8) {
            throw new IllegalStateException("etl_audit.step_seconds should name load_staged's 8 steps: " + steps);
        }
        return steps;
    }
}
