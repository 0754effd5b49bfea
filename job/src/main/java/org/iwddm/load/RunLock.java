package org.iwddm.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The lock that keeps two runs from interleaving (SPEC §1): EXCLUSIVE on the empty table
 * iwddm.run_lock, taken with NOWAIT in a transaction that a connection of its own keeps open
 * for the whole run. Only a role that may update the table can take that mode, so the read-only
 * reporting role cannot make runs skip (it could with an advisory lock). A finished run rolls
 * back and closes that connection, releasing the lock at once; a killed run's lock goes with
 * its connection. Before the schema exists (the first initialize) there is no table: the run
 * then holds the session-level advisory lock (hashtext('iwddm'), 2) of earlier versions.
 */
public final class RunLock implements AutoCloseable {
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection holder;
    private final Connection advisorySession;

    private RunLock(Connection holder, Connection advisorySession) {
        this.holder = holder;
        this.advisorySession = advisorySession;
    }

    /** Takes the run lock, or returns empty when another run holds it. */
    public static Optional<RunLock> tryAcquire(Database database, Connection session) throws SQLException {
        if (!tableExists(session)) {
            return tryAdvisory(session) ? Optional.of(new RunLock(null, session)) : Optional.empty();
        }
        Connection holder = database.connect();
        try (Statement statement = holder.createStatement()) {
            // An idle-in-transaction timeout on the server would end the hold, and the lock, mid-run.
            statement.execute("SET idle_in_transaction_session_timeout = 0");
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE iwddm.run_lock IN EXCLUSIVE MODE NOWAIT");
            return Optional.of(new RunLock(holder, null));
        } catch (SQLException e) {
            holder.close();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What a skipped run says holds the lock. */
    public static String description() {
        return "table lock on iwddm.run_lock";
    }

    private static boolean tableExists(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('iwddm.run_lock') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static boolean tryAdvisory(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(hashtext('iwddm'), 2)")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Releases the lock; a broken connection releases it anyway, so a failure here is ignored. */
    @Override
    public void close() {
        try {
            if (holder != null) {
                try {
                    holder.rollback();
                } finally {
                    holder.close();
                }
            } else {
                try (Statement statement = advisorySession.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(hashtext('iwddm'), 2)");
                }
            }
        } catch (SQLException e) {
            // The connection is gone, and its locks with it.
        }
    }
}
