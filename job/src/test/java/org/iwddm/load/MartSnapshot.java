package org.iwddm.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of every iwddm table as one comparable value (an md5 per table over its sorted
 * rows), leaving out what legitimately differs between two loads of the same events: run
 * bookkeeping (etl_audit, Flyway history, and the audit keys rows carry, which name the batch
 * that wrote them), wall-clock columns and identity counters.
 */
public final class MartSnapshot {
    private static final Set<String> SKIPPED_TABLES = Set.of("etl_audit", "flyway_schema_history");
    private static final Set<String> SKIPPED_COLUMNS = Set.of("updated_at", "first_seen_at", "staged_at",
            "rejected_id", "stage_id", "created_etl_audit_key", "updated_etl_audit_key");

    private MartSnapshot() {
    }

    /** Table name to "rows=N md5=..." for every table of schema iwddm. */
    public static TreeMap<String, String> of(Connection connection) throws SQLException {
        TreeMap<String, String> tables = new TreeMap<>();
        for (String table : tables(connection)) {
            if (!SKIPPED_TABLES.contains(table)) {
                tables.put(table, digest(connection, table));
            }
        }
        return tables;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'iwddm'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String digest(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'iwddm' AND table_name = ? ORDER BY ordinal_position")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!SKIPPED_COLUMNS.contains(rows.getString(1))) {
                        columns.add("t." + rows.getString(1));
                    }
                }
            }
        }
        String row = "ROW(" + String.join(", ", columns) + ")::text";
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(" + row + ", E'\\n' ORDER BY "
                     + row + "), '')) FROM iwddm." + table + " t")) {
            result.next();
            return "rows=" + result.getLong(1) + " md5=" + result.getString(2);
        }
    }
}
