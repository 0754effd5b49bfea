package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's PrometheusRule, rendered with prometheusRule.enabled, unit-tested by promtool
 * against chart/alerts-tests/alerts_test.yaml (Debian package prometheus).
 */
class AlertRulesTest {
    @TempDir
    Path dir;

    @Test
    void renderedAlertRulesPassPromtoolUnitTests() throws Exception {
        String rendered = Chart.renderYaml(dir, "prometheusRule:\n  enabled: true\n")
                .get("PrometheusRule", Chart.RELEASE + "-iwddm-cronjob");
        Files.writeString(dir.resolve("rules.yaml"), ruleFile(rendered));
        Files.copy(Chart.DIR.resolveSibling("alerts-tests").resolve("alerts_test.yaml"), dir.resolve("alerts_test.yaml"));
        assertPromtool(List.of("check", "rules", "rules.yaml"));
        assertPromtool(List.of("test", "rules", "alerts_test.yaml"));
    }

    /** A PrometheusRule's spec is a Prometheus rule file: its lines under "spec:", dedented. */
    static String ruleFile(String prometheusRule) {
        String spec = prometheusRule.substring(prometheusRule.indexOf("\nspec:\n") + 7);
        StringBuilder file = new StringBuilder();
        for (String line : spec.split("\n")) {
            file.append(line.length() >= 2 ? line.substring(2) : line).append('\n');
        }
        return file.toString();
    }

    private void assertPromtool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(promtool()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool finishes");
        assertEquals(0, process.exitValue(), "promtool " + args + ":\n" + output);
    }

    /** Fails loudly when promtool is missing (scripts/install-test-deps installs it). */
    private static String promtool() {
        for (String path : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(path, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("promtool not found on PATH: install the Debian package prometheus"
                + " (scripts/install-test-deps)");
    }
}
