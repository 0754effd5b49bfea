package org.iwddm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.iwddm.db.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.sim.FeedSummary;

/**
 * SPEC §5: "Loading the same events in any split into batches, in any arrival order, and any
 * number of times, gives the same database." One database gets a generated feed (late, bad and
 * re-sent events included) in a single batch; another gets it in random batches, each shuffled,
 * loaded in random order, some twice, with the historical chain (iwddm.run_historical, which
 * moves finished tasks to the h_ tables) run now and then in between, so later events hit moved
 * tasks. Both end with one historical run. Every fact (i_ and h_), dimension, aggregate,
 * quarantined event and the calendar must come out identical.
 */
class LoadIdempotencyTest {

    /** Seeds, mart time zones and starts; each feed spans more than a day (a daylight-saving change for two). */
    static Stream<Arguments> feeds() {
        return Stream.of(
                Arguments.of(101L, "UTC", "2026-11-20T06:00:00Z"),
                Arguments.of(202L, "Europe/Berlin", "2026-03-28T12:00:00Z"),
                Arguments.of(303L, "America/New_York", "2026-10-31T12:00:00Z"));
    }

    private static FeedConfig config(long seed, String start) {
        return FeedConfig.builder().seed(seed).tasks(550).start(Instant.parse(start)).tasksPerHour(16)
                .agents(12).lateShare(0.1).badShare(0.03).duplicateShare(0.05).build();
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("feeds")
    void anySplitOrderAndRepetitionGivesTheSameDatabase(long seed, String timezone, String start) throws Exception {
        FeedGenerator generator = new FeedGenerator(config(seed, start));
        List<String> lines = new ArrayList<>();
        FeedSummary summary = generator.forEachLine(lines::add);
        try (TestDatabase whole = TestDatabase.createMigrated(); TestDatabase split = TestDatabase.createMigrated();
             Connection wholeConnection = whole.connect(); Connection splitConnection = split.connect()) {
            Schema.setTimezone(wholeConnection, timezone);
            Schema.setTimezone(splitConnection, timezone);
            MartLoads.loadInOneBatch(wholeConnection, lines);
            MartLoads.loadInRandomBatches(splitConnection, lines, new Random(seed));
            MartLoads.runHistorical(wholeConnection);
            MartLoads.runHistorical(splitConnection);
            assertLoadedEverything(wholeConnection, summary, generator.config().tasks());
            assertEquals(0, MartLoads.count(splitConnection, "iwddm.stage_task_event"), "staging is empty after the loads");
            String differences = CanonicalDump.differences(CanonicalDump.of(wholeConnection), CanonicalDump.of(splitConnection));
            assertEquals("", differences, "one batch and random batches give the same database");
        }
    }

    /**
     * Issue 14's cases: batches that mix, for the same task, in-order events (after its last
     * stored event) and late ones, and late events before a task's first stored event, some of
     * them for tasks already moved to h_ (MixedBatches builds them from the feed; the test checks
     * that each case occurs). The result equals one batch, and rebuild_aggregates over the whole
     * range changes nothing in it.
     */
    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("feeds")
    void batchesMixingInOrderAndLateEventsOfTheSameTaskGiveTheSameDatabase(long seed, String timezone, String start)
            throws Exception {
        FeedGenerator generator = new FeedGenerator(config(seed, start));
        List<String> lines = new ArrayList<>();
        FeedSummary summary = generator.forEachLine(lines::add);
        MixedBatches plan = MixedBatches.of(lines, new Random(seed));
        MixedBatches.Stats stats = plan.stats();
        assertTrue(stats.batchTasksMixingInOrderAndLate() >= 20 && stats.eventsBeforeFirstStored() >= 40
                && stats.batchTasksMixingInOrderAndBeforeFirst() >= 5, "the batches contain the cases: " + stats);
        try (TestDatabase whole = TestDatabase.createMigrated(); TestDatabase split = TestDatabase.createMigrated();
             Connection wholeConnection = whole.connect(); Connection splitConnection = split.connect()) {
            Schema.setTimezone(wholeConnection, timezone);
            Schema.setTimezone(splitConnection, timezone);
            MartLoads.loadInOneBatch(wholeConnection, lines);
            int[] historicalGettingEarlier = {0};
            MartLoads.loadBatchesInOrder(splitConnection, plan.batches(), batch -> historicalGettingEarlier[0] +=
                    historicalTasksGettingEarlierEvents(splitConnection, plan.earliestByTask(batch)));
            MartLoads.runHistorical(wholeConnection);
            MartLoads.runHistorical(splitConnection);
            assertLoadedEverything(wholeConnection, summary, generator.config().tasks());
            assertTrue(historicalGettingEarlier[0] >= 5,
                    "some batches bring events before the first event of a task in h_: " + historicalGettingEarlier[0]);
            Map<String, List<String>> expected = CanonicalDump.of(wholeConnection);
            assertEquals("", CanonicalDump.differences(expected, CanonicalDump.of(splitConnection)),
                    "mixed batches give the database of one batch (" + stats + ")");
            MartLoads.rebuildAllAggregates(splitConnection);
            assertEquals("", CanonicalDump.differences(expected, CanonicalDump.of(splitConnection)),
                    "rebuild_aggregates after the mixed batches changes nothing");
        }
    }

    /** How many tasks of h_task_fact the batch gives an event earlier than their creation. */
    private static int historicalTasksGettingEarlierEvents(Connection connection, Map<String, Instant> earliestByTask)
            throws SQLException {
        String sql = """
                SELECT count(*) FROM iwddm.h_task_fact h
                JOIN unnest(?::text[], ?::text[]) b(task, ts) ON b.task = h.interaction_id
                WHERE b.ts::timestamptz < h.created_ts""";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", earliestByTask.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("text",
                    earliestByTask.values().stream().map(Instant::toString).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Guards against two equally empty databases: the single batch loaded everything. */
    private static void assertLoadedEverything(Connection connection, FeedSummary summary, int tasks) throws SQLException {
        assertEquals(summary.goodEvents(), MartLoads.count(connection, "iwddm.task_event_fact"), "one event fact per good event");
        assertEquals(tasks, MartLoads.count(connection, "iwddm.task_fact"), "one task fact per task");
        assertEquals(summary.badEvents(), MartLoads.count(connection, "iwddm.rejected_event"), "one rejected row per bad event");
        assertEquals(0, MartLoads.count(connection, "iwddm.stage_task_event"), "staging is empty after the load");
        assertTrue(summary.lateEvents() > 0 && summary.duplicateLines() > 0, "the feed has late and re-sent events");
        assertTrue(MartLoads.count(connection, "iwddm.h_task_fact") > 0, "the feed spans closed days: some tasks are historical");
    }
}
