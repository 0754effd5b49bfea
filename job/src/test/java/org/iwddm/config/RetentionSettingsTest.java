package org.iwddm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IWDDM_RETAIN_* variables (docs/retention.md): days or forever; unset changes nothing. */
class RetentionSettingsTest {
    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("IWDDM_DB_HOST", "db.example");
        env.put("IWDDM_DB_NAME", "iwddm");
        env.put("IWDDM_DB_USER", "iwddm_dm");
        env.put("IWDDM_DB_PASSWORD", "db-password-1");
        env.put("IWDDM_EXECUTION_CHAIN", "historical");
        env.put("IWDDM_SECRETS_DIRS", "/nonexistent/iwddm-test-secrets");
        return env;
    }

    @Test
    void byDefaultNoSettingIsChanged() throws Exception {
        assertEquals(Map.of(), ConfigLoader.load(valid()).retention().changes());
    }

    @Test
    void daysAndForeverBecomeSettings() throws Exception {
        Map<String, String> env = valid();
        env.put("IWDDM_RETAIN_TASKS_DAYS", "400");
        env.put("IWDDM_RETAIN_REJECTED_DAYS", " 90 ");
        env.put("IWDDM_RETAIN_AUDIT_DAYS", "Forever");
        env.put("IWDDM_RETAIN_AGG_15MIN_DAYS", "");

        assertEquals(Map.of("tasks", Optional.of(400), "rejected_events", Optional.of(90), "etl_audit", Optional.empty()),
                ConfigLoader.load(env).retention().changes(), "a blank value (Helm's \"\") counts as unset");
    }

    @Test
    void badValuesAreReportedByName() {
        Map<String, String> env = valid();
        env.put("IWDDM_RETAIN_TASKS_DAYS", "0");
        env.put("IWDDM_RETAIN_AGG_15MIN_DAYS", "3 months");
        env.put("IWDDM_RETAIN_AUDIT_DAYS", "-5");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));

        assertEquals(List.of(
                "IWDDM_RETAIN_TASKS_DAYS: '0' is not a number of days (1 to 36500) or forever",
                "IWDDM_RETAIN_AUDIT_DAYS: '-5' is not a number of days (1 to 36500) or forever",
                "IWDDM_RETAIN_AGG_15MIN_DAYS: '3 months' is not a number of days (1 to 36500) or forever"),
                e.problems());
    }
}
