package org.iwddm.chart;

import java.nio.file.Path;

/**
 * Renders the chart with the given values files in a JVM of its own, so a test can read what
 * Helm's Go code logs to the process's stderr (its warnings never reach Java).
 */
public final class HelmRenderMain {
    private HelmRenderMain() {
    }

    public static void main(String[] valuesFiles) {
        Path[] files = new Path[valuesFiles.length];
        for (int i = 0; i < valuesFiles.length; i++) {
            files[i] = Path.of(valuesFiles[i]);
        }
        System.out.println(Chart.render(files).text());
    }
}
