package org.iwddm.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Retention settings to apply to the mart (docs/retention.md): for each IWDDM_RETAIN_* variable
 * that is set, the iwddm.set_retention setting and its days (empty: keep forever). A setting
 * whose variable is unset is left as the database has it (its default keeps everything).
 */
public record RetentionSettings(Map<String, Optional<Integer>> changes) {
    public static final String FOREVER = "forever";
    /** About 100 years: more would overflow nothing, but is surely a typo. */
    static final long MAX_DAYS = 36_500;
    static final Map<Variable, String> VARIABLES = variables();

    public RetentionSettings {
        changes = Map.copyOf(changes);
    }

    private static Map<Variable, String> variables() {
        Map<Variable, String> settings = new LinkedHashMap<>();
        settings.put(Variable.IWDDM_RETAIN_TASKS_DAYS, "tasks");
        settings.put(Variable.IWDDM_RETAIN_REJECTED_DAYS, "rejected_events");
        settings.put(Variable.IWDDM_RETAIN_AUDIT_DAYS, "etl_audit");
        settings.put(Variable.IWDDM_RETAIN_AGG_15MIN_DAYS, "agg_15min");
        return settings;
    }
}
