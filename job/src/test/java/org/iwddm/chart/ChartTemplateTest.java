package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.iwddm.chart.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iwddm-cronjob chart rendered by Helm: defaults, the seed's sample override files, edge values. */
class ChartTemplateTest {
    @TempDir
    Path dir;

    /** helm lint reads only values.yaml: with the seed's empty defaults it must fail, naming what is missing. */
    @Test
    void helmLintStrictRefusesTheEmptyDefaultsNamingEachRequiredValue() {
        LintResult result = Chart.helm().lint().strict().call();
        assertTrue(result.isFailed(), "the defaults cannot install: " + result.getMessages());
        String messages = String.join("\n", result.getMessages());
        for (String value : new String[] {"/image/repository", "/iwddm/db/host", "/iwddm/db/dbname", "/iwddm/db/user",
                "/iwddm/env/restUrl"}) {
            assertTrue(messages.contains(value), value + " named in: " + messages);
        }
    }

    @Test
    void chartWithTheRequiredValuesPassesHelmLintStrictly() throws IOException {
        Path chart = ChartCopy.of(dir, Map.of(
                "  repository: \"\"\n", "  repository: \"iwddm\"\n",
                "    host: null\n", "    host: pg.db\n",
                "    dbname: null\n", "    dbname: iwddm_0001\n",
                "    user: null\n", "    user: iwddm_dm\n",
                "    restUrl: \"\"\n", "    restUrl: \"http://iwd.iwd:4024/iwd/v3\"\n"));
        LintResult result = Chart.helm(chart).lint().strict().call();
        assertFalse(result.isFailed(), "helm lint --strict: " + result.getMessages());
    }

    /**
     * The guide's two "Deploy" override files install as written; its "Secrets" page gives
     * snippets, which install on top of the values they leave out (image, database, IWD URL).
     */
    @Test
    void sampleOverrideFilesRender() {
        for (String sample : new String[] {"sample-deploy", "sample-deploy-aks"}) {
            Manifests rendered = Chart.render(Chart.sample(sample));
            assertTrue(rendered.text().contains("kind: CronJob"), sample + " renders a CronJob");
        }
        Manifests secrets = Chart.render(Chart.required(dir), Chart.sample("sample-secrets"));
        assertTrue(secrets.text().contains("kind: CronJob"), "sample-secrets renders a CronJob");
    }

    @Test
    void defaultsMatchTheSeedValuesTable() {
        Manifests rendered = Chart.renderYaml(dir, "");
        String cronJob = rendered.cronJob();
        contains(cronJob, "  schedule: \"*/15 * * * *\"\n  suspend: false\n");
        contains(cronJob, "  concurrencyPolicy: Forbid\n");
        contains(cronJob, "  successfulJobsHistoryLimit: 3\n  failedJobsHistoryLimit: 3\n");
        contains(cronJob, "  startingDeadlineSeconds: 300\n");
        contains(cronJob, "      backoffLimit: 0\n");
        contains(cronJob, """
                              resources:
                                limits:
                                  cpu: 100m
                                  memory: 160Mi
                                requests:
                                  cpu: 50m
                                  memory: 128Mi
                """);
        contains(cronJob, "              imagePullPolicy: IfNotPresent\n              args: [\"run\"]\n");
        contains(cronJob, "            runAsNonRoot: true\n");
        contains(cronJob, "                allowPrivilegeEscalation: false\n");
        contains(cronJob, "                readOnlyRootFilesystem: true\n");
        contains(cronJob, "    iwddm/tenant-id: \"1\"\n");
        contains(cronJob, "                - name: IWDDM_DB_PORT\n                  value: \"5432\"\n");
        String config = rendered.configMap();
        contains(config, "  IWDDM_TENANT_ID: \"1\"\n");
        contains(config, "  IWDDM_EXECUTION_CHAIN: \"full\"\n");
        contains(config, "  IWDDM_BATCH_SIZE: \"10000\"\n");
        contains(config, "  IWDDM_TIMEZONE: \"UTC\"\n");
        contains(config, "  IWDDM_MONITORING_ENABLED: \"false\"\n");
        contains(config, "  IWDDM_WFM_ENABLED: \"false\"\n");
        contains(config, "  IWDDM_GIM_ENABLED: \"false\"\n");
        assertTrue(rendered.find("Secret", Chart.RELEASE + "-iwddm-cronjob-db").isEmpty(), "no DB Secret by default");
        assertTrue(rendered.find("ServiceAccount", Chart.RELEASE + "-iwddm-cronjob").isPresent(),
                "serviceAccount.create defaults to true");
        assertFalse(rendered.text().contains("PrometheusRule"), "alerts are off by default");
        assertFalse(rendered.text().contains("-dashboard"), "the dashboard is off by default");
    }

    @Test
    void seedDeploySampleMountsTheMapOfVolumeMountsAndCreatesTheDbSecret() {
        Manifests rendered = Chart.render(Chart.sample("sample-deploy"));
        String cronJob = rendered.cronJob();
        contains(cronJob, "  schedule: \"*/3 * * * *\"\n");
        contains(cronJob, "image: \"pureengage-docker-staging.jfrog.io/iwddm/iwd_dm_cloud:100.0.0741322\"");
        contains(cronJob, "          imagePullSecrets:\n            - name: pullsecret\n");
        contains(cronJob, """
                                - name: iwd-secrets
                                  mountPath: "/mnt/env-secrets/iwd-secrets"
                                  readOnly: true
                                - name: iwddm-db-secrets
                                  mountPath: "/mnt/env-secrets/db-secrets"
                                  readOnly: true
                """);
        contains(cronJob, """
                            - name: iwddm-db-secrets
                              secret:
                                secretName: iwddm-db-secret-0100
                """);
        contains(cronJob, """
                                - name: IWDDM_DB_PASSWORD
                                  valueFrom:
                                    secretKeyRef:
                                      name: iwddm-db-secret-0100
                                      key: IWDDM_DB_PASSWORD
                """);
        contains(cronJob, "                - configMapRef:\n                    name: iwddm-0001-iwddm-cronjob-db\n");
        String dbConfig = rendered.get("ConfigMap", "iwddm-0001-iwddm-cronjob-db");
        contains(dbConfig, "  IWDDM_DB_HOST: \"pg-iwddm.postgres.svc.cluster.local\"\n");
        contains(dbConfig, "  IWDDM_DB_USER: \"iwddm_dm\"\n");
        String secret = rendered.get("Secret", "iwddm-db-secret-0100");
        contains(secret, "  IWDDM_DB_PASSWORD: \"" + base64("somePassword1") + "\"\n");
        assertFalse(rendered.text().contains("somePassword1"), "the password appears only base64-encoded in the Secret");
        contains(rendered.configMap(), "  IWDDM_TENANT_ID: \"100\"\n");
    }

    @Test
    void seedAksSampleEnablesGimAndLeavesDisabledGauthSecretUnreferenced() {
        Manifests rendered = Chart.render(Chart.sample("sample-deploy-aks"));
        String config = rendered.configMap();
        contains(config, "  IWDDM_GIM_ENABLED: \"true\"\n");
        contains(config, "  IWDDM_WFM_ENABLED: \"false\"\n");
        contains(config, "  IWDDM_WFM_GAUTH_CLIENT_ID: \"iwddm_client\"\n");
        contains(config, "  IWDDM_REST_URL: \"http://iwd.${IWD_NAMESPACE}.svc.${DNS_SCOPE}:4024/iwd/v3\"\n");
        assertFalse(rendered.cronJob().contains("IWDDM_WFM_GAUTH_CLIENT_SECRET"),
                "a disabled GAuth must not make the pod depend on its secret");
    }

    @Test
    void seedSecretsSampleRendersVolumeMountsGivenAsATemplateString() {
        String cronJob = Chart.render(Chart.required(dir), Chart.sample("sample-secrets")).cronJob();
        contains(cronJob, """
                                - name: gim-secrets
                                  readOnly: true
                                  mountPath: "/mnt/gim-secrets/gim-secret"
                """);
        contains(cronJob, """
                            - name: gim-secrets
                              secret:
                                secretName: gim-secrets
                """);
        contains(cronJob, "                - name: IWDDM_DB_HOST\n                  value: \"pg-iwddm.postgres.svc.cluster.local\"\n");
    }

    @Test
    void suspendStopsTheSchedule() {
        String cronJob = Chart.renderYaml(dir, "iwddm:\n  cronjob:\n    suspend: true\n    schedule: \"5 * * * *\"\n")
                .cronJob();
        contains(cronJob, "  schedule: \"5 * * * *\"\n  suspend: true\n");
    }

    @Test
    void monitoringUrlGoesToASecretNotTheConfigMap() {
        Manifests rendered = Chart.renderYaml(dir, """
                iwddm:
                  env:
                    monitoring:
                      enabled: true
                      pushgateway_url: "http://user:pw@pushgateway.monitoring:9091"
                """);
        contains(rendered.configMap(), "  IWDDM_MONITORING_ENABLED: \"true\"\n");
        assertFalse(rendered.configMap().contains("pushgateway"), "the URL may carry a password");
        String secret = rendered.get("Secret", "iwddm-0001-iwddm-cronjob-urls");
        contains(secret, "  IWDDM_PUSHGATEWAY_URL: \"" + base64("http://user:pw@pushgateway.monitoring:9091") + "\"\n");
        contains(rendered.cronJob(), "                - secretRef:\n                    name: iwddm-0001-iwddm-cronjob-urls\n");
    }

    @Test
    void wfmWithGauthTakesTheClientSecretFromTheGivenSecretKeyRef() {
        Manifests rendered = Chart.renderYaml(dir, """
                iwddm:
                  env:
                    wfm:
                      enabled: true
                      rest_url: http://wfm:7010/wfm/api/v3
                      health_url: http://wfm:7010/?Handler=DISCO
                      gauth:
                        enabled: true
                        rest_url: http://gauth-auth-active.gauth.svc.cluster.local.:80
                        client_id: iwddm_client
                        client_secret:
                          valueFrom:
                            secretKeyRef:
                              name: shared-gauth-iwddm-client-secret
                              key: gauth-iwddm-client-secret
                """);
        contains(rendered.cronJob(), """
                                - name: IWDDM_WFM_GAUTH_CLIENT_SECRET
                                  valueFrom:
                                    secretKeyRef:
                                      key: gauth-iwddm-client-secret
                                      name: shared-gauth-iwddm-client-secret
                """);
        String config = rendered.configMap();
        contains(config, "  IWDDM_WFM_ENABLED: \"true\"\n");
        contains(config, "  IWDDM_WFM_GAUTH_ENABLED: \"true\"\n");
        contains(config, "  IWDDM_WFM_HEALTH_URL: \"http://wfm:7010/?Handler=DISCO\"\n");
        contains(config, "  IWDDM_WFM_GAUTH_REST_URL: \"http://gauth-auth-active.gauth.svc.cluster.local.:80\"\n");
    }

    @Test
    void enabledGauthWithoutSecretRefIsRefused() {
        Path values = Chart.valuesFile(dir, """
                iwddm:
                  env:
                    wfm: {enabled: true, gauth: {enabled: true, client_id: x}}
                """);
        Exception refused = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.required(dir), values));
        assertTrue(refused.getMessage().contains("client_secret.valueFrom.secretKeyRef"), refused.getMessage());
    }

    @Test
    void enabledDbSecretWithoutPasswordIsRefused() {
        Path values = Chart.valuesFile(dir, "iwddm:\n  db:\n    secret:\n      enabled: true\n");
        Exception refused = assertThrows(IllegalStateException.class, () -> Chart.render(Chart.required(dir), values));
        assertTrue(refused.getMessage().contains("iwddm.db.secret.password is required"), refused.getMessage());
    }

    @Test
    void gimAndTimezoneAndBudgetReachTheJob() {
        String config = Chart.renderYaml(dir, """
                iwddm:
                  tenantId: 42
                  env:
                    gim: {enabled: true}
                    timezone: Europe/Berlin
                    batchSize: 500
                    executionChain: intraday
                    runMaxEvents: 100000
                    ccid: ccid-0042
                """).configMap();
        contains(config, "  IWDDM_GIM_ENABLED: \"true\"\n");
        contains(config, "  IWDDM_TIMEZONE: \"Europe/Berlin\"\n");
        contains(config, "  IWDDM_BATCH_SIZE: \"500\"\n");
        contains(config, "  IWDDM_EXECUTION_CHAIN: \"intraday\"\n");
        contains(config, "  IWDDM_RUN_MAX_EVENTS: \"100000\"\n");
        contains(config, "  IWDDM_CCID: \"ccid-0042\"\n");
        contains(config, "  IWDDM_TENANT_ID: \"42\"\n");
    }

    @Test
    void customVolumesAreTemplatesAndPodSettingsApply() {
        String cronJob = Chart.renderYaml(dir, """
                podAnnotations: {team: reporting}
                podLabels: {tier: batch}
                iwddm:
                  labels: {cost-center: cc7}
                  nodeSelector: {pool: jobs}
                  priorityClassName: low
                  securityContext: {runAsUser: 2000, readOnlyRootFilesystem: true}
                  resources: {limits: {cpu: 200m, memory: 256Mi}, requests: {cpu: 100m, memory: 200Mi}}
                  serviceAccount: {create: false, name: existing-sa}
                  volumes: |-
                    - name: extra
                      configMap:
                        name: {{ .Release.Name }}-extra
                  volumeMounts: |-
                    - name: extra
                      mountPath: /etc/extra
                """).cronJob();
        contains(cronJob, "            - name: extra\n              configMap:\n                name: iwddm-0001-extra\n");
        contains(cronJob, "                - name: extra\n                  mountPath: /etc/extra\n");
        contains(cronJob, "          annotations:\n            team: reporting\n");
        contains(cronJob, "            tier: batch\n");
        contains(cronJob, "    cost-center: cc7\n");
        contains(cronJob, "          nodeSelector:\n            pool: jobs\n");
        contains(cronJob, "          priorityClassName: \"low\"\n");
        contains(cronJob, "              securityContext:\n                readOnlyRootFilesystem: true\n                runAsUser: 2000\n");
        contains(cronJob, "                  cpu: 200m\n                  memory: 256Mi\n");
        contains(cronJob, "          serviceAccountName: existing-sa\n");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static void contains(String document, String expected) {
        assertTrue(document.contains(expected), () -> "expected\n" + expected + "\nin\n" + document);
    }
}
