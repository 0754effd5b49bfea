package org.iwddm.chart;

import static org.iwddm.chart.ChartTemplateTest.contains;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `helm test` pod. helm-java's template leaves hooks out, so this renders a copy of the chart
 * whose test template lost its hook annotation (nothing else changes).
 */
class HelmTestPodTest {
    private static final String POD = Chart.RELEASE + "-iwddm-cronjob-test-db";

    @TempDir
    Path dir;

    @Test
    void testPodRunsTheProductImagesCheckConfiguredAsTheJob() throws IOException {
        Path values = Chart.valuesFile(dir, """
                image: {registry: registry.example.com, repository: iwddm/iwd_dm_cloud, tag: "1.2.3"}
                iwddm:
                  db: {secret: {enabled: true, secretName: iwddm-db-secret-0001, password: pw1}}
                  env: {apiKeySecret: {name: iwd-key-0001}}
                  extraEnv: [{name: JAVA_OPTS, value: "-Xlog:gc"}]
                  volumes: |-
                    - name: iwd-secrets
                      secret:
                        secretName: 0001-iwd-secrets
                  volumeMounts: |-
                    - name: iwd-secrets
                      readOnly: true
                      mountPath: "/mnt/env-secrets/iwd-secrets"
                """);
        String pod = render(values);
        String job = Chart.render(Chart.required(dir), values).cronJob();
        contains(pod, "      image: \"registry.example.com/iwddm/iwd_dm_cloud:1.2.3\"\n");
        contains(pod, "      args:\n        - check\n");
        assertFalse(pod.contains("command:"), "the image's own entrypoint runs `check`");
        for (String same : new String[] {
                "- configMapRef:\n%s    name: iwddm-0001-iwddm-cronjob\n",
                "- name: IWDDM_DB_HOST\n%s  value: \"pg.db\"\n",
                "- name: IWDDM_DB_PASSWORD\n%s  valueFrom:\n%s    secretKeyRef:\n%s      name: iwddm-db-secret-0001\n",
                "- name: IWDDM_API_KEY\n%s  valueFrom:\n%s    secretKeyRef:\n%s      name: iwd-key-0001\n",
                "- name: JAVA_OPTS\n%s  value: -Xlog:gc\n",
                "- name: iwd-secrets\n%s  readOnly: true\n%s  mountPath: \"/mnt/env-secrets/iwd-secrets\"\n"}) {
            contains(pod, indented(same, 8));
            contains(job, indented(same, 16));
        }
        contains(pod, "        - name: IWDDM_PASSWORD\n          valueFrom:\n            secretKeyRef:\n"
                + "              name: iwddm-db-secret-0001\n");
    }

    @Test
    void testPodMeetsTheRestrictedPodSecurityLevel() throws IOException {
        String pod = render(Chart.required(dir));
        contains(pod, "  securityContext:\n    fsGroup: 10001\n    runAsGroup: 10001\n    runAsNonRoot: true\n"
                + "    runAsUser: 10001\n    seccompProfile:\n      type: RuntimeDefault\n");
        contains(pod, "      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n"
                + "          drop:\n          - ALL\n        readOnlyRootFilesystem: true\n");
        contains(pod, "        - name: iwddm-tmp\n          mountPath: /tmp\n");
        contains(pod, "  automountServiceAccountToken: false\n");
        assertFalse(pod.contains("hostPath") || pod.contains("privileged") || pod.contains("hostNetwork"),
                "nothing the restricted level forbids");
    }

    @Test
    void anExistingPasswordSecretReachesTheTestPodAsTheJob() throws IOException {
        Path values = Chart.valuesFile(dir, "iwddm:\n  db: {existingSecret: {name: pg-pass, key: password}}\n");
        String pod = render(values);
        contains(pod, "        - name: IWDDM_DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n"
                + "              name: pg-pass\n              key: password\n");
        contains(pod, "        - name: IWDDM_PASSWORD\n          valueFrom:\n            secretKeyRef:\n"
                + "              name: pg-pass\n              key: password\n");
    }

    /** The seed's helm test (postgres image, psql) still works by setting its three values. */
    @Test
    void theSeedsPsqlTestCanStillBeConfigured() throws IOException {
        Path values = Chart.valuesFile(dir, """
                iwddm:
                  db: {secret: {enabled: true, secretName: iwddm-db-secret-0001, password: pw1}}
                  helmTest:
                    image: "postgres:latest"
                    command: [/bin/bash, -c]
                    args: ['export PGPASSWORD=${IWDDM_PASSWORD}; psql -c "select now()"']
                """);
        String pod = render(values);
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

    private String render(Path values) throws IOException {
        Path chart = ChartCopy.copy(dir);
        ChartCopy.edit(chart.resolve("templates/tests/test-db-connection.yaml"), Map.of("    helm.sh/hook: test\n", ""));
        return Chart.renderChart(chart, Chart.required(dir), values).get("Pod", POD);
    }

    /** A list item at the given indentation: %s stands for it in continuation lines. */
    private static String indented(String item, int indent) {
        String pad = " ".repeat(indent);
        return pad + item.replace("%s", pad);
    }
}
