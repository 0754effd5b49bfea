package org.iwddm.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.iwddm.log.JobLog;

/**
 * The run's row in iwddm.etl_audit (entry_kind 'run'), written in its own short transactions
 * (the session connection is in autocommit), so it shows a run in progress and survives a
 * failed page. load_staged writes the per-batch rows; the run row's totals are summed from them.
 * Before the schema exists (initialize on an empty database) there is no table to write to:
 * the row is written once it does. Messages are scrubbed of secrets like log lines: the
 * reporting role reads this table.
 */
public final class RunAudit {
    private final Connection session;
    private final UUID runId;
    private final String chain;
    private final Instant startedAt;
    private final String dataSourceName;
    private boolean written;

    /** @param dataSourceName the IWD URL without credentials (SPEC §3.1), or null when the chain reads no feed */
    public RunAudit(Connection session, UUID runId, String chain, Instant startedAt, String dataSourceName) {
        this.session = session;
        this.runId = runId;
        this.chain = chain;
        this.startedAt = startedAt;
        this.dataSourceName = dataSourceName;
    }

    /** Writes the 'running' row if the table exists and the row is not written yet. */
    public void begin() throws SQLException {
        if (written || !tableExists(session)) {
            return;
        }
        insert("running", null);
        closeAbandonedRuns();
        written = true;
    }

    /** Records how the run ended; totals and new dimension members come from the batch rows. */
    public void finish(String status, String message) throws SQLException {
        begin();
        finishOn(session, status, message);
    }

    /** Records how the run ended on another connection (the session's was lost), if the row exists. */
    public void finishOn(Connection connection, String status, String message) throws SQLException {
        if (!written) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(FINISH_SQL)) {
            update.setString(1, status);
            update.setString(2, JobLog.scrub(message));
            update.setObject(3, runId);
            update.executeUpdate();
        }
    }

    /**
     * A run skipped because another holds the lock leaves a row saying so; returns how many runs
     * in a row, this one included, have been skipped (0 before the schema exists).
     */
    public int skipped(String message) throws SQLException {
        if (!tableExists(session)) {
            return 0;
        }
        insert("skipped", message);
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM (SELECT run_status FROM iwddm.etl_audit"
                     + " WHERE entry_kind = 'run' AND etl_audit_key > coalesce((SELECT max(etl_audit_key) FROM iwddm.etl_audit"
                     + " WHERE entry_kind = 'run' AND run_status <> 'skipped'), 0)) s")) {
            row.next();
            return row.getInt(1);
        }
    }

    private void insert(String status, String message) throws SQLException {
        try (PreparedStatement insert = session.prepareStatement("INSERT INTO iwddm.etl_audit (run_id, entry_kind,"
                + " execution_chain, run_status, started_at, finished_at, message, process_name, data_source_name)"
                + " VALUES (?, 'run', ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, runId);
            insert.setString(2, chain);
            insert.setString(3, status);
            insert.setTimestamp(4, Timestamp.from(startedAt));
            insert.setTimestamp(5, "running".equals(status) ? null : Timestamp.from(Instant.now()));
            insert.setString(6, JobLog.scrub(message));
            insert.setString(7, chain);
            insert.setString(8, dataSourceName);
            insert.executeUpdate();
        }
    }

    /** Rows left 'running' by killed runs: we hold the lock, so none of them is still going. */
    private void closeAbandonedRuns() throws SQLException {
        try (PreparedStatement update = session.prepareStatement("UPDATE iwddm.etl_audit SET run_status = 'failed',"
                + " finished_at = clock_timestamp(), message = 'did not finish (killed or lost its connection);"
                + " found by run ' || ? WHERE entry_kind = 'run' AND run_status = 'running' AND run_id <> ?")) {
            update.setString(1, runId.toString());
            update.setObject(2, runId);
            update.executeUpdate();
        }
    }

    static boolean tableExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('iwddm.etl_audit') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static final String FINISH_SQL = """
            UPDATE iwddm.etl_audit r
               SET run_status = ?, message = ?, finished_at = clock_timestamp(),
                   (first_event_id, last_event_id, events_staged, events_loaded, events_duplicate,
                    events_rejected, tasks_touched, first_extracted_event_id, last_extracted_event_id,
                    batch_last_event_id) =
                       (SELECT min(b.first_event_id), max(b.last_event_id),
                               coalesce(sum(b.events_staged), 0), coalesce(sum(b.events_loaded), 0),
                               coalesce(sum(b.events_duplicate), 0), coalesce(sum(b.events_rejected), 0),
                               coalesce(sum(b.tasks_touched), 0), min(b.first_extracted_event_id),
                               max(b.last_extracted_event_id), max(b.batch_last_event_id)
                          FROM iwddm.etl_audit b WHERE b.run_id = r.run_id AND b.entry_kind = 'batch'),
                   (last_interval_date_key, last_interval_time_key) =
                       (SELECT b.last_interval_date_key, b.last_interval_time_key FROM iwddm.etl_audit b
                         WHERE b.run_id = r.run_id AND b.entry_kind = 'batch' ORDER BY b.etl_audit_key DESC LIMIT 1),
                   dimensions_new =
                       (SELECT jsonb_object_agg(d.key, d.total) FROM
                           (SELECT e.key, sum(e.value::bigint) AS total
                              FROM iwddm.etl_audit b, jsonb_each_text(b.dimensions_new) e
                             WHERE b.run_id = r.run_id AND b.entry_kind = 'batch' GROUP BY e.key) d)
             WHERE r.run_id = ? AND r.entry_kind = 'run'
            """;
}
