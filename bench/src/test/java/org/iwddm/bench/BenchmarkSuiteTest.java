package org.iwddm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.iwddm.feed.FakeIwd;
import org.iwddm.sim.IwdSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The benchmark harness at tiny sizes: every scenario runs for real (the job as a separate
 * process, on the test class path since no jar is packaged during tests) and the report holds
 * a positive figure for each, a chart with both lines, and the hand-written analysis it found.
 */
class BenchmarkSuiteTest {
    private static final int EVENTS = 1_000;
    private static final List<String> ROWS = List.of("1", "2", "2a", "3", "3a", "4a", "4b", "4c", "5", "6");

    /** One migrated template for both tests: migrating takes seconds, copying it a fraction. */
    private static Marts marts;

    @TempDir
    Path dir;

    @BeforeAll
    static void migrateTemplate() throws Exception {
        marts = Marts.create();
    }

    @AfterAll
    static void dropTemplate() throws Exception {
        marts.close();
    }

    @Test
    void aQuickRunReportsEveryScenarioWithAChartAndKeepsTheAnalysis() throws Exception {
        Path out = dir.resolve("benchmarks.md");
        Files.writeString(out, "# old figures\n\n## Analysis\n\nWritten by hand: keep me.\n");
        BenchmarkSuite.run(BenchSettings.parse("--quick", "--events", Integer.toString(EVENTS), "--runs", "2", "--mart-events", "2000",
                "--memory-events", "1000", "--incremental-batch", "500", "--incremental-runs", "2", "--idle-runs", "1",
                "--batch-sizes", "250,1000", "--out", out.toString(), "--launcher", "classpath"), marts);

        String markdown = Files.readString(out);
        for (String row : ROWS) {
            assertTrue(figure(markdown, row) > 0, "row " + row + " has a positive figure in\n" + markdown);
        }
        assertTrue(markdown.contains("## Analysis\n\nWritten by hand: keep me.\n"), "the analysis survives the rerun");
        assertFalse(markdown.contains("# old figures"), "everything else is regenerated");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("benchmarks-throughput.svg"))));
        assertEquals(2, circlesOf(svg, "floor"), "the floor line has a point per batch size");
        assertEquals(2, circlesOf(svg, "pipeline"), "the pipeline line has a point per batch size");
    }

    @Test
    void theNaivePeerReallyLoadsEveryEventRowByRow() throws Exception {
        BenchFeed feed = BenchFeed.write(BenchFeed.busyTenant(EVENTS), EVENTS, dir.resolve("feed.ndjson"));
        List<String> lines = List.of(new String(feed.ndjson(), StandardCharsets.UTF_8).split("\n"));
        try (Marts.Mart mart = marts.fresh(); IwdSimulator server = IwdSimulator.serve(feed, FakeIwd.API_KEY, FakeIwd.CCID);
             Connection connection = mart.connect()) {
            NaivePeer.createSchema(connection);
            try (NaivePeer peer = new NaivePeer(connection, server.restUrl())) {
                assertEquals(EVENTS, peer.loadAll(300), "events read");
            }
            assertEquals(EVENTS, mart.count("SELECT count(*) FROM naive.task_event"), "one row per event");
            assertEquals(feed.lastId(), mart.count("SELECT last_event_id FROM naive.feed_cursor"), "cursor at the end");
            assertEquals(lines.stream().map(l -> field(l, "taskId")).distinct().count(),
                    mart.count("SELECT count(*) FROM naive.task"), "one current-state row per task");
            assertEquals(lines.stream().filter(l -> field(l, "eventType").equals("Created")).count(),
                    mart.count("SELECT sum(entered) FROM naive.agg_classif_15min"), "every Created event counted once");
            assertEquals(EVENTS, mart.count("SELECT sum(events) FROM naive.agg_queue_15min"), "every event counted once");
        }
    }

    /** The median column of the table row numbered {@code row}. */
    private static double figure(String markdown, String row) {
        Matcher line = Pattern.compile("(?m)^\\| " + row + " \\| [^|]+ \\| ([0-9.,]+) \\|").matcher(markdown);
        assertTrue(line.find(), "a table row " + row);
        return Double.parseDouble(line.group(1).replace(",", ""));
    }

    private static int circlesOf(Document svg, String series) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (series.equals(group.getAttribute("data-series"))) {
                return group.getElementsByTagName("circle").getLength();
            }
        }
        throw new AssertionError("no series " + series + " in the chart");
    }

    private static String field(String line, String name) {
        JsonObject event = JsonParser.parseString(line).getAsJsonObject();
        return event.get(name).getAsString();
    }
}
