package org.iwddm.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** What load_staged did with one page, as it recorded in its etl_audit 'batch' row. */
public record BatchFigures(long loaded, long duplicates, long rejected) {
    public static final BatchFigures NONE = new BatchFigures(0, 0, 0);

    /** The latest batch row of the run, read in the loading transaction; none when nothing was staged. */
    static BatchFigures latest(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT events_loaded, events_duplicate,"
                + " events_rejected FROM iwddm.etl_audit WHERE run_id = ? AND entry_kind = 'batch'"
                + " ORDER BY etl_audit_key DESC LIMIT 1")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new BatchFigures(row.getLong(1), row.getLong(2), row.getLong(3)) : NONE;
            }
        }
    }
}
