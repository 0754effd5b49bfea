package org.iwddm.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Ways to load a generated feed into a mart, shared by the property tests. */
public final class MartLoads {
    private MartLoads() {
    }

    /** Stages every line and loads them in one transaction. */
    public static void loadInOneBatch(Connection connection, List<String> lines) throws SQLException {
        connection.setAutoCommit(false);
        StageCopy.copyLines(connection, lines);
        call(connection, "CALL iwddm.load_staged()");
        connection.commit();
    }

    /**
     * Random cuts (1 line up to an eighth of the feed), each batch shuffled, the batches in
     * random order, about a quarter loaded a second time later on; now and then two batches
     * share one transaction, and now and then the historical chain runs after a batch.
     */
    public static void loadInRandomBatches(Connection connection, List<String> lines, Random random)
            throws SQLException {
        List<List<String>> plan = new ArrayList<>(randomBatches(lines, random));
        Collections.shuffle(plan, random);
        for (List<String> batch : List.copyOf(plan)) {
            if (random.nextInt(4) == 0) {
                plan.add(random.nextInt(plan.size() + 1), batch);
            }
        }
        connection.setAutoCommit(false);
        for (List<String> batch : plan) {
            StageCopy.copyLines(connection, batch);
            call(connection, "CALL iwddm.load_staged()");
            if (random.nextInt(5) != 0) {
                connection.commit();
            }
            if (random.nextInt(4) == 0) {
                runHistorical(connection);
            }
        }
        connection.commit();
    }

    /** Something to do before each batch of {@link #loadBatchesInOrder} is staged (gets its index). */
    @FunctionalInterface
    public interface BeforeBatch {
        void accept(int index) throws SQLException;
    }

    /**
     * The batches in the given order, one transaction each, with the historical chain run after
     * every third batch, so later batches hit tasks already moved to the h_ tables.
     */
    public static void loadBatchesInOrder(Connection connection, List<List<String>> batches, BeforeBatch before)
            throws SQLException {
        connection.setAutoCommit(false);
        for (int i = 0; i < batches.size(); i++) {
            before.accept(i);
            StageCopy.copyLines(connection, batches.get(i));
            call(connection, "CALL iwddm.load_staged()");
            connection.commit();
            if (i % 3 == 2) {
                runHistorical(connection);
            }
        }
    }

    /** rebuild_aggregates over the whole covered range, committed. */
    public static void rebuildAllAggregates(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        call(connection, """
                DO $$ DECLARE c iwddm.mart_config; BEGIN
                    SELECT * INTO c FROM iwddm.mart_config;
                    CALL iwddm.rebuild_aggregates(to_timestamp(c.agg_from), to_timestamp(c.agg_to));
                END $$""");
        connection.commit();
    }

    /** Runs the historical chain's procedure and commits. */
    public static void runHistorical(Connection connection) throws SQLException {
        call(connection, "CALL iwddm.run_historical()");
        connection.commit();
    }

    public static long count(Connection connection, String table) throws SQLException {
        return scalar(connection, "SELECT count(*) FROM " + table);
    }

    /** The first column of the first row of a query, as a long. */
    public static long scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void call(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<List<String>> randomBatches(List<String> lines, Random random) {
        List<List<String>> batches = new ArrayList<>();
        int maxSize = Math.max(1, lines.size() / 8);
        for (int from = 0; from < lines.size(); ) {
            int to = Math.min(lines.size(), from + 1 + random.nextInt(maxSize));
            List<String> batch = new ArrayList<>(lines.subList(from, to));
            Collections.shuffle(batch, random);
            batches.add(batch);
            from = to;
        }
        return batches;
    }
}
