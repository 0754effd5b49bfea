package org.iwddm.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session-level advisory lock that keeps two runs from interleaving (SPEC §1). Held by the
 * run's connection until it closes, so a killed run releases it with its connection.
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
}
