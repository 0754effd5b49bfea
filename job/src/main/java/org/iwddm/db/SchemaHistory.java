package org.iwddm.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Flyway's history table as its info() reads it: for each version and each repeatable
 * description, the row with the highest installed_rank counts (a later run of a routine
 * supersedes an earlier one; a later DELETE or undo row unapplies it).
 */
final class SchemaHistory {
    /** Row types that mean "this version is in the schema" (a baseline stands for the versions it covers). */
    private static final Set<String> APPLIED_VERSION_TYPES = Set.of("SQL", "BASELINE");

    private record Row(String type, Integer checksum, boolean success) {
    }

    private final Map<String, Row> latestByVersion;
    private final Map<String, Row> latestByRepeatable;
    private final boolean anyFailed;

    private SchemaHistory(Map<String, Row> latestByVersion, Map<String, Row> latestByRepeatable, boolean anyFailed) {
        this.latestByVersion = latestByVersion;
        this.latestByRepeatable = latestByRepeatable;
        this.anyFailed = anyFailed;
    }

    /** @param table the qualified history table name (a constant, never user input) */
    static SchemaHistory read(Connection connection, String table) throws SQLException {
        Map<String, Row> byVersion = new HashMap<>();
        Map<String, Row> byRepeatable = new HashMap<>();
        boolean failed = false;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description, type, checksum, success FROM "
                     + table + " ORDER BY installed_rank")) {
            while (rows.next()) {
                Row row = new Row(rows.getString(3), (Integer) rows.getObject(4), rows.getBoolean(5));
                String version = rows.getString(1);
                if (version != null) {
                    byVersion.put(version, row);
                } else {
                    byRepeatable.put(rows.getString(2), row);
                }
                failed |= !row.success();
            }
        }
        return new SchemaHistory(byVersion, byRepeatable, failed);
    }

    /** A failed migration anywhere in the history (Flyway would refuse to go on without a repair). */
    boolean anyFailed() {
        return anyFailed;
    }

    /** Versioned: applied. Repeatable: last applied with this very checksum. */
    boolean isApplied(ShippedMigrations.Script script) {
        if (script.repeatable()) {
            Row latest = latestByRepeatable.get(script.description());
            return latest != null && latest.success() && "SQL".equals(latest.type())
                    && Integer.valueOf(script.checksum()).equals(latest.checksum());
        }
        Row latest = latestByVersion.get(script.version());
        return latest != null && latest.success() && APPLIED_VERSION_TYPES.contains(latest.type());
    }
}
