package org.iwddm.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** What a file load did, summed from its chunks' etl_audit batch rows (load_staged's own counts). */
public record FileLoadTotals(long batches, long staged, long loaded, long duplicates, long rejected) {

    public static FileLoadTotals of(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*), coalesce(sum(events_staged), 0),"
                + " coalesce(sum(events_loaded), 0), coalesce(sum(events_duplicate), 0), coalesce(sum(events_rejected), 0)"
                + " FROM iwddm.etl_audit WHERE run_id = ? AND entry_kind = 'batch'")) {
            select.setObject(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new FileLoadTotals(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
            }
        }
    }
}
