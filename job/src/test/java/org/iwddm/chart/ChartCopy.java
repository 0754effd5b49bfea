package org.iwddm.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A copy of chart/iwddm-cronjob with some text replaced, for what helm-java cannot pass as values. */
final class ChartCopy {
    private ChartCopy() {
    }

    /** Copies the chart into dir, replacing each key of valuesEdits by its value in values.yaml (each must occur). */
    static Path of(Path dir, Map<String, String> valuesEdits) throws IOException {
        Path copy = copy(dir);
        edit(copy.resolve("values.yaml"), valuesEdits);
        return copy;
    }

    static Path copy(Path dir) throws IOException {
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
        return copy;
    }

    static void edit(Path file, Map<String, String> edits) throws IOException {
        String text = Files.readString(file);
        for (Map.Entry<String, String> edit : edits.entrySet()) {
            if (!text.contains(edit.getKey())) {
                throw new AssertionError(file.getFileName() + " lost the text to replace: " + edit.getKey());
            }
            text = text.replace(edit.getKey(), edit.getValue());
        }
        Files.writeString(file, text);
    }
}
