package org.iwddm.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The DBA path (plain psql, scripts/apply-migrations) and Flyway build the same schema. */
class SchemaParityTest {

    @Test
    void psqlAndFlywayGiveTheSameSchemaAndStaticData() throws Exception {
        try (TestDatabase viaFlyway = TestDatabase.createMigrated();
             TestDatabase viaPsql = TestDatabase.createEmpty()) {
            run(List.of("scripts/apply-migrations", "-d", viaPsql.name()));
            String expected = dump(viaFlyway.name());
            assertTrue(expected.contains("CREATE PROCEDURE iwddm.load_staged"), "the dump holds the loader");
            assertEquals(expected, dump(viaPsql.name()), "schema and static rows are identical");
        }
    }

    @Test
    void migratingTwiceAppliesNothingTheSecondTime() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated()) {
            int applied = Schema.migrate(database.url(), TestDatabase.user(), TestDatabase.password());
            assertEquals(0, applied, "an up-to-date schema needs no migration");
        }
    }

    /** pg_dump of schema iwddm without Flyway's own history table and pg_dump's random session key. */
    private static String dump(String database) throws IOException, InterruptedException {
        String text = run(List.of("pg_dump", "--no-owner", "--schema=iwddm",
                "--exclude-table=iwddm.flyway_schema_history", "-d", database));
        return text.lines()
                .filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
