package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code iwddm check}, the chart's helm test, as a separate JVM against a real PostgreSQL and
 * a fake IWD on loopback: it reports each of them and never writes.
 */
class CheckCommandTest {

    @Test
    void reachableDatabaseAndIwdPassAndNothingIsWritten() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2))) {
            JobProcess check = JobProcess.run(TestEnvironment.forJob(database, iwd.restUrl()), "check");

            assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
            List<String> lines = check.stdoutLines();
            assertTrue(lines.get(0).startsWith("configuration: ok (intraday chain, tenant " + FakeIwd.CCID), lines.toString());
            assertTrue(lines.get(1).startsWith("database: ok (" + TestDatabase.user() + "@"), lines.toString());
            assertTrue(lines.get(1).endsWith("schema iwddm current)"), lines.toString());
            assertTrue(lines.get(2).startsWith("IWD: ok (GET " + iwd.restUrl()) && lines.get(2).endsWith(" answered 200)"),
                    lines.toString());
            assertEquals("every check passed", lines.get(3));
            assertEquals(1, iwd.requests().size(), "one request");
            assertFalse(check.stdout().contains(FakeIwd.API_KEY) || check.stdout().contains(TestDatabase.password()));
        }
    }

    @Test
    void anEmptyDatabaseIsReachableAndSaysTheFirstRunCreatesTheSchema() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_EXECUTION_CHAIN", "historical");
            JobProcess check = JobProcess.run(env, "check");

            assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
            assertTrue(check.stdout().contains("schema iwddm not created yet: the first full or initialize run creates it"),
                    check.stdout());
            assertTrue(check.stdout().contains("IWD: ok (not checked: the historical chain does not read the feed)"),
                    check.stdout());
            assertEquals(List.of(), iwd.requests());
        }
    }

    @Test
    void eachUnreachableSideFailsByNameAndExitsOne() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_API_KEY", "wrong-key-5f1e");
            env.put("IWDDM_DB_PORT", Integer.toString(closedPort()));
            JobProcess check = JobProcess.run(env, "check");

            assertEquals(1, check.exitCode(), check.stdout() + check.stderr());
            assertTrue(check.stdout().contains("\ndatabase: FAILED: "), check.stdout());
            assertTrue(check.stdout().contains("\nIWD: FAILED: ") && check.stdout().contains("401"), check.stdout());
            assertTrue(check.stdout().strip().endsWith("\na check failed"), check.stdout());
            assertFalse(check.stdout().contains("wrong-key-5f1e"), "the key is masked");
        }
    }

    @Test
    void anInvalidConfigurationExitsTwoListingEachProblemOnce() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1))) {
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", "ten");
            env.put("IWDDM_TIMEZONE", "Europe/Atlantis");
            for (String command : new String[] {"check", "config"}) {
                JobProcess process = JobProcess.run(env, command);

                assertEquals(2, process.exitCode(), command + ": " + process.stdout() + process.stderr());
                assertEquals(1, occurrences(process.stdout(), "IWDDM_BATCH_SIZE: "), command + ": " + process.stdout());
                assertEquals(1, occurrences(process.stdout(), "IWDDM_TIMEZONE: "), command + ": " + process.stdout());
                assertTrue(process.stdout().strip().endsWith("\nconfiguration invalid (2 problems)"), process.stdout());
            }
            assertEquals(List.of(), iwd.requests());
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
