package org.iwddm.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Every table, view and column of schema iwddm has a comment, and docs/reference.md is the
 * reference generated from them. When it is out of date, regenerate it:
 * {@code scripts/with-cluster mvn verify -Dtest=SchemaReferenceTest -Diwddm.regenerate=true}.
 */
class SchemaReferenceTest {
    private static final Path REFERENCE = Path.of(System.getProperty("user.dir"), "docs", "reference.md");

    @Test
    void everyTableViewAndColumnHasAComment() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            assertEquals(List.of(), SchemaReference.missing(connection),
                    "without COMMENT ON (add them to db/migration/R__iwddm.schema_comments.sql)");
        }
    }

    @Test
    void referenceIsGeneratedFromTheCatalog() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            String expected = SchemaReference.markdown(connection);
            if (Boolean.getBoolean("iwddm.regenerate")) {
                Files.writeString(REFERENCE, expected);
            }
            assertEquals(expected, Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "",
                    "docs/reference.md is out of date: scripts/with-cluster mvn verify -Dtest=SchemaReferenceTest"
                            + " -Diwddm.regenerate=true");
        }
    }

    /** The check is real: a column added without a comment is reported by name. */
    @Test
    void aColumnWithoutACommentIsNamed() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect();
             var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE iwddm.i_task_fact ADD COLUMN report_writer_probe integer");
            statement.execute("CREATE VIEW iwddm.probe_view AS SELECT 1 AS one");
            assertEquals(List.of("iwddm.i_task_fact report_writer_probe", "iwddm.probe_view (the view itself)",
                    "iwddm.probe_view one"), SchemaReference.missing(connection));
        }
    }
}
