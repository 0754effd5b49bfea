package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's retention values (docs/retention.md) reach the job's IWDDM_RETAIN_* variables. */
class RetentionChartTest {
    @TempDir
    Path dir;

    private static void contains(String text, String expected) {
        assertTrue(text.contains(expected), "expected\n" + expected + "\nin\n" + text);
    }

    @Test
    void byDefaultEveryRetentionVariableIsBlankSoTheDatabaseKeepsEverything() {
        String config = Chart.renderYaml(dir, "").configMap();
        contains(config, "  IWDDM_RETAIN_TASKS_DAYS: \"\"\n  IWDDM_RETAIN_REJECTED_DAYS: \"\"\n"
                + "  IWDDM_RETAIN_AUDIT_DAYS: \"\"\n  IWDDM_RETAIN_AGG_15MIN_DAYS: \"\"\n");
    }

    @Test
    void retentionValuesBecomeVariables() {
        String config = Chart.renderYaml(dir, """
                iwddm:
                  env:
                    retention:
                      tasksDays: 400
                      rejectedDays: 90
                      auditDays: forever
                      agg15minDays: 60
                """).configMap();
        contains(config, "  IWDDM_RETAIN_TASKS_DAYS: \"400\"\n  IWDDM_RETAIN_REJECTED_DAYS: \"90\"\n"
                + "  IWDDM_RETAIN_AUDIT_DAYS: \"forever\"\n  IWDDM_RETAIN_AGG_15MIN_DAYS: \"60\"\n");
    }

    @Test
    void anOverrideFileWithoutTheRetentionBlockStillRenders() {
        String config = Chart.renderYaml(dir, """
                iwddm:
                  env:
                    retention: null
                """).configMap();
        contains(config, "  IWDDM_RETAIN_TASKS_DAYS: \"\"\n");
    }
}
