package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class RunAuditTest {

    private static String row(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_status || '|' || execution_chain || '|'"
                + " || coalesce(message, '') || '|' || (finished_at IS NOT NULL) FROM iwddm.etl_audit"
                + " WHERE run_id = ? AND entry_kind = 'run'")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : "none";
            }
        }
    }

    @Test
    void writesARunningRowThenTheOutcome() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            UUID runId = UUID.randomUUID();
            RunAudit audit = new RunAudit(connection, runId, "intraday", Instant.now(), null);

            audit.begin();
            assertEquals("running|intraday||false", row(connection, runId));
            audit.finish("failed", "HTTP 401");
            assertEquals("failed|intraday|HTTP 401|true", row(connection, runId));
        }
    }

    @Test
    void closesRowsLeftRunningByKilledRuns() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            UUID killed = UUID.randomUUID();
            UUID next = UUID.randomUUID();
            new RunAudit(connection, killed, "intraday", Instant.now(), null).begin();

            new RunAudit(connection, next, "intraday", Instant.now(), null).begin();

            assertEquals("failed|intraday|did not finish (killed or lost its connection); found by run " + next + "|true",
                    row(connection, killed));
            assertEquals("running|intraday||false", row(connection, next));
        }
    }

    @Test
    void writesNothingBeforeTheSchemaExists() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); Connection connection = database.connect()) {
            RunAudit audit = new RunAudit(connection, UUID.randomUUID(), "initialize", Instant.now(), null);

            audit.begin();
            audit.finish("failed", "could not migrate");
            audit.skipped("locked");
        }
    }
}
