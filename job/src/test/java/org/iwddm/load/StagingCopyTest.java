package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The COPY into staging against a real database: exact text, and cancel on failure. */
class StagingCopyTest {

    private static List<String> staged(Connection connection) throws SQLException {
        List<String> raw = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT raw FROM iwddm.stage_task_event ORDER BY stage_id")) {
            while (rows.next()) {
                raw.add(rows.getString(1));
            }
        }
        return raw;
    }

    @Test
    void stagesEachLineByteForByte() throws Exception {
        List<String> lines = List.of("{\"id\":1,\"s\":\"a \\\"quoted\\\" word, a comma; a backslash \\\\ and \\\\N\"}",
                "{\"id\":2,\"s\":\"tab \\t newline \\n nul \\u0000 ctrl \\u0001\\u0002 é 日本 😀\"}",
                "\"just a string\"", "42", "{\"id\":3,\"s\":\"\\\\.\"}",
                "{\n  \"id\" : 4,\r\n\t\"s\": \"as IWD sent it\"\n}", "\\.");
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (StagingCopy copy = StagingCopy.begin(connection)) {
                lines.forEach(copy::accept);
                assertEquals(lines.size(), copy.finish());
            }
            connection.commit();

            assertEquals(lines, staged(connection));
        }
    }

    @Test
    void closingWithoutFinishingCancelsTheCopyAndLeavesTheConnectionUsable() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                try (StagingCopy copy = StagingCopy.begin(connection)) {
                    for (int i = 0; i < 5_000; i++) {
                        copy.accept("{\"id\":" + i + ",\"padding\":\"" + "x".repeat(100) + "\"}");
                    }
                    throw new IllegalStateException("the feed broke mid-page");
                }
            });
            connection.rollback();
            connection.setAutoCommit(true);

            assertEquals("the feed broke mid-page", failure.getMessage());
            assertEquals(List.of(), staged(connection));
        }
    }
}
