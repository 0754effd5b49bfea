package org.iwddm.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the figures of SPEC §7 that live in the database. Catalog reads only: cheap at any size. */
public final class DatabaseStats {
    private DatabaseStats() {
    }

    /** Every table of schema iwddm: pg_class.reltuples (an estimate) and pg_total_relation_size. */
    public static List<TableStats> tables(Connection connection) throws SQLException {
        List<TableStats> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname, c.reltuples::bigint,"
                     + " pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = 'iwddm' AND c.relkind IN ('r', 'p') ORDER BY c.relname")) {
            while (rows.next()) {
                tables.add(new TableStats(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return tables;
    }

    /** The newest event time loaded into the mart (mart_config.last_event_ts); empty before the first load. */
    public static Optional<Instant> lastEventAt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max(last_event_ts) FROM iwddm.mart_config")) {
            Timestamp last = row.next() ? row.getTimestamp(1) : null;
            return Optional.ofNullable(last).map(Timestamp::toInstant);
        }
    }

    /** New dimension members of a run: load_staged records {dimension: count} per batch; summed here. */
    public static Map<String, Long> dimensionsNew(Connection connection, UUID runId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.key, sum(d.value::bigint)"
                + " FROM iwddm.etl_audit a, jsonb_each_text(a.dimensions_new) d"
                + " WHERE a.run_id = ? AND a.entry_kind = 'batch' GROUP BY d.key ORDER BY d.key")) {
            select.setObject(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
