package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.CanonicalDump;
import org.iwddm.testing.MartLoads;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iwddm load-file} as a separate JVM against a real PostgreSQL, configured with the mart
 * database only (no IWD settings, as a DBA has none): a file loaded in chunks gives the mart of
 * the same file \copy'd raw and loaded at once, says how it is doing, and can be run again.
 */
class LoadFileCommandTest {
    private static final int CHUNK = 100;

    @TempDir
    Path dir;

    private static List<String> feed() {
        return new FeedGenerator(FeedConfig.builder().seed(2714).tasks(80).start(Instant.parse("2026-11-20T06:00:00Z"))
                .tasksPerHour(30).agents(5).lateShare(0.1).badShare(0.03).duplicateShare(0.03).build()).lines();
    }

    /** The lines as NDJSON, with blank lines (skipped by load-file, still counted as lines) after line 10. */
    private Path write(List<String> lines) throws Exception {
        List<String> withBlanks = new ArrayList<>(lines);
        withBlanks.addAll(Math.min(10, lines.size()), List.of("", "  \t"));
        return Files.writeString(dir.resolve("events.ndjson"), String.join("\n", withBlanks) + "\n");
    }

    private static Map<String, String> databaseOnly(TestDatabase database) {
        return TestEnvironment.forDatabase(database);
    }

    @Test
    void chunksGiveTheMartOfOneRawLoadReportProgressAndCanBeRunAgain() throws Exception {
        List<String> lines = feed();
        Path file = write(lines);
        try (TestDatabase raw = TestDatabase.createMigrated(); TestDatabase chunked = TestDatabase.createMigrated();
             Connection rawConnection = raw.connect(); Connection chunkedConnection = chunked.connect()) {
            MartLoads.loadInOneBatch(rawConnection, lines);

            JobProcess load = JobProcess.run(databaseOnly(chunked), "load-file", "--chunk-events", "" + CHUNK, file.toString());

            assertEquals(0, load.exitCode(), load.stdout() + load.stderr());
            int chunks = (lines.size() + CHUNK - 1) / CHUNK;
            List<String> out = load.stdoutLines();
            assertEquals(chunks + 1, out.size(), "a line per chunk and a summary: " + out);
            assertTrue(out.get(0).matches("load-file: 100 of " + lines.size() + " events \\(lines 1-102\\), \\d+ events/s, "
                    + (lines.size() - CHUNK) + " left"), out.get(0));
            assertTrue(out.get(chunks - 1).matches("load-file: " + lines.size() + " of " + lines.size() + " events \\(lines 1-"
                    + (lines.size() + 2) + "\\), \\d+ events/s, 0 left"), out.get(chunks - 1));
            assertTrue(out.get(chunks).startsWith("load-file: done: " + lines.size() + " events staged in " + chunks + " chunks, "),
                    out.get(chunks));
            Map<String, List<String>> expected = CanonicalDump.of(rawConnection);
            assertEquals("", CanonicalDump.differences(expected, CanonicalDump.of(chunkedConnection)), "chunks give the mart of one load");

            JobProcess again = JobProcess.run(databaseOnly(chunked), "load-file", "--chunk-events", "" + CHUNK, file.toString());

            assertEquals(0, again.exitCode(), again.stdout() + again.stderr());
            assertTrue(again.stdout().contains(" chunks, 0 loaded, "), again.stdout());
            assertEquals("", CanonicalDump.differences(expected, CanonicalDump.of(chunkedConnection)), "a second load changes nothing");
        }
    }

    /** A chunk that fails (bytes that are not UTF-8) is named with its lines; the chunks before it stay, --from-line goes on. */
    @Test
    void aFailedChunkIsNamedTheChunksBeforeItStayAndFromLineGoesOn() throws Exception {
        List<String> lines = feed();
        assertTrue(lines.size() > 3 * CHUNK, "the feed has a third chunk: " + lines.size());
        Path file = write(lines);
        byte[] good = Files.readAllBytes(file);
        int badLine = 250; // in chunk 3: lines 203-302 (two blank lines come before)
        Files.write(file, withBadByteOnLine(good, badLine));
        try (TestDatabase raw = TestDatabase.createMigrated(); TestDatabase chunked = TestDatabase.createMigrated();
             Connection rawConnection = raw.connect(); Connection chunkedConnection = chunked.connect()) {
            MartLoads.loadInOneBatch(rawConnection, lines);

            JobProcess failed = JobProcess.run(databaseOnly(chunked), "load-file", "--chunk-events", "" + CHUNK, file.toString());

            assertEquals(1, failed.exitCode(), failed.stdout() + failed.stderr());
            assertEquals(2, failed.stdoutLines().size(), "two chunks committed: " + failed.stdout());
            assertTrue(failed.stderr().contains("chunk 3 (lines 203-") && failed.stderr().contains("not UTF-8")
                    && failed.stderr().contains("run again with --from-line 203"), failed.stderr());
            assertEquals(2 * CHUNK, MartLoads.scalar(chunkedConnection,
                    "SELECT sum(events_staged) FROM iwddm.etl_audit WHERE entry_kind = 'batch'"), "the two chunks are loaded");

            Files.write(file, good);
            JobProcess resumed = JobProcess.run(databaseOnly(chunked), "load-file", "--chunk-events", "" + CHUNK,
                    "--from-line", "203", file.toString());

            assertEquals(0, resumed.exitCode(), resumed.stdout() + resumed.stderr());
            assertTrue(resumed.stdoutLines().get(0).matches("load-file: 100 of " + (lines.size() - 2 * CHUNK)
                    + " events \\(lines 203-302\\), .*"), resumed.stdout());
            assertFalse(resumed.stdout().contains(" chunks, 0 loaded, "), "the rest is loaded now: " + resumed.stdout());
            assertEquals("", CanonicalDump.differences(CanonicalDump.of(rawConnection), CanonicalDump.of(chunkedConnection)),
                    "the resumed load gives the mart of one load");
        }
    }

    private static byte[] withBadByteOnLine(byte[] ndjson, int line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int current = 1;
        for (byte b : ndjson) {
            if (current == line && b == '{') {
                out.write(0xFF);
                current = -1; // once
            }
            out.write(b);
            if (b == '\n' && current > 0) {
                current++;
            }
        }
        return out.toByteArray();
    }

    @Test
    void aSchemaThatIsNotCurrentIsRefusedWithoutLeakingThePassword() throws Exception {
        Path file = write(feed().subList(0, 5));
        try (TestDatabase empty = TestDatabase.createEmpty()) {
            JobProcess load = JobProcess.run(databaseOnly(empty), "load-file", file.toString());

            assertEquals(1, load.exitCode(), load.stdout() + load.stderr());
            assertTrue(load.stderr().contains("schema iwddm in database " + empty.name() + " is missing or not current")
                    && load.stderr().contains("bin/iwddm run --chain initialize"), load.stderr());
            assertFalse((load.stdout() + load.stderr()).contains(TestDatabase.password()));
        }
    }

    @Test
    void badUsageAndBadConfigurationExitTwoSayingWhy() throws Exception {
        Path file = write(feed().subList(0, 5));
        Map<String, String> noDatabase = Map.of("IWDDM_DB_HOST", "localhost", "IWDDM_SECRETS_DIRS", TestEnvironment.NO_SECRETS);
        for (String size : List.of("0", "1000001", "many")) {
            JobProcess bad = JobProcess.run(noDatabase, "load-file", "--chunk-events", size, file.toString());
            assertEquals(2, bad.exitCode(), bad.stdout() + bad.stderr());
            assertTrue(bad.stderr().startsWith("Invalid value for option '--chunk-events': '" + size
                    + "' is not a number of events per chunk (1 to 1000000)"), bad.stderr());
        }
        JobProcess missing = JobProcess.run(noDatabase, "load-file", dir.resolve("nowhere.ndjson").toString());
        assertEquals(2, missing.exitCode(), missing.stdout() + missing.stderr());
        assertTrue(missing.stderr().contains("nowhere.ndjson is not a readable file; nothing was loaded"), missing.stderr());

        JobProcess unconfigured = JobProcess.run(noDatabase, "load-file", file.toString());
        assertEquals(2, unconfigured.exitCode(), unconfigured.stdout() + unconfigured.stderr());
        assertTrue(unconfigured.stdout().contains("problem: IWDDM_DB_NAME: missing")
                && unconfigured.stdout().contains("problem: IWDDM_DB_PASSWORD: missing")
                && unconfigured.stdout().strip().endsWith("configuration invalid (3 problems)"), unconfigured.stdout());
        assertFalse(unconfigured.stdout().contains("IWDDM_REST_URL"), "a file load needs no feed");
    }
}
