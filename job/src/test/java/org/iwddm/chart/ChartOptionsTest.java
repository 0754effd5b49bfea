package org.iwddm.chart;

import static org.iwddm.chart.ChartTemplateTest.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iwddm.chart.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checked values and the operator options of issue 17: refused values, deadlines, secrets, placement. */
class ChartOptionsTest {
    @TempDir
    Path dir;

    private String refusal(String valuesYaml) {
        Path values = Chart.valuesFile(dir, valuesYaml);
        return assertThrows(IllegalStateException.class, () -> Chart.render(Chart.required(dir), values)).getMessage();
    }

    @Test
    void installWithoutTheRequiredValuesFailsNamingEach() {
        String message = assertThrows(IllegalStateException.class, Chart::render).getMessage();
        for (String value : new String[] {"/image/repository", "/iwddm/db/host", "/iwddm/db/dbname", "/iwddm/db/user",
                "/iwddm/env/restUrl"}) {
            assertTrue(message.contains(value), value + " named in: " + message);
        }
    }

    @Test
    void chainsThatDoNotReadTheFeedNeedNoRestUrl() {
        Path values = Chart.valuesFile(dir, """
                image: {repository: iwddm}
                iwddm:
                  db: {host: pg.db, dbname: iwddm_0001, user: iwddm_dm}
                  env: {executionChain: historical}
                """);
        contains(Chart.render(values).configMap(), "  IWDDM_EXECUTION_CHAIN: \"historical\"\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "iwddm: {env: {executionChain: bogus}}|/iwddm/env/executionChain",
            "iwddm: {env: {restUrl: 'iwd:4024/iwd/v3'}}|/iwddm/env/restUrl",
            "iwddm: {env: {monitoring: {pushgateway_url: 'pushgateway:9091'}}}|/iwddm/env/monitoring/pushgateway_url",
            "iwddm: {cronjob: {schedule: 'every 15 minutes'}}|/iwddm/cronjob/schedule",
            "iwddm: {db: {port: 'five'}}|/iwddm/db/port",
            "iwddm: {env: {batchSize: 0}}|/iwddm/env/batchSize",
            "image: {pullPolicy: Sometimes}|/image/pullPolicy",
            "prometheusRule: {badEventsShare: 2}|/prometheusRule/badEventsShare"})
    void badValuesAreRefusedByTheSchemaNamingTheValue(String valuesYaml, String named) {
        String message = refusal(valuesYaml);
        assertTrue(message.contains(named), named + " named in: " + message);
    }

    @Test
    void bothPasswordSourcesAtOnceAreRefused() {
        String message = refusal("iwddm: {db: {secret: {enabled: true, password: x}, existingSecret: {name: pg}}}");
        assertTrue(message.contains("iwddm.db.existingSecret.name: set either it or iwddm.db.secret.enabled"), message);
    }

    @Test
    void deadlinesFollowTheRunBudgetAndTheSchedule() {
        String defaults = Chart.renderYaml(dir, "").cronJob();
        contains(defaults, "  startingDeadlineSeconds: 300\n");
        contains(defaults, "      activeDeadlineSeconds: 840\n");
        contains(defaults, "      ttlSecondsAfterFinished: 86400\n");
        String derived = Chart.renderYaml(dir, """
                iwddm:
                  cronjob: {schedule: "*/5 * * * *", ttlSecondsAfterFinished: null}
                  env: {runMaxSeconds: 120}
                """).cronJob();
        contains(derived, "  startingDeadlineSeconds: 150\n");
        contains(derived, "      activeDeadlineSeconds: 360\n");
        assertFalse(derived.contains("ttlSecondsAfterFinished"), "null keeps finished Jobs until the history limits");
        String explicit = Chart.renderYaml(dir, "iwddm:\n  cronjob: {startingDeadlineSeconds: 60, activeDeadlineSeconds: 500}\n")
                .cronJob();
        contains(explicit, "  startingDeadlineSeconds: 60\n");
        contains(explicit, "      activeDeadlineSeconds: 500\n");
    }

    @ParameterizedTest
    @CsvSource({"'*/15 * * * *', 2700", "'*/3 * * * *', 540", "'7 * * * *', 10800", "'0 */6 * * *', 64800",
            "'0,30 * * * *', 5400", "'30 2 * * *', 259200", "'@hourly', 10800"})
    void alertThresholdsFollowTheSchedule(String schedule, String noSuccessSeconds) {
        String rule = Chart.renderYaml(dir, "prometheusRule: {enabled: true}\niwddm: {cronjob: {schedule: \"" + schedule
                + "\"}}\n").get("PrometheusRule", Chart.RELEASE + "-iwddm-cronjob");
        contains(rule, "execution_chain=\"full\"}) > " + noSuccessSeconds + "\n");
        contains(rule, "          for: " + noSuccessSeconds + "s\n");
    }

    @Test
    void aScheduleWhosePeriodCannotBeDerivedAsksForIt() {
        String message = refusal("prometheusRule: {enabled: true}\niwddm: {cronjob: {schedule: \"0-50/10 * * * *\"}}\n");
        assertTrue(message.contains("set prometheusRule.schedulePeriodSeconds"), message);
        String rule = Chart.renderYaml(dir, "prometheusRule: {enabled: true, schedulePeriodSeconds: 600}\n"
                + "iwddm: {cronjob: {schedule: \"0-50/10 * * * *\"}}\n").get("PrometheusRule", Chart.RELEASE + "-iwddm-cronjob");
        contains(rule, "}) > 1800\n");
    }

    @Test
    void existingSecretsGiveTheJobItsPasswordAndApiKey() {
        String cronJob = Chart.renderYaml(dir, """
                iwddm:
                  db: {existingSecret: {name: pg-pass, key: password}}
                  env: {apiKeySecret: {name: iwd-key}}
                """).cronJob();
        contains(cronJob, """
                                - name: IWDDM_DB_PASSWORD
                                  valueFrom:
                                    secretKeyRef:
                                      name: pg-pass
                                      key: password
                                - name: IWDDM_API_KEY
                                  valueFrom:
                                    secretKeyRef:
                                      name: iwd-key
                                      key: IWDDM_API_KEY
                """);
    }

    @Test
    void placementEnvAndAnnotationOptionsReachTheirObjects() {
        Manifests rendered = Chart.renderYaml(dir, """
                jobAnnotations: {owner: reporting}
                iwddm:
                  tolerations: [{key: batch, operator: Exists, effect: NoSchedule}]
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: In, values: [jobs]}]}]}}}
                  extraEnv: [{name: JAVA_OPTS, value: "-Xlog:gc"}]
                  extraEnvFrom: [{secretRef: {name: iwddm-extra}}]
                  serviceAccount: {annotations: {iam.gke.io/gcp-service-account: iwddm@p.iam.gserviceaccount.com}}
                """);
        String cronJob = rendered.cronJob();
        contains(cronJob, "    metadata:\n      labels:\n");
        contains(cronJob, "      annotations:\n        owner: reporting\n    spec:\n");
        contains(cronJob, "          tolerations:\n            - effect: NoSchedule\n              key: batch\n");
        contains(cronJob, "          affinity:\n            nodeAffinity:\n");
        contains(cronJob, "                - name: JAVA_OPTS\n                  value: -Xlog:gc\n");
        contains(cronJob, "                - secretRef:\n                    name: iwddm-extra\n");
        contains(rendered.get("ServiceAccount", Chart.RELEASE + "-iwddm-cronjob"),
                "  annotations:\n    iam.gke.io/gcp-service-account: iwddm@p.iam.gserviceaccount.com\n");
    }

    @Test
    void nameOverridesNameEveryResource() {
        Manifests full = Chart.renderYaml(dir, "fullnameOverride: acme-mart\n");
        assertTrue(full.find("CronJob", "acme-mart").isPresent(), full.text());
        assertTrue(full.find("ConfigMap", "acme-mart").isPresent(), "the ConfigMap too");
        contains(full.get("CronJob", "acme-mart"), "                    name: acme-mart\n");
        Manifests name = Chart.renderYaml(dir, "nameOverride: mart\n");
        assertTrue(name.find("CronJob", "iwddm-0001-mart").isPresent(), name.text());
        contains(name.get("CronJob", "iwddm-0001-mart"), "    app.kubernetes.io/name: mart\n");
    }

    /**
     * Helm warns "cannot overwrite table with non table" when an override replaces a map default
     * by a string, as the seed's documented `volumeMounts: |-` does; the warning goes to the Go
     * log on stderr, so this renders in a JVM of its own and reads it.
     */
    @Test
    void theDocumentedStringFormOfVolumeMountsRendersWithoutHelmsWarning() throws Exception {
        Process render = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HelmRenderMain.class.getName(),
                Chart.required(dir).toString(), Chart.sample("sample-secrets").toString())
                .directory(Path.of(System.getProperty("user.dir")).toFile()).start();
        render.getOutputStream().close();
        java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(render.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String stderr = new String(render.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(render.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the render finishes");
        assertEquals(0, render.exitValue(), stderr);
        assertTrue(stdout.get().contains("mountPath: \"/mnt/gim-secrets/gim-secret\""), stdout.get());
        assertFalse(stderr.contains("cannot overwrite table"), stderr);
    }

    @Test
    void chartDeclaresTheKubernetesVersionsItNeeds() throws IOException {
        String chart = Files.readString(Chart.DIR.resolve("Chart.yaml"));
        assertTrue(chart.contains("\nkubeVersion: \">=1.25.0-0\"\n"), chart);
        Exception old = assertThrows(IllegalStateException.class, () -> Chart.helm().template().withName(Chart.RELEASE)
                .withKubeVersion("1.24.0").withValuesFile(Chart.required(dir)).call());
        assertTrue(old.getMessage().contains("kubeVersion"), old.getMessage());
    }

    @Test
    void twoTenantsGetTwoDashboards() {
        String first = Dashboards.json(Chart.renderYaml(dir, "grafanaDashboard: {enabled: true}\n"), Chart.RELEASE);
        Manifests second = Chart.renderRelease(Chart.DIR, "iwddm-0002", Chart.required(dir),
                Chart.valuesFile(dir, "grafanaDashboard: {enabled: true}\niwddm: {tenantId: 2}\n"));
        String other = Dashboards.json(second, "iwddm-0002");
        assertEquals("iwddm-0001-iwddm-cronjob", Dashboards.parse(first).get("uid").getAsString());
        assertEquals("iwddm-0002-iwddm-cronjob", Dashboards.parse(other).get("uid").getAsString());
        assertEquals("iwddm iwddm-0002 (tenant 2, full)", Dashboards.parse(other).get("title").getAsString());
    }
}
