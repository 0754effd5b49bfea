package org.iwddm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * a positive figure for each, ratios that are those of its figures, a chart with both floors' and
 * the pipeline's lines, and the hand-written analysis it found. Floor B's one statement is checked
 * field by field against the feed's JSON.
 */
class BenchmarkSuiteTest {
    private static final int EVENTS = 1_000;
    private static final List<String> ROWS = List.of("1", "1b", "2", "2a", "2b", "3", "3a", "4a", "4b", "4c", "5", "6");
    /** Fields of FEED.md kept as text: JSON path (dots into objects) and floor B's column. */
    private static final String[][] TEXT_FIELDS = {{"taskId", "task_id"}, {"eventType", "event_type"},
        {"status", "status"}, {"queue", "queue"}, {"agent.employeeId", "agent_employee_id"}, {"agent.name", "agent_name"},
        {"task.tenant.id", "tenant_id"}, {"task.tenant.name", "tenant_name"}, {"task.solution.id", "solution_id"},
        {"task.solution.name", "solution_name"}, {"task.capturePoint.id", "capture_point_id"},
        {"task.capturePoint.name", "capture_point_name"}, {"task.category.id", "category_id"},
        {"task.mediaType", "media_type"}, {"task.channel", "channel"}, {"task.captureId", "capture_id"},
        {"task.customerId", "customer_id"}, {"task.customerSegment", "customer_segment"},
        {"task.productType", "product_type"}, {"task.productSubtype", "product_subtype"},
        {"task.requestedAgent", "requested_agent"}, {"task.requestedSkill", "requested_skill"},
        {"task.resultCode", "result_code"}, {"task.sourceTenant", "source_tenant"},
        {"task.sourceProcessType", "source_process_type"}, {"task.sourceProcessSubtype", "source_process_subtype"}};
    private static final String[][] TIME_FIELDS = {{"timestamp", "event_time"}, {"task.createdDateTime", "created_time"},
        {"task.activationDateTime", "activation_time"}, {"task.dueDateTime", "due_time"},
        {"task.expirationDateTime", "expiration_time"}, {"task.sourceCreatedDateTime", "source_created_time"},
        {"task.sourceFirstCreatedDateTime", "source_first_created_time"}};
    private static final String[][] INT_FIELDS = {{"task.priority", "priority"}, {"task.businessValue", "business_value"}};

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
        assertEquals(figure(markdown, "2") / figure(markdown, "1b"), figure(markdown, "2b"), 0.0005 + 0.01 * figure(markdown, "2b"),
                "row 2b is the pipeline over floor B");
        assertEquals(figure(markdown, "2") / figure(markdown, "1"), figure(markdown, "2a"), 0.0005 + 0.01 * figure(markdown, "2a"),
                "row 2a is the pipeline over floor A");
        assertEquals(figure(markdown, "2b") < 0.5, markdown.contains("- **Pipeline ÷ floor B** is "),
                "a missed floor B target has its note, a met one none");
        assertEquals(figure(markdown, "2a") < 0.35, markdown.contains("- **Pipeline ÷ floor A** is "),
                "a missed floor A target has its note, a met one none");
        assertBatchSizeTable(markdown, List.of(250, 1000));
        assertTrue(markdown.contains(FloorBScenario.INSERT_SQL), "the Method section shows floor B's statement");
        assertTrue(markdown.contains("## Analysis\n\nWritten by hand: keep me.\n"), "the analysis survives the rerun");
        assertFalse(markdown.contains("# old figures"), "everything else is regenerated");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("benchmarks-throughput.svg"))));
        assertEquals(2, circlesOf(svg, "floor-a"), "the floor A line has a point per batch size");
        assertEquals(2, circlesOf(svg, "floor-b"), "the floor B line has a point per batch size");
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

    @Test
    void floorBTypesEveryFieldOfEveryEvent() throws Exception {
        BenchFeed feed = BenchFeed.write(BenchFeed.busyTenant(EVENTS), EVENTS, dir.resolve("feed.ndjson"));
        List<JsonObject> events = new String(feed.ndjson(), StandardCharsets.UTF_8).lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect()) {
            FloorBScenario.createTables(connection);
            assertEquals(EVENTS, FloorBScenario.loadOnce(connection, feed.ndjson()), "one row inserted per event");
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT * FROM floor_b.task_event ORDER BY event_id")) {
                for (JsonObject event : events) {
                    assertTrue(row.next(), "a row for event " + event.get("id"));
                    assertRowMatches(event, row);
                }
                assertFalse(row.next(), "no row beyond the events");
            }
            assertEquals(EVENTS, mart.count("SELECT count(*) FROM floor_b.raw_event"), "the scratch table holds the raw lines");
            assertTrue(mart.count("SELECT count(*) FROM pg_index WHERE indisprimary AND indrelid = 'floor_b.task_event'::regclass"
                    + " AND indkey::text = '1'") == 1, "the target's primary key is the event id");
        }
    }

    private static void assertRowMatches(JsonObject event, ResultSet row) throws Exception {
        String id = event.get("id").getAsString();
        assertEquals(event.get("id").getAsLong(), row.getLong("event_id"), "event id");
        for (String[] field : TEXT_FIELDS) {
            JsonElement value = at(event, field[0]);
            assertEquals(value == null ? null : value.getAsString(), row.getString(field[1]), field[0] + " of event " + id);
        }
        for (String[] field : TIME_FIELDS) {
            JsonElement value = at(event, field[0]);
            OffsetDateTime stored = row.getObject(field[1], OffsetDateTime.class);
            assertEquals(value == null ? null : OffsetDateTime.parse(value.getAsString()).toInstant(),
                    stored == null ? null : stored.toInstant(), field[0] + " of event " + id);
        }
        for (String[] field : INT_FIELDS) {
            JsonElement value = at(event, field[0]);
            assertEquals(value == null ? null : value.getAsInt(), row.getObject(field[1]), field[0] + " of event " + id);
        }
        List<String> path = new ArrayList<>();
        at(event, "task.category.path").getAsJsonArray().forEach(level -> path.add(level.getAsString()));
        assertEquals(path, List.of((String[]) row.getArray("category_path").getArray()), "category path of event " + id);
        JsonElement data = at(event, "task.data");
        assertEquals(data, row.getString("data") == null ? null : JsonParser.parseString(row.getString("data")),
                "data of event " + id);
    }

    /** The value at a dotted path, or null when any step is missing or JSON null. */
    private static JsonElement at(JsonObject object, String path) {
        JsonElement value = object;
        for (String step : path.split("\\.")) {
            if (value == null || !value.isJsonObject() || !value.getAsJsonObject().has(step)) {
                return null;
            }
            value = value.getAsJsonObject().get(step);
        }
        return value == null || value.isJsonNull() ? null : value;
    }

    /** The batch-size table: a row per size with five positive figures, its ratios those of its medians. */
    private static void assertBatchSizeTable(String markdown, List<Integer> sizes) {
        assertTrue(markdown.contains("| batch size | floor A, events/s (min–max) | floor B, events/s (min–max) |"
                + " pipeline, events/s (min–max) | pipeline ÷ floor A | pipeline ÷ floor B |"), "the table's header");
        for (int size : sizes) {
            Matcher line = Pattern.compile("(?m)^\\| " + String.format(java.util.Locale.ROOT, "%,d", size)
                    + " \\| ([0-9,]+) \\([^|]+\\) \\| ([0-9,]+) \\([^|]+\\) \\| ([0-9,]+) \\([^|]+\\) \\| ([0-9.]+) \\| ([0-9.]+) \\|$")
                    .matcher(markdown);
            assertTrue(line.find(), "a table row for batch size " + size + " in\n" + markdown);
            double floorA = number(line.group(1));
            double floorB = number(line.group(2));
            double pipeline = number(line.group(3));
            assertTrue(floorA > 0 && floorB > 0 && pipeline > 0, "positive figures at batch size " + size);
            assertEquals(pipeline / floorA, number(line.group(4)), 0.0005 + 0.01 * pipeline / floorA, "pipeline ÷ floor A");
            assertEquals(pipeline / floorB, number(line.group(5)), 0.0005 + 0.01 * pipeline / floorB, "pipeline ÷ floor B");
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
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
