package org.iwddm.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/reference.md from the catalog: every table and view of schema iwddm with its comment,
 * and every column with its type and comment (COMMENT ON, db/migration/R__iwddm.schema_comments.sql).
 * Views first (what reports query), then tables; each group by name.
 */
final class SchemaReference {
    /** A relation's columns, without a comment: relation name and "(relation)" or the column. */
    static final String MISSING = """
            SELECT c.relname, '(the ' || CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END || ' itself)'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'iwddm'
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND obj_description(c.oid, 'pg_class') IS NULL
            UNION ALL
            SELECT c.relname, a.attname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'iwddm'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND col_description(c.oid, a.attnum) IS NULL
            ORDER BY 1, 2""";

    private static final String COLUMNS = """
            SELECT c.relname, c.relkind = 'v' OR c.relkind = 'm' AS is_view, obj_description(c.oid, 'pg_class'),
                   a.attname, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'iwddm'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
            ORDER BY c.relkind <> 'v', c.relname, a.attnum""";

    private record Relation(String name, boolean view, String comment, List<String[]> columns) {
    }

    private SchemaReference() {
    }

    static List<String> missing(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(MISSING)) {
            while (rows.next()) {
                missing.add("iwddm." + rows.getString(1) + " " + rows.getString(2));
            }
        }
        return missing;
    }

    static String markdown(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder(HEADER);
        boolean views = true;
        text.append("\n## Views\n");
        for (Relation relation : relations(connection).values()) {
            if (views && !relation.view()) {
                views = false;
                text.append("\n## Tables\n");
            }
            text.append("\n### iwddm.").append(relation.name()).append("\n\n").append(cell(relation.comment()))
                    .append("\n\n| column | type | description |\n|---|---|---|\n");
            for (String[] column : relation.columns()) {
                text.append("| `").append(column[0]).append("` | ").append(column[1]).append(" | ")
                        .append(cell(column[2])).append(" |\n");
            }
        }
        return text.toString();
    }

    private static Map<String, Relation> relations(Connection connection) throws SQLException {
        Map<String, Relation> relations = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COLUMNS)) {
            while (rows.next()) {
                Relation relation = relations.computeIfAbsent(rows.getString(1),
                        name -> new Relation(name, rowsBoolean(rows), rowsString(rows, 3), new ArrayList<>()));
                relation.columns().add(new String[] {rows.getString(4), rows.getString(5), rows.getString(6)});
            }
        }
        return relations;
    }

    private static boolean rowsBoolean(ResultSet rows) {
        try {
            return rows.getBoolean(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rowsString(ResultSet rows, int column) {
        try {
            return rows.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(String text) {
        return text == null ? "**(no comment)**" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static final String HEADER = """
            # Schema reference: schema `iwddm`

            <!-- Generated from the database's comments by org.iwddm.db.SchemaReferenceTest; edit
                 db/migration/R__iwddm.schema_comments.sql, then
                 mvn verify -Dtest=SchemaReferenceTest -Diwddm.regenerate=true -->

            Every view, table and column of the mart, as `psql \\d+ iwddm.<name>` and BI tools show
            them. How to read them (keys and the unknown member, the time keys, the blended views,
            how a task's history is read, what each aggregate measure counts) is in
            [reporting.md](reporting.md): its sections carry the numbers (§3 schema, §4 time, §5
            history, §6 aggregates, §7 integrations) that the descriptions below cite as "SPEC §n".
            Reports query the views; the `i_`/`h_` fact tables and the `agg_*` tables are their
            storage.
            """;
}
