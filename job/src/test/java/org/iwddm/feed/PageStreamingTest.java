package org.iwddm.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory does not grow with the page: a page ten times the size of the heap streams through it. */
class PageStreamingTest {
    @Test
    void aPageFarLargerThanTheHeapStreamsThrough() throws Exception {
        int events = 400_000;
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StreamingMemoryCheck.class.getName(), Integer.toString(events)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));

        assertEquals(0, process.exitValue(), output);
        List<String> figures = List.of(output.split(" "));
        assertEquals(List.of(Integer.toString(events), Integer.toString(events)), figures.subList(0, 2), output);
        assertTrue(Long.parseLong(figures.get(2)) > 10L * 16 * 1024 * 1024, "the page was over 10 x the heap: " + output);
    }
}
