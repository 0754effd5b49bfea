package org.iwddm.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema.isCurrent, the cheap check behind "full = initialize if needed", against its oracle:
 * Flyway's own info() (pending, outdated or failed means not current). Getting it wrong one way
 * skips a needed migration; so every case also states the expected answer.
 */
class SchemaCurrentTest {
    private static final Path MIGRATIONS = Path.of("db", "migration");

    @TempDir
    Path temp;

    @Test
    void everyShippedScriptIsReadWithFlywaysChecksum() throws Exception {
        List<ShippedMigrations.Script> shipped = ShippedMigrations.read(getClass().getClassLoader()).orElseThrow();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            assertEquals(files.count(), shipped.size(), "one script per file in db/migration");
        }
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            Map<String, Integer> recorded = recordedChecksums(connection);
            for (ShippedMigrations.Script script : shipped) {
                String key = script.repeatable() ? script.description() : "V" + script.version();
                assertEquals(recorded.get(key), script.checksum(), "Flyway's checksum of " + key);
            }
        }
    }

    @Test
    void theJarsDirectoryEntryIsReadLikeTheDirectory() throws Exception {
        Path jar = temp.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.list(MIGRATIONS)) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/")); // the shaded jar has directory entries too
            for (Path file : (Iterable<Path>) files::iterator) {
                out.putNextEntry(new JarEntry("db/migration/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
            }
        }
        try (URLClassLoader fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(ShippedMigrations.read(getClass().getClassLoader()).orElseThrow(),
                    ShippedMigrations.read(fromJar).orElseThrow());
        }
    }

    @Test
    void aFileItDoesNotUnderstandOrNoScriptAtAllMeansUnknown() throws Exception {
        Path root = Files.createDirectories(temp.resolve("classes"));
        Path migrations = Files.createDirectories(root.resolve("db/migration"));
        try (URLClassLoader empty = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertTrue(ShippedMigrations.read(empty).isEmpty(), "no script at all: the reading failed");
        }
        Files.writeString(migrations.resolve("V1__schema.sql"), "SELECT 1;");
        Files.writeString(migrations.resolve("R__x.sql.conf"), "executeInTransaction=false");
        try (URLClassLoader withConf = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertTrue(ShippedMigrations.read(withConf).isEmpty(), "a per-script config changes what Flyway does");
        }
    }

    @Test
    void theChecksumIsFlywaysForByteOrderMarksLineEndingsAndNonAscii() throws Exception {
        Path location = Files.createDirectories(temp.resolve("checksum"));
        byte[] script = "\uFEFF-- grüße\r\nSELECT 1;\r\n\rSELECT 'ü';\n\n".getBytes(StandardCharsets.UTF_8);
        Files.write(location.resolve("R__checksum_probe.sql"), script);
        try (TestDatabase database = TestDatabase.createEmpty()) {
            Flyway.configure().dataSource(database.url(), TestDatabase.user(), TestDatabase.password())
                    .schemas("probe").locations("filesystem:" + location).placeholderReplacement(false).load().migrate();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT checksum FROM probe.flyway_schema_history"
                         + " WHERE script = 'R__checksum_probe.sql'")) {
                assertTrue(row.next(), "Flyway applied the probe");
                assertEquals(row.getInt(1), ShippedMigrations.checksum(new ByteArrayInputStream(script)));
            }
        }
    }

    @Test
    void agreesWithFlywayAsTheHistoryChanges() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); Connection connection = database.connect()) {
            assertCurrent(true, database, connection, "freshly migrated");

            execute(connection, "UPDATE iwddm.flyway_schema_history SET checksum = checksum + 1"
                    + " WHERE description = 'iwddm.load staged'");
            assertCurrent(false, database, connection, "a routine changed in the jar");
            assertEquals(1, Schema.migrate(database.url(), TestDatabase.user(), TestDatabase.password()),
                    "migrate re-applies just that routine");
            assertCurrent(true, database, connection, "the routine's latest run has the jar's checksum");

            execute(connection, "INSERT INTO iwddm.flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999',"
                    + " 'from a newer jar', 'SQL', 'V999__from_a_newer_jar.sql', 1, 'test', 0, true"
                    + " FROM iwddm.flyway_schema_history");
            assertCurrent(true, database, connection, "a version only a newer jar knows is no work for this one");

            execute(connection, "UPDATE iwddm.flyway_schema_history SET success = false WHERE version = '999'");
            assertCurrent(false, database, connection, "a failed migration");
            execute(connection, "DELETE FROM iwddm.flyway_schema_history WHERE version = '999'");

            execute(connection, "DELETE FROM iwddm.flyway_schema_history WHERE installed_rank ="
                    + " (SELECT max(installed_rank) FROM iwddm.flyway_schema_history WHERE version IS NOT NULL)");
            assertCurrent(false, database, connection, "the latest version is pending");
        }
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNotCurrent() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); Connection connection = database.connect()) {
            assertCurrent(false, database, connection, "no schema, no history");
        }
    }

    private static void assertCurrent(boolean expected, TestDatabase database, Connection connection, String why)
            throws SQLException {
        assertEquals(expected, flywaySaysCurrent(database), "Flyway's info(): " + why);
        assertEquals(expected, Schema.isCurrent(connection), "Schema.isCurrent: " + why);
    }

    /** The check isCurrent replaced: Flyway's info() over the migrations on the class path. */
    private static boolean flywaySaysCurrent(TestDatabase database) {
        MigrationInfoService info = Flyway.configure()
                .dataSource(database.url(), TestDatabase.user(), TestDatabase.password())
                .schemas(Schema.SCHEMA).locations(Schema.MIGRATIONS).placeholderReplacement(false).load().info();
        return info.current() != null && Arrays.stream(info.all()).noneMatch(migration -> {
            MigrationState state = migration.getState();
            return state == MigrationState.PENDING || state == MigrationState.OUTDATED || state.isFailed();
        });
    }

    /** Checksums Flyway recorded: "V<version>" for versions, the description for routines (latest run). */
    private static Map<String, Integer> recordedChecksums(Connection connection) throws SQLException {
        Map<String, Integer> checksums = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description, checksum"
                     + " FROM iwddm.flyway_schema_history WHERE type = 'SQL' ORDER BY installed_rank")) {
            while (rows.next()) {
                String version = rows.getString(1);
                checksums.put(version != null ? "V" + version : rows.getString(2), rows.getInt(3));
            }
        }
        return checksums;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
