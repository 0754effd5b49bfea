package org.iwddm.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session-level advisory lock that keeps two runs from interleaving (SPEC §1). A finished
 * run releases it explicitly: the server only drops a closed session's locks a moment after the
 * client has gone, and a run started right behind would be skipped. A killed run's lock goes
 * with its connection.
 * Key (hashtext('iwddm'), 2): key 1 is load_staged's and set_timezone's transaction lock.
 */
public final class RunLock {
    private RunLock() {
    }

    public static boolean tryAcquire(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(hashtext('iwddm'), 2)")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Releases the lock; a broken connection releases it anyway, so a failure here is ignored. */
    public static void releaseQuietly(Connection session) {
        try (Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(hashtext('iwddm'), 2)");
        } catch (SQLException e) {
            // The session is gone, and its locks with it.
        }
    }
}
