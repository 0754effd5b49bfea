package org.iwddm.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content of every iwddm base table as sorted JSON rows, leaving out what legitimately
 * differs between two loads of the same events: audit and staging tables, identity columns and
 * bookkeeping timestamps (columns named *_at). Two databases loaded with the same events must
 * give equal dumps (SPEC §5).
 */
public final class CanonicalDump {
    /** Tables that record how a load went, not what was loaded. */
    private static final Set<String> SKIPPED_TABLES = Set.of("etl_audit", "stage_task_event", "flyway_schema_history");
    /** Tables compared on some columns only. */
    private static final Map<String, String> COLUMNS_OVERRIDE = Map.of(
            "rejected_event", "raw,reason,event_id,interaction_id");

    private CanonicalDump() {
    }

    /** Table name -> its rows as JSON text, sorted (byte order). */
    public static Map<String, List<String>> of(Connection connection) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : comparedColumns(connection).entrySet()) {
            dump.put(table.getKey(), rows(connection, table.getKey(), table.getValue()));
        }
        return dump;
    }

    /**
     * Table -> comma-separated quoted column list, from the catalog (never from data). Audit keys
     * say which batch wrote a row, so they differ between equal marts loaded in other splits.
     */
    private static Map<String, String> comparedColumns(Connection connection) throws SQLException {
        String sql = """
                SELECT c.table_name, string_agg(quote_ident(c.column_name), ',' ORDER BY c.ordinal_position)
                FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'iwddm' AND t.table_type = 'BASE TABLE'
                  AND c.is_identity = 'NO' AND c.column_name NOT LIKE '%\\_at'
                  AND c.column_name NOT IN ('created_etl_audit_key', 'updated_etl_audit_key')
                GROUP BY c.table_name ORDER BY c.table_name""";
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!SKIPPED_TABLES.contains(table)) {
                    tables.put(table, COLUMNS_OVERRIDE.getOrDefault(table, rs.getString(2)));
                }
            }
        }
        return tables;
    }

    private static List<String> rows(Connection connection, String table, String columns) throws SQLException {
        String sql = "SELECT j FROM (SELECT row_to_json(r)::text AS j FROM (SELECT " + columns
                + " FROM iwddm." + quoteIdent(table) + ") r) rows ORDER BY j COLLATE \"C\"";
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** An empty string when equal, else a short account of the first differences per table. */
    public static String differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder report = new StringBuilder();
        Set<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        for (String table : tables) {
            List<String> left = expected.getOrDefault(table, List.of());
            List<String> right = actual.getOrDefault(table, List.of());
            if (!left.equals(right)) {
                report.append(table).append(": ").append(left.size()).append(" vs ").append(right.size()).append(" rows\n");
                appendOnlyIn(report, "  only in expected: ", left, right);
                appendOnlyIn(report, "  only in actual:   ", right, left);
            }
        }
        return report.toString();
    }

    private static void appendOnlyIn(StringBuilder report, String label, List<String> these, List<String> others) {
        Set<String> otherSet = new java.util.HashSet<>(others);
        these.stream().filter(row -> !otherSet.contains(row)).limit(3)
                .forEach(row -> report.append(label).append(row).append('\n'));
    }
}
