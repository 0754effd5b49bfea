package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value in values.yaml is described, and chart/iwddm-cronjob/README.md lists them as
 * generated from it. When it is out of date, regenerate it:
 * {@code mvn verify -Dtest=ChartReadmeTest -Diwddm.regenerate=true}.
 */
class ChartReadmeTest {
    private static final Path README = Chart.DIR.resolve("README.md");

    @Test
    void everyValueIsDescribed() throws IOException {
        ValuesDoc doc = ValuesDoc.of(Files.readString(Chart.DIR.resolve("values.yaml")));
        assertEquals(List.of(), doc.undocumented(), "values without a '# --' comment");
        assertTrue(doc.values().size() > 80, "the values are found: " + doc.values().size());
    }

    @Test
    void readmeListsTheValuesAsGenerated() throws IOException {
        String expected = readme(ValuesDoc.of(Files.readString(Chart.DIR.resolve("values.yaml"))));
        if (Boolean.getBoolean("iwddm.regenerate")) {
            Files.writeString(README, expected);
        }
        assertEquals(expected, Files.exists(README) ? Files.readString(README) : "",
                "chart/iwddm-cronjob/README.md is out of date: mvn verify -Dtest=ChartReadmeTest -Diwddm.regenerate=true");
    }

    @Test
    void theGeneratorDocumentsBlocksAndRefusesUncommentedLeaves() {
        ValuesDoc doc = ValuesDoc.of("""
                # header, not a description
                a:
                  # -- the b
                  # over two lines
                  b: 1
                  c: x
                # -- the d block
                d:
                  e: {f: 1}
                  g:
                    h: 2
                """);
        assertEquals(List.of(new ValuesDoc.Value("a.b", "1", "the b over two lines"),
                new ValuesDoc.Value("d", "{e: {f: 1}, g: {h: 2}}", "the d block")), doc.values());
        assertEquals(List.of("a.c"), doc.undocumented());
    }

    static String readme(ValuesDoc doc) {
        StringBuilder text = new StringBuilder("""
                # iwddm-cronjob

                <!-- Generated from values.yaml by org.iwddm.chart.ChartReadmeTest: edit the comments there, then
                     mvn verify -Dtest=ChartReadmeTest -Diwddm.regenerate=true -->

                The IWD Data Mart job (iwddm) as a per-tenant Kubernetes CronJob: every run is a short-lived
                pod that loads the tenant's new IWD task events into its PostgreSQL reporting database and
                exits. Requires Kubernetes >= 1.25 and Helm 3. The step-by-step guide (image, secrets,
                provisioning, first run, upgrades) is [docs/deploy.md](../../docs/deploy.md); the variables
                the job reads are in [docs/configuration.md](../../docs/configuration.md), the metrics and
                alert runbooks in [docs/metrics.md](../../docs/metrics.md).

                ```sh
                helm upgrade --install iwddm-0001 chart/iwddm-cronjob -n iwddm -f values.private.yaml
                helm test iwddm-0001 -n iwddm --logs     # the image's `check`: database and IWD reachable
                ```

                Required: `image.repository`, `iwddm.db.host`, `iwddm.db.dbname`, `iwddm.db.user`, and
                `iwddm.env.restUrl` for the `intraday` and `full` chains; `values.schema.json` refuses an
                install without them, naming each, and checks every value's type and format. The seed
                guide's sample override files are in `ci/`.

                ## Values

                | value | default | description |
                |---|---|---|
                """);
        for (ValuesDoc.Value value : doc.values()) {
            text.append("| `").append(value.path()).append("` | ").append(code(value.defaultValue())).append(" | ")
                    .append(value.description().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }

    private static String code(String value) {
        String escaped = value.replace("|", "\\|");
        return escaped.contains("`") ? "``" + escaped + "``" : "`" + escaped + "`";
    }
}
