package org.iwddm.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders chart/iwddm-cronjob with helm-java (Helm itself, no binary) and splits the manifests. */
final class Chart {
    static final Path DIR = Path.of(System.getProperty("user.dir"), "chart", "iwddm-cronjob");
    static final String RELEASE = "iwddm-0001";
    /** The Kubernetes version rendered against (helm template's default, 1.20, is below the chart's kubeVersion). */
    static final String KUBE_VERSION = "1.29.0";
    /** The values every install must give (the seed's defaults leave them empty). */
    static final String REQUIRED = """
            image: {repository: iwddm}
            iwddm:
              db: {host: pg.db, dbname: iwddm_0001, user: iwddm_dm}
              env: {restUrl: "http://iwd.iwd.svc.cluster.local:4024/iwd/v3"}
            """;

    private Chart() {
    }

    static Helm helm() {
        return helm(DIR);
    }

    static Helm helm(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + chart + ": run the tests from the repository root");
        }
        return new Helm(chart);
    }

    /** Renders with the chart's defaults plus the given values files. */
    static Manifests render(Path... valuesFiles) {
        return renderChart(DIR, valuesFiles);
    }

    static Manifests renderChart(Path chart, Path... valuesFiles) {
        return renderRelease(chart, RELEASE, valuesFiles);
    }

    static Manifests renderRelease(Path chart, String release, Path... valuesFiles) {
        TemplateCommand template = helm(chart).template().withName(release).withNamespace("iwddm")
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return new Manifests(template.call());
    }

    /** Renders with the required values, then an override file written from YAML text. */
    static Manifests renderYaml(Path dir, String valuesYaml) {
        return render(required(dir), valuesFile(dir, valuesYaml));
    }

    /** A values file with {@link #REQUIRED}. */
    static Path required(Path dir) {
        return valuesFile(dir, REQUIRED);
    }

    static Path valuesFile(Path dir, String valuesYaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), valuesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sample(String name) {
        return DIR.resolve("ci").resolve(name + ".yaml");
    }

    /** `helm template` output as documents keyed by "<template file>#<n>" (n counts documents of one file). */
    record Manifests(String text) {
        Map<String, String> documents() {
            Map<String, String> documents = new LinkedHashMap<>();
            for (String document : text.split("(?m)^---\\s*$")) {
                int source = document.indexOf("# Source: iwddm-cronjob/templates/");
                if (source < 0) {
                    continue;
                }
                String file = document.substring(source + 34, document.indexOf('\n', source));
                int n = 0;
                while (documents.containsKey(file + "#" + n)) {
                    n++;
                }
                documents.put(file + "#" + n, document);
            }
            return documents;
        }

        /** The one document of the given kind and name; fails when it is missing. */
        String get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(
                    "no " + kind + " " + name + " in:\n" + text));
        }

        java.util.Optional<String> find(String kind, String name) {
            return documents().values().stream()
                    .filter(d -> d.contains("\nkind: " + kind + "\n") && d.contains("\n  name: " + name + "\n"))
                    .findFirst();
        }

        String cronJob() {
            return get("CronJob", RELEASE + "-iwddm-cronjob");
        }

        String configMap() {
            return get("ConfigMap", RELEASE + "-iwddm-cronjob");
        }
    }
}
