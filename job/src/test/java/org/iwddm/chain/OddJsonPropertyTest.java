package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property (issue 12): random valid-JSON mutations of generated events (unicode escapes, lone
 * surrogates, NUL, deep nesting, repeated keys, huge numbers, exotic number forms, whitespace)
 * never stop a run, and every event is either loaded or in rejected_event with its text exactly
 * as sent. Only a page that is not JSON, or whose ids break the order as the database reads
 * them, may fail a run; no mutation here makes either.
 */
class OddJsonPropertyTest {
    private static final Pattern LEADING_ID = Pattern.compile("^\\{\"id\":(\\d+),");

    /** Each mutation keeps the text valid JSON and the event's plain id, or makes the id unreadable. */
    private static List<UnaryOperator<String>> mutations(Random random, long id) {
        return List.of(
                e -> e.replaceFirst("\"taskId\"", "\"\\\\u0074askId\""),
                e -> e.replaceFirst("^\\{\"id\"", "{\"\\\\u0069d\""),
                OddJsonPropertyTest::escapeStatusLetter,
                e -> insertTop(e, "\"note\":\"lone " + (random.nextBoolean() ? "\\ud800" : "\\udfff") + " here\""),
                e -> insertTask(e, "\"requestedAgent\":\"E\\udc00\""),
                e -> insertTop(e, "\"note\":\"pair \\ud83d\\ude00 and \\u00e9\""),
                e -> insertTop(e, "\"nul\":\"a \\u0000 b\""),
                e -> insertTop(e, "\"deep\":" + nested(random.nextInt(10) == 0 ? 60_000 : 256 + random.nextInt(1000))),
                e -> insertTop(e, "\"deepArray\":" + "[".repeat(300) + "]".repeat(300)),
                e -> insertTask(e, "\"data\":{\"x\":" + nested(300) + "}"),
                e -> insertTop(e, "\"taskId\":\"repeated-first\""),
                e -> insertTop(e, "\"id\":" + (id + 1_000_000)),
                e -> e.replaceFirst("(\"priority\":\\d+)(?=[,}])", "$1,\"priority\":" + random.nextInt(100)),
                e -> insertTop(e, "\"big\":" + (random.nextBoolean() ? "1e400" : "123456789012345678901234567890.5e-3")),
                e -> insertTop(e, "\"huge\":1e1000000"),
                e -> e.replaceFirst("^\\{\"id\":\\d+,", "{\"id\":" + exoticId(random, id) + ","),
                e -> e.replaceFirst("\"priority\":(\\d+)(?=[,}])", "\"priority\":$1E0"),
                e -> insertTask(e, "\"businessValue\":-0,\"priority\":12345678901"),
                e -> e.replaceFirst("^\\{\"id\":", "{\n  \"id\" :\t").replaceFirst(",\"task\":\\{", " ,\r\n\"task\" : {"));
    }

    /** The status value's first letter written as a \\u escape: the same string. */
    private static String escapeStatusLetter(String event) {
        Matcher status = Pattern.compile("\"status\":\"([a-z])").matcher(event);
        if (!status.find()) {
            return event;
        }
        return event.substring(0, status.start(1)) + String.format("\\u%04x", (int) status.group(1).charAt(0))
                + event.substring(status.end(1));
    }

    private static String exoticId(Random random, long id) {
        return switch (random.nextInt(4)) {
            case 0 -> id + ".0";
            case 1 -> id + "e0";
            case 2 -> (id / 10) + "." + (id % 10) + "E1";
            default -> "-0";
        };
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String insertTop(String event, String member) {
        return "{" + member + "," + event.substring(1);
    }

    private static String insertTask(String event, String member) {
        return event.replaceFirst("\"task\":\\{", Matcher.quoteReplacement("\"task\":{" + member + ","));
    }

    private record Sent(long id, String text, boolean mutated) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void oddValidJsonNeverStopsARunAndNoEventVanishes(long seed) throws Exception {
        Random random = new Random(seed);
        List<String> generated = new FeedGenerator(FeedConfig.builder().seed(seed).tasks(40).badShare(0)
                .duplicateShare(0).build()).lines();
        List<Sent> sent = new ArrayList<>();
        for (String line : generated) {
            Matcher id = LEADING_ID.matcher(line);
            assertTrue(id.find(), line);
            long value = Long.parseLong(id.group(1));
            String text = line;
            int times = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2);
            for (int i = 0; i < times; i++) {
                List<UnaryOperator<String>> all = mutations(random, value);
                text = all.get(random.nextInt(all.size())).apply(text);
            }
            sent.add(new Sent(value, text, !text.equals(line)));
        }
        long lastId = sent.get(sent.size() - 1).id();
        StringBuilder page = new StringBuilder("{\"data\":[\n");
        for (int i = 0; i < sent.size(); i++) {
            page.append(i == 0 ? "" : ",\n").append(sent.get(i).text());
        }
        page.append("],\"lastId\":").append(lastId).append(",\"hasMore\":false}");

        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(List.of())) {
            iwd.replacePage(0, page.toString());
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", Integer.toString(sent.size()));

            RunOutcome outcome = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(lastId, Runs.cursor(database), "the cursor moved past the whole page");
            try (Connection connection = database.connect();
                 PreparedStatement loaded = connection.prepareStatement(
                         "SELECT count(*) FROM iwddm.task_event_fact WHERE task_event_id = ?");
                 PreparedStatement rejected = connection.prepareStatement(
                         "SELECT count(*) FROM iwddm.rejected_event WHERE raw = ?")) {
                int mutated = 0;
                for (Sent event : sent) {
                    boolean isLoaded = count(loaded, event.id()) == 1;
                    boolean isRejected = count(rejected, event.text()) == 1;
                    assertTrue(isLoaded ^ isRejected, "event " + event.id() + " must be loaded or rejected (exactly as"
                            + " sent), not " + (isLoaded ? "both" : "neither") + ": " + abbreviated(event.text()));
                    mutated += event.mutated() ? 1 : 0;
                }
                assertTrue(mutated > sent.size() / 3, "enough events were mutated: " + mutated);
            }
        }
    }

    private static long count(PreparedStatement query, Object value) throws Exception {
        query.setObject(1, value);
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
