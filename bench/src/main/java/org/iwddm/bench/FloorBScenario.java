package org.iwddm.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iwddm.testing.StageCopy;

/**
 * Scenario 1b, floor B, the minimal in-database load (issue 14): COPY the raw event lines into
 * a scratch table, then ONE {@code INSERT ... SELECT} that parses each line with
 * {@code raw::jsonb}, types every field of FEED.md with {@code jsonb_to_record} (nested for the
 * task and its category) and inserts one row per event into a table with a primary key on the
 * event id; committed. Both tables are ordinary (logged) tables in a fresh mart of the same
 * cluster, created untimed. Once for all N events in one transaction (the headline), and once per
 * batch size, a chunk at a time (COPY, INSERT ... SELECT of that chunk, commit), for the chart.
 * The timed part is COPY + INSERT + commit; the scratch table is emptied, untimed, after each
 * commit, and the target after each run once its rows are checked.
 */
final class FloorBScenario {
    /** Events per second: all N in one load, and in chunks of each batch size. */
    record Result(Stats oneLoad, Map<Integer, Stats> byBatchSize) {
    }

    /** The scratch table (raw lines, no key) and the typed target (primary key on the event id). */
    static final String CREATE_SQL = """
            CREATE SCHEMA floor_b;
            CREATE TABLE floor_b.raw_event (raw text NOT NULL);
            CREATE TABLE floor_b.task_event (
                event_id bigint PRIMARY KEY, task_id text NOT NULL, event_type text NOT NULL,
                event_time timestamptz NOT NULL, status text NOT NULL, queue text,
                agent_employee_id text, agent_name text,
                tenant_id text NOT NULL, tenant_name text, solution_id text NOT NULL, solution_name text,
                capture_point_id text, capture_point_name text, category_id text, category_path text[] NOT NULL,
                media_type text, channel text, priority int, business_value int,
                created_time timestamptz, activation_time timestamptz, due_time timestamptz,
                expiration_time timestamptz, source_created_time timestamptz, source_first_created_time timestamptz,
                capture_id text, customer_id text, customer_segment text, product_type text, product_subtype text,
                requested_agent text, requested_skill text, result_code text, source_tenant text,
                source_process_type text, source_process_subtype text, data jsonb)""";

    /** The job's staging COPY format (SPEC §3), into the scratch table. */
    static final String COPY_SQL = "COPY floor_b.raw_event(raw) FROM STDIN"
            + " WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')";

    /** The one statement that parses, types and inserts every staged line. */
    static final String INSERT_SQL = """
            INSERT INTO floor_b.task_event
            SELECT e.id, e."taskId", e."eventType", e."timestamp", e.status, e.queue,
                   e.agent ->> 'employeeId', e.agent ->> 'name',
                   t.tenant ->> 'id', t.tenant ->> 'name', t.solution ->> 'id', t.solution ->> 'name',
                   t."capturePoint" ->> 'id', t."capturePoint" ->> 'name', c.id, c.path,
                   t."mediaType", t.channel, t.priority, t."businessValue",
                   t."createdDateTime", t."activationDateTime", t."dueDateTime", t."expirationDateTime",
                   t."sourceCreatedDateTime", t."sourceFirstCreatedDateTime",
                   t."captureId", t."customerId", t."customerSegment", t."productType", t."productSubtype",
                   t."requestedAgent", t."requestedSkill", t."resultCode", t."sourceTenant",
                   t."sourceProcessType", t."sourceProcessSubtype", t.data
            FROM floor_b.raw_event AS r
            CROSS JOIN LATERAL jsonb_to_record(r.raw::jsonb) AS e(
                id bigint, "taskId" text, "eventType" text, "timestamp" timestamptz, status text, queue text,
                agent jsonb, task jsonb)
            CROSS JOIN LATERAL jsonb_to_record(e.task) AS t(
                tenant jsonb, solution jsonb, "capturePoint" jsonb, category jsonb, "mediaType" text, channel text,
                priority int, "businessValue" int, "createdDateTime" timestamptz, "activationDateTime" timestamptz,
                "dueDateTime" timestamptz, "expirationDateTime" timestamptz, "sourceCreatedDateTime" timestamptz,
                "sourceFirstCreatedDateTime" timestamptz, "captureId" text, "customerId" text,
                "customerSegment" text, "productType" text, "productSubtype" text, "requestedAgent" text,
                "requestedSkill" text, "resultCode" text, "sourceTenant" text, "sourceProcessType" text,
                "sourceProcessSubtype" text, data jsonb)
            CROSS JOIN LATERAL jsonb_to_record(t.category) AS c(id text, path text[])""";


    private FloorBScenario() {
    }

    static Result run(Marts marts, BenchFeed feed, BenchSettings settings) throws SQLException, IOException {
        try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect()) {
            createTables(connection);
            double[] whole = new double[settings.runs()];
            List<byte[]> all = List.of(feed.ndjson());
            for (int run = 0; run < settings.runs(); run++) {
                whole[run] = timeLoads(connection, all, feed.events());
            }
            Progress.say("floor B: COPY + INSERT ... SELECT of %,d events: %,.0f events/s (median)", feed.events(),
                    Stats.rates(feed.events(), whole).median());
            Map<Integer, Stats> byBatchSize = new LinkedHashMap<>();
            for (int batchSize : settings.batchSizes()) {
                byBatchSize.put(batchSize, chunked(connection, feed, batchSize, settings.runs()));
            }
            return new Result(Stats.rates(feed.events(), whole), byBatchSize);
        }
    }

    /** Creates the scratch and target tables and leaves the connection in manual-commit mode. */
    static void createTables(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_SQL);
        }
        connection.commit();
    }

    private static Stats chunked(Connection connection, BenchFeed feed, int batchSize, int runs)
            throws SQLException, IOException {
        List<byte[]> chunks = feed.chunks(batchSize);
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            seconds[run] = timeLoads(connection, chunks, feed.events());
        }
        Stats rates = Stats.rates(feed.events(), seconds);
        Progress.say("floor B: in chunks of %,d: %,.0f events/s (median)", batchSize, rates.median());
        return rates;
    }

    /**
     * Seconds of COPY + INSERT ... SELECT + commit summed over the chunks (the scratch table is
     * emptied, untimed, after each); checks every event became a typed row, then empties the target.
     */
    private static double timeLoads(Connection connection, List<byte[]> chunks, int events) throws SQLException {
        long copied = 0;
        long inserted = 0;
        long nanos = 0;
        try (Statement statement = connection.createStatement()) {
            for (byte[] chunk : chunks) {
                long started = System.nanoTime();
                copied += StageCopy.copyNdjson(connection, chunk, COPY_SQL);
                inserted += statement.executeUpdate(INSERT_SQL);
                connection.commit();
                nanos += System.nanoTime() - started;
                statement.execute("TRUNCATE floor_b.raw_event");
                connection.commit();
            }
            if (copied != events || inserted != events) {
                throw new IllegalStateException("floor B copied " + copied + " and inserted " + inserted
                        + " rows, not " + events);
            }
            requireTyped(statement, events);
            statement.execute("TRUNCATE floor_b.task_event");
            connection.commit();
        }
        return nanos / 1e9;
    }

    /** One load of the whole feed, left in the target table (for tests); returns the rows inserted. */
    static long loadOnce(Connection connection, byte[] ndjson) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            StageCopy.copyNdjson(connection, ndjson, COPY_SQL);
            long inserted = statement.executeUpdate(INSERT_SQL);
            connection.commit();
            return inserted;
        }
    }

    /** The required fields of FEED.md arrived typed in every row (a run that typed nothing is refused). */
    private static void requireTyped(Statement statement, int events) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT count(*), count(event_time), count(tenant_id),"
                + " count(*) FILTER (WHERE cardinality(category_path) >= 1) FROM floor_b.task_event")) {
            row.next();
            for (int column = 1; column <= 4; column++) {
                if (row.getLong(column) != events) {
                    throw new IllegalStateException("floor B: column " + column + " of the check counts "
                            + row.getLong(column) + " typed rows, not " + events);
                }
            }
        }
    }

}
