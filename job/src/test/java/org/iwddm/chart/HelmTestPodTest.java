package org.iwddm.chart;

import static org.iwddm.chart.ChartTemplateTest.contains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `helm test` pod. helm-java's template leaves hooks out, so this renders a copy of the chart
 * whose test template lost its hook annotation (nothing else changes).
 */
class HelmTestPodTest {
    @TempDir
    Path dir;

    @Test
    void testPodRunsTheSeedsPsqlCheckWithTheDbPasswordFromTheSecret() throws IOException {
        Path chart = copyWithoutTestHook();
        Path values = Chart.valuesFile(dir, """
                iwddm:
                  db: {host: pg.db, dbname: iwddm_0001, user: iwddm_dm,
                       secret: {enabled: true, secretName: iwddm-db-secret-0001, password: pw1}}
                """);
        String pod = Chart.renderChart(chart, values).get("Pod", Chart.RELEASE + "-iwddm-cronjob-test-db");
        contains(pod, "      image: \"postgres:latest\"\n");
        contains(pod, "      command:\n        - /bin/bash\n        - -c\n");
        contains(pod, "      args:\n        - export PGPASSWORD=${IWDDM_PASSWORD}; psql -c \"select now()\"\n");
        contains(pod, "        - name: PGHOST\n          value: \"pg.db\"\n");
        contains(pod, "        - name: PGDATABASE\n          value: \"iwddm_0001\"\n");
        contains(pod, "        - name: PGUSER\n          value: \"iwddm_dm\"\n");
        contains(pod, """
                        - name: IWDDM_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: iwddm-db-secret-0001
                              key: IWDDM_DB_PASSWORD
                """);
    }

    private Path copyWithoutTestHook() throws IOException {
        Path copy = dir.resolve("iwddm-cronjob");
        try (Stream<Path> files = Files.walk(Chart.DIR)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(Chart.DIR.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path test = copy.resolve("templates/tests/test-db-connection.yaml");
        String text = Files.readString(test);
        String withoutHook = text.replace("    helm.sh/hook: test\n", "");
        if (withoutHook.equals(text)) {
            throw new AssertionError("the test pod template lost its helm.sh/hook: test annotation");
        }
        Files.writeString(test, withoutHook);
        return copy;
    }
}
