package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The driver's typing against the database's own (issue 14): for every event of a corpus
 * (generated feeds with bad events, on DST days, plus EventMutations), an event the driver vouches
 * for must be one iwddm.load_parse_staged finds no problem with, and its typed row COPYed into
 * iwddm.stage_typed_event must equal, column by column, the row load_parse_staged puts in
 * pg_temp.load_event, with every key equal to iwddm.member_key of that row's values. An event it
 * does not vouch for must stage as its exact text alone.
 */
class TypedStagingParityTest {
    /** stage_typed_event's typed columns; load_event has each under the same name. */
    private static final String[] SAME_COLUMNS = {"task_event_id", "interaction_id", "task_event_type_name", "event_ts",
        "status_name", "queue_name", "employee_id", "agent_name", "tenant_runtime_id", "tenant_name",
        "solution_runtime_id", "solution_name", "category_runtime_id", "category_levels", "capture_point_runtime_id",
        "capture_point_name", "media_type_name", "media_channel_name", "priority", "business_value", "due_ts",
        "task_created_ts", "capture_id", "customer_id", "customer_segment_name", "product_type", "product_subtype",
        "skill_name", "result_code_name", "source_tenant_name", "source_process_type", "source_process_subtype",
        "requested_employee_id", "activation_ts", "source_created_ts", "source_first_created_ts", "expiration_ts",
        "custom_data"};
    /** Each key and its member_key arguments, as iwddm.load_key_events passes them. */
    private static final String[][] KEYS = {{"task_event_type_key", "task_event_type_name"}, {"queue_key", "queue_name"},
        {"assigned_agent_key", "employee_id"}, {"capture_point_key", "capture_point_runtime_id"},
        {"media_type_key", "media_type_name"}, {"media_channel_key", "media_channel_name"},
        {"customer_key", "customer_id"}, {"customer_segment_key", "customer_segment_name"},
        {"product_key", "product_type, e.product_subtype"}, {"requested_skill_key", "skill_name"},
        {"requested_agent_key", "requested_employee_id"}, {"result_code_key", "result_code_name"},
        {"source_process_key", "source_process_type, e.source_process_subtype"},
        {"source_tenant_key", "source_tenant_name"}};

    /** What the database made of one event, by its place in the batch. */
    private record Outcome(int ordinal, boolean typed, int problems, boolean inLoadEvent, String differing, String raw,
            int nonNulls) {
    }

    @Test
    void generatedFeedsWithBadEventsAndDstDaysType() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            EventTyper typer = EventTyper.of(connection);
            // Each feed on its own: their event ids overlap, and load_event keeps one event per id.
            for (String start : new String[] {"2026-03-29T00:00:00Z", "2026-11-01T04:00:00Z", "2026-10-25T00:00:00Z"}) {
                List<String> events = new FeedGenerator(FeedConfig.builder().seed(start.hashCode()).tasks(250)
                        .start(Instant.parse(start)).badShare(0.15).lateShare(0.1).duplicateShare(0).build()).lines();
                List<String> vouched = events.stream().filter(e -> typer.type(e) != null).toList();
                assertTrue(vouched.size() > events.size() / 2, "most generated events are vouched for: "
                        + vouched.size() + " of " + events.size());
                assertTrue(vouched.size() < events.size(), "the bad events are sent raw");
                assertParity(connection, typer, events, false);
                assertParity(connection, typer, vouched, true);
            }
        }
    }

    @Test
    void randomlyDamagedEventsAreVouchedForOnlyWhenTheDatabaseAgrees() throws Exception {
        List<String> good = new FeedGenerator(FeedConfig.builder().seed(2026).tasks(300).badShare(0)
                .duplicateShare(0).build()).lines();
        RandomMutations mutations = new RandomMutations(14);
        List<String> events = good.stream().map(mutations::mutate).toList();
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            EventTyper typer = EventTyper.of(connection);
            long vouched = events.stream().filter(e -> typer.type(e) != null).count();
            assertTrue(vouched > events.size() / 10 && vouched < events.size() * 9 / 10,
                    "the damage leaves both outcomes: " + vouched + " of " + events.size());
            assertParity(connection, typer, events, false);
        }
    }

    @Test
    void handMutationsKeepTheirRules() throws Exception {
        List<String> events = new ArrayList<>();
        long id = 1;
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            EventTyper typer = EventTyper.of(connection);
            for (EventMutations.Variant good : EventMutations.good()) {
                String json = good.withId(id++);
                assertNotNull(typer.type(json), "vouched for: " + good.name() + ": " + json);
                events.add(json);
            }
            for (EventMutations.Variant raw : EventMutations.raw()) {
                String json = raw.withId(id++);
                assertNull(typer.type(json), "sent raw: " + raw.name() + ": " + json);
                events.add(json);
            }
            assertParity(connection, typer, events, false);
            assertParity(connection, typer, events.subList(0, EventMutations.good().size()), true);
        }
    }

    /** Stages the events both ways in one transaction (rolled back) and compares; allGood: the cheap first attempt must load them. */
    private static void assertParity(Connection connection, EventTyper typer, List<String> events, boolean allGood)
            throws Exception {
        connection.setAutoCommit(false);
        try {
            StageCopy.copyLines(connection, events);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('iwddm.etl_audit_key', '1', true)");
                statement.execute("CALL iwddm.load_parse_staged()");
            }
            assertEquals(events.size(), copyTyped(connection, typer, events));
            if (allGood) {
                assertEquals("1", setting(connection, "iwddm.parse_attempt"), "vouched events never fail the batch's casts");
            }
            List<Outcome> outcomes = outcomes(connection);
            assertEquals(events.size(), outcomes.size());
            for (Outcome outcome : outcomes) {
                String event = events.get(outcome.ordinal());
                assertEquals(typer.type(event) != null, outcome.typed(), "typed row or raw row: " + event);
                if (outcome.typed()) {
                    assertEquals(0, outcome.problems(), "the database finds no problem with a vouched event: " + event);
                    assertTrue(outcome.inLoadEvent(), "a vouched event reaches load_event: " + event);
                    assertEquals("", outcome.differing(), "typed columns equal load_event's: " + event);
                } else {
                    assertEquals(event, outcome.raw(), "a raw row holds the exact text");
                    assertEquals(3, outcome.nonNulls(), "a raw row holds nothing else (stage_id, raw; ordinal): " + event);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The job's typed COPY, from records written as the reading thread writes them. */
    private static long copyTyped(Connection connection, EventTyper typer, List<String> events) throws Exception {
        TypedCopyRecord record = new TypedCopyRecord(typer);
        StringWriter records = new StringWriter();
        for (String event : events) {
            record.write(records, event);
        }
        return TypedStaging.copyEncoded(connection, records.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Outcome> outcomes(Connection connection) throws SQLException {
        StringBuilder differing = new StringBuilder("array_to_string(array_remove(ARRAY[");
        for (String column : SAME_COLUMNS) {
            differing.append("CASE WHEN t.").append(column).append(" IS DISTINCT FROM e.").append(column)
                    .append(" THEN '").append(column).append("' END, ");
        }
        for (String[] key : KEYS) {
            differing.append("CASE WHEN t.").append(key[0]).append(" IS DISTINCT FROM iwddm.member_key(e.").append(key[1])
                    .append(") OR t.").append(key[0]).append(" IS DISTINCT FROM e.").append(key[0])
                    .append(" THEN '").append(key[0]).append("' END, ");
        }
        differing.append("NULL], NULL), ',')");
        String sql = "WITH r AS (SELECT row_number() OVER (ORDER BY stage_id) - 1 AS ordinal, * FROM pg_temp.load_raw),"
                + " t AS (SELECT row_number() OVER (ORDER BY stage_id) - 1 AS ordinal, * FROM pg_temp.stage_typed_event)"
                + " SELECT t.ordinal, t.raw IS NULL, coalesce(cardinality(r.problems), -1), e.stage_id IS NOT NULL,"
                + " CASE WHEN t.raw IS NULL THEN " + differing + " END, t.raw, (SELECT count(*) FROM jsonb_object_keys(jsonb_strip_nulls(to_jsonb(t))))"
                + " FROM t JOIN r USING (ordinal) LEFT JOIN pg_temp.load_event e ON e.stage_id = r.stage_id"
                + " ORDER BY t.ordinal";
        List<Outcome> outcomes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                outcomes.add(new Outcome(rows.getInt(1), rows.getBoolean(2), rows.getInt(3), rows.getBoolean(4),
                        rows.getString(5), rows.getString(6), rows.getInt(7)));
            }
        }
        return outcomes;
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "', true)")) {
            row.next();
            return row.getString(1);
        }
    }
}
