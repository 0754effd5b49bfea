package org.iwddm.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.iwddm.feed.FakeIwd;

/**
 * The naive peer (scenario 3): the same load done the way a typical ETL tool does it, written
 * only for this benchmark. It reads the same pages from the same fake IWD over HTTP (so the
 * transport costs the same as the job's), parses each page into a Gson tree, and for every
 * event issues row-at-a-time JDBC statements: an upsert per dimension member it references
 * (tenant, solution, category, capture point, media type, queue, agent), an insert of the
 * event row, an upsert of the task's current-state row, and upserts of the two 15-minute
 * aggregate rows it touches. Not a straw man: every statement is prepared once and reused
 * (server-side after pgjdbc's prepareThreshold), autocommit is off and each page is one
 * transaction with the cursor, like the job's; what it leaves out is batching (addBatch),
 * COPY and set-wise SQL, which is exactly the difference under test.
 *
 * <p>It computes less than the job (see NaiveSchema): no work facts, no late-event
 * recomputation of history, no snapshot measures, no transitions (it counts status events),
 * no validation or quarantine of bad events. So its rate is an upper bound for a naive tool.
 */
final class NaivePeer implements AutoCloseable {
    private final Connection connection;
    private final URI restUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PreparedStatement> dimensions = new ArrayList<>();
    private final PreparedStatement event;
    private final PreparedStatement task;
    private final PreparedStatement classifAggregate;
    private final PreparedStatement queueAggregate;
    private final PreparedStatement cursor;

    NaivePeer(Connection connection, URI restUrl) throws SQLException {
        this.connection = connection;
        this.restUrl = restUrl;
        connection.setAutoCommit(false);
        for (String sql : NaiveSchema.DIMENSION_UPSERTS) {
            dimensions.add(connection.prepareStatement(sql));
        }
        event = connection.prepareStatement(NaiveSchema.EVENT_INSERT);
        task = connection.prepareStatement(NaiveSchema.TASK_UPSERT);
        classifAggregate = connection.prepareStatement(NaiveSchema.CLASSIF_AGGREGATE_UPSERT);
        queueAggregate = connection.prepareStatement(NaiveSchema.QUEUE_AGGREGATE_UPSERT);
        cursor = connection.prepareStatement(NaiveSchema.CURSOR_UPSERT);
    }

    /** Reads the feed from the start in pages of pageSize, one transaction per page; returns events loaded. */
    long loadAll(int pageSize) throws SQLException, IOException, InterruptedException {
        long sinceId = 0;
        long events = 0;
        boolean hasMore = true;
        while (hasMore) {
            JsonObject page = fetch(sinceId, pageSize);
            for (JsonElement element : page.getAsJsonArray("data")) {
                loadEvent(element.getAsJsonObject());
                events++;
            }
            sinceId = page.get("lastId").getAsLong();
            cursor.setLong(1, sinceId);
            cursor.executeUpdate();
            connection.commit();
            hasMore = page.get("hasMore").getAsBoolean();
        }
        return events;
    }

    private JsonObject fetch(long sinceId, int limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/tasks/events?sinceId=" + sinceId
                        + "&limit=" + limit)).header("x-api-key", FakeIwd.API_KEY).header("x-ccid", FakeIwd.CCID)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the fake IWD answered " + response.statusCode() + " for sinceId " + sinceId);
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private void loadEvent(JsonObject e) throws SQLException {
        NaiveEvent event = NaiveEvent.of(e);
        upsertDimensions(event);
        insertEvent(event);
        upsertTask(event);
        upsertAggregates(event);
    }

    /** One upsert per referenced member, in NaiveSchema.DIMENSION_UPSERTS order. */
    private void upsertDimensions(NaiveEvent e) throws SQLException {
        execute(dimensions.get(0), e.tenantId(), e.tenantName());
        execute(dimensions.get(1), e.tenantId(), e.solutionId(), e.solutionName());
        execute(dimensions.get(2), e.categoryPath(), e.categoryId(), e.department(), e.process());
        execute(dimensions.get(3), e.capturePointId(), e.capturePointName());
        execute(dimensions.get(4), e.mediaType());
        execute(dimensions.get(5), e.queue());
        execute(dimensions.get(6), e.employeeId(), e.agentName());
    }

    private void insertEvent(NaiveEvent e) throws SQLException {
        event.setLong(1, e.id());
        bind(event, 2, e.taskId(), e.eventType(), e.timestamp(), e.status(), e.queue(), e.employeeId(), e.tenantId(),
                e.solutionId(), e.categoryPath(), e.capturePointId(), e.mediaType(), e.priority(), e.businessValue(),
                e.dueTs());
        event.executeUpdate();
    }

    private void upsertTask(NaiveEvent e) throws SQLException {
        bind(task, 1, e.taskId(), e.createdTs(), e.id(), e.timestamp(), e.status(), e.queue(), e.employeeId(),
                "completed".equals(e.status()) ? e.timestamp() : null, e.priority(), e.businessValue(), e.dueTs(),
                e.tenantId(), e.solutionId(), e.categoryPath(), e.capturePointId(), e.mediaType());
        task.executeUpdate();
    }

    private void upsertAggregates(NaiveEvent e) throws SQLException {
        OffsetDateTime interval = intervalStart(e.timestamp());
        bind(classifAggregate, 1, interval, e.tenantId(), e.solutionId(), e.department(), e.process(),
                "Created".equals(e.eventType()) ? 1 : 0, "completed".equals(e.status()) ? 1 : 0,
                "canceled".equals(e.status()) ? 1 : 0, "rejected".equals(e.status()) ? 1 : 0);
        classifAggregate.executeUpdate();
        bind(queueAggregate, 1, interval, e.queue());
        queueAggregate.executeUpdate();
    }

    private static OffsetDateTime intervalStart(OffsetDateTime timestamp) {
        long seconds = timestamp.toEpochSecond();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds - Math.floorMod(seconds, 900)), ZoneOffset.UTC);
    }

    private static void execute(PreparedStatement statement, Object... values) throws SQLException {
        bind(statement, 1, values);
        statement.executeUpdate();
    }

    private static void bind(PreparedStatement statement, int first, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(first + i, Types.OTHER);
            } else {
                statement.setObject(first + i, value);
            }
        }
    }

    /** Creates the naive schema (NaiveSchema.DDL) in the connection's database and commits. */
    static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(NaiveSchema.DDL);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : dimensions) {
            statement.close();
        }
        for (PreparedStatement statement : List.of(event, task, classifAggregate, queueAggregate, cursor)) {
            statement.close();
        }
    }
}
