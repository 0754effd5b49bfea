package org.iwddm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.junit.jupiter.api.Test;

/**
 * The DBA's chunked backfill (docs/loading.md): iwddm.load_staged_in_chunks loads a staged set a
 * chunk at a time, committing each, says how far it got, and resumes after a stop; the mart it
 * leaves equals one load of everything.
 */
class ChunkedLoadTest {
    private static List<String> feed() {
        return new FeedGenerator(FeedConfig.builder().seed(1414).tasks(120).start(Instant.parse("2026-11-20T06:00:00Z"))
                .tasksPerHour(30).agents(5).lateShare(0.1).badShare(0.02).duplicateShare(0.03).build()).lines();
    }

    @Test
    void chunksGiveTheMartOfOneLoadAndReportProgress() throws Exception {
        List<String> lines = feed();
        try (TestDatabase whole = TestDatabase.createMigrated(); TestDatabase chunked = TestDatabase.createMigrated();
             Connection wholeConnection = whole.connect(); Connection chunkedConnection = chunked.connect()) {
            MartLoads.loadInOneBatch(wholeConnection, lines);
            stage(chunkedConnection, lines);

            List<String> notices = callChunked(chunkedConnection, 100);

            int chunks = (lines.size() + 99) / 100;
            assertEquals(chunks, notices.size(), "one progress notice per chunk: " + notices);
            assertTrue(notices.get(0).matches("load_staged_in_chunks: 100 of " + lines.size() + " events, \\d+ events/s, "
                    + (lines.size() - 100) + " left"), notices.get(0));
            assertTrue(notices.get(chunks - 1).endsWith(", 0 left"), notices.get(chunks - 1));
            assertEquals(chunks, MartLoads.count(chunkedConnection, "iwddm.etl_audit"), "one committed batch per chunk");
            assertEquals("", CanonicalDump.differences(CanonicalDump.of(wholeConnection), CanonicalDump.of(chunkedConnection)),
                    "chunks give the mart of one load");
        }
    }

    @Test
    void aStoppedLoadResumesWhereItStopped() throws Exception {
        List<String> lines = feed();
        try (TestDatabase whole = TestDatabase.createMigrated(); TestDatabase chunked = TestDatabase.createMigrated();
             Connection wholeConnection = whole.connect(); Connection chunkedConnection = chunked.connect()) {
            MartLoads.loadInOneBatch(wholeConnection, lines);
            stage(chunkedConnection, lines);
            // A stop after the first chunks: cancelled from another session once a chunk is committed.
            stopOnceSomethingIsLoaded(chunked, chunkedConnection, 5);
            long loadedBeforeResume = MartLoads.count(chunkedConnection, "iwddm.task_event_fact");
            assertTrue(loadedBeforeResume > 0, "some chunks were committed before the stop");

            callChunked(chunkedConnection, 5);

            assertEquals(0, MartLoads.count(chunkedConnection, "iwddm.stage_backlog"), "the backlog is empty");
            assertEquals("", CanonicalDump.differences(CanonicalDump.of(wholeConnection), CanonicalDump.of(chunkedConnection)),
                    "the resumed load gives the mart of one load");
        }
    }

    @Test
    void aChunkSizeBelowOneIsRefusedWithAHint() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("CALL iwddm.load_staged_in_chunks(0)"));
            assertTrue(refused.getMessage().contains("chunk_events must be a positive number of events, not 0")
                    && refused.getMessage().contains("Hint"), refused.getMessage());
        }
    }

    /** Runs the chunked load and cancels it (as Ctrl-C in psql would) once its first chunk is committed. */
    private static void stopOnceSomethingIsLoaded(TestDatabase database, Connection loading, int chunk) throws Exception {
        int pid = (int) MartLoads.scalar(loading, "SELECT pg_backend_pid()");
        java.util.concurrent.CompletableFuture<Throwable> load = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (Statement statement = loading.createStatement()) {
                statement.execute("CALL iwddm.load_staged_in_chunks(" + chunk + ")");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        try (Connection watcher = database.connect()) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (MartLoads.count(watcher, "iwddm.task_event_fact") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            MartLoads.scalar(watcher, "SELECT pg_cancel_backend(" + pid + ")::int");
        }
        Throwable stopped = load.get();
        assertTrue(stopped instanceof SQLException && stopped.getMessage().contains("canceling statement"),
                "the load was stopped mid-way: " + stopped);
    }

    private static void stage(Connection connection, List<String> lines) throws SQLException {
        connection.setAutoCommit(false);
        StageCopy.copyLines(connection, lines);
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Calls the procedure in autocommit (it commits each chunk) and returns its notices. */
    private static List<String> callChunked(Connection connection, int chunk) throws SQLException {
        connection.setAutoCommit(true);
        List<String> notices = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL iwddm.load_staged_in_chunks(" + chunk + ")");
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                notices.add(warning.getMessage());
            }
        }
        return notices;
    }
}
