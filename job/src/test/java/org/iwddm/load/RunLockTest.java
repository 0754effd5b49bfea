package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class RunLockTest {
    @Test
    void oneSessionAtATimeAndAClosedSessionReleasesIt() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection second = database.connect()) {
            try (Connection first = database.connect()) {
                assertTrue(RunLock.tryAcquire(first));
                assertFalse(RunLock.tryAcquire(second), "held by the first session");
            }
            assertTrue(acquiredWithin(second, 10_000), "released once the server has ended the first session");
        }
    }

    /** The server ends a closed session's backend asynchronously: its locks go a moment later. */
    private static boolean acquiredWithin(Connection session, long millis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (RunLock.tryAcquire(session)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
