package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.config.Secret;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class RunLockTest {
    private static Database database(TestDatabase db) {
        return new Database(new DatabaseSettings(TestDatabase.host(), Integer.parseInt(TestDatabase.port()), db.name(),
                TestDatabase.user(), Secret.of(TestDatabase.password())));
    }

    @Test
    void oneRunAtATimeAndAFinishedRunReleasesItAtOnce() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated(); Connection first = db.connect(); Connection second = db.connect()) {
            Database database = database(db);
            Optional<RunLock> held = RunLock.tryAcquire(database, first);
            assertTrue(held.isPresent());
            assertTrue(RunLock.tryAcquire(database, second).isEmpty(), "held by the first run");

            held.get().close();

            Optional<RunLock> next = RunLock.tryAcquire(database, second);
            assertTrue(next.isPresent(), "released without waiting for the server to end a session");
            next.get().close();
        }
    }

    @Test
    void theReportingRoleCanNeitherTakeNorBlockTheRunLock() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated(); Connection owner = db.connect()) {
            try (Statement sql = owner.createStatement()) {
                sql.execute("DROP ROLE IF EXISTS iwddm_lock_reader");
                sql.execute("CREATE ROLE iwddm_lock_reader LOGIN PASSWORD 'reader-pw'");
                sql.execute("GRANT USAGE ON SCHEMA iwddm TO iwddm_lock_reader");
                sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA iwddm TO iwddm_lock_reader");
            }
            try (Connection reader = DriverManager.getConnection(db.url(), "iwddm_lock_reader", "reader-pw");
                 Statement sql = reader.createStatement()) {
                reader.setAutoCommit(false);
                for (String mode : new String[] {"ROW SHARE", "SHARE", "EXCLUSIVE", "ACCESS EXCLUSIVE"}) {
                    SQLException refused = assertThrows(SQLException.class,
                            () -> sql.execute("LOCK TABLE iwddm.run_lock IN " + mode + " MODE"), mode);
                    assertEquals("42501", refused.getSQLState(), mode + ": " + refused.getMessage());
                    reader.rollback();
                }
                assertThrows(SQLException.class, () -> sql.execute("SELECT * FROM iwddm.run_lock FOR SHARE"));
                reader.rollback();
                // What it can do: read the tables in an open transaction, and hold every advisory lock.
                sql.execute("SELECT * FROM iwddm.run_lock");
                sql.execute("SELECT * FROM iwddm.load_lock");
                sql.execute("SELECT pg_advisory_lock(hashtext('iwddm'), 2), pg_advisory_lock(hashtext('iwddm'), 1)");

                Optional<RunLock> held = RunLock.tryAcquire(database(db), owner);
                assertTrue(held.isPresent(), "the reader's locks do not make the run skip");
                try (Statement load = owner.createStatement()) {
                    load.execute("SET statement_timeout = '5s'");
                    load.execute("CALL iwddm.load_staged()"); // would time out if it waited for the reader
                }
                held.get().close();
                sql.execute("SELECT pg_advisory_unlock_all()");
                reader.rollback();
            } finally {
                try (Statement sql = owner.createStatement()) {
                    sql.execute("DROP OWNED BY iwddm_lock_reader");
                    sql.execute("DROP ROLE iwddm_lock_reader");
                }
            }
        }
    }

    @Test
    void beforeTheSchemaExistsTheAdvisoryLockKeepsRunsApart() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty(); Connection first = db.connect(); Connection second = db.connect()) {
            Optional<RunLock> held = RunLock.tryAcquire(database(db), first);
            assertTrue(held.isPresent());
            assertTrue(RunLock.tryAcquire(database(db), second).isEmpty());
            held.get().close();
            Optional<RunLock> next = RunLock.tryAcquire(database(db), second);
            assertTrue(next.isPresent());
            next.get().close();
        }
    }
}
