package org.iwddm.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.iwddm.db.Schema;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.StageCopy;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * db/provision/provision.sql against a real PostgreSQL: the job's owner role migrates and loads,
 * the GCXI role reads every table and view (present and future) and changes nothing.
 */
class ProvisionTest {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "db", "provision", "provision.sql");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String dmPassword = "dm-" + UUID.randomUUID() + "'quote";
    private final String gcxiPassword = "gcxi-" + UUID.randomUUID();
    private TestDatabase database;

    @BeforeEach
    void provisionMigrateAndLoad() throws Exception {
        database = TestDatabase.createEmpty();
        assertEquals(0, provision(dmPassword, gcxiPassword), "provision.sql succeeds");
        assertTrue(Schema.migrate(database.url(), "iwddm_dm", dmPassword) > 0, "iwddm_dm migrates the schema");
        try (Connection dm = connect("iwddm_dm", dmPassword)) {
            dm.setAutoCommit(false);
            StageCopy.copyLines(dm, List.of(TestEvents.event(1, "T1", "new", TestEvents.START)));
            try (Statement statement = dm.createStatement()) {
                statement.execute("CALL iwddm.load_staged()");
            }
            dm.commit();
        }
    }

    @AfterEach
    void dropDatabaseAndRoles() throws SQLException {
        database.close();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + TestDatabase.host() + ":"
                + TestDatabase.port() + "/postgres", TestDatabase.user(), TestDatabase.password());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS iwddm_gcxi");
            statement.execute("DROP ROLE IF EXISTS iwddm_dm");
        }
    }

    @Test
    void gcxiReadsEveryTableAndViewIncludingAggregates() throws SQLException {
        List<String> relations = relationsOfSchema();
        assertTrue(relations.contains("task_fact") && relations.stream().anyMatch(r -> r.startsWith("agg_")),
                "the schema has the fact views and aggregates: " + relations);
        try (Connection gcxi = connect("iwddm_gcxi", gcxiPassword); Statement statement = gcxi.createStatement()) {
            for (String relation : relations) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM iwddm." + relation)) {
                    assertTrue(rs.next(), relation);
                }
            }
            assertEquals(1, count(statement, "iwddm.task_fact"), "GCXI sees the loaded task");
            assertEquals(1, count(statement, "iwddm.task_event_fact"), "GCXI sees the loaded event");
        }
    }

    @Test
    void gcxiChangesNothing() throws SQLException {
        try (Connection gcxi = connect("iwddm_gcxi", gcxiPassword)) {
            refused(gcxi, "INSERT INTO iwddm.feed_cursor(feed, last_event_id) VALUES ('other', 1)");
            refused(gcxi, "UPDATE iwddm.i_task_fact SET current_priority_key = current_priority_key");
            refused(gcxi, "DELETE FROM iwddm.i_task_event_fact");
            refused(gcxi, "TRUNCATE iwddm.rejected_event");
            refused(gcxi, "CREATE TABLE iwddm.gcxi_table (x int)");
            refused(gcxi, "CREATE TABLE public.gcxi_table (x int)");
            refused(gcxi, "CREATE SCHEMA gcxi_schema");
            refused(gcxi, "CALL iwddm.set_timezone('Europe/Berlin')");
        }
    }

    @Test
    void gcxiReadsTablesAndViewsTheOwnerCreatesLater() throws SQLException {
        try (Connection dm = connect("iwddm_dm", dmPassword); Statement statement = dm.createStatement()) {
            statement.execute("CREATE TABLE iwddm.future_table AS SELECT 7 AS x");
            statement.execute("CREATE VIEW iwddm.future_view AS SELECT x FROM iwddm.future_table");
        }
        try (Connection gcxi = connect("iwddm_gcxi", gcxiPassword); Statement statement = gcxi.createStatement()) {
            assertEquals(1, count(statement, "iwddm.future_table"));
            assertEquals(1, count(statement, "iwddm.future_view"));
        }
    }

    @Test
    void rolesAreTheSeedsAndReprovisioningIsSafe() throws Exception {
        String newPassword = "rotated-" + UUID.randomUUID();
        assertEquals(0, provision(dmPassword, newPassword), "a second run succeeds");
        try (Connection gcxi = connect("iwddm_gcxi", newPassword); Statement statement = gcxi.createStatement()) {
            assertEquals(1, count(statement, "iwddm.task_fact"), "a re-run rotates the password and keeps the grants");
        }
        try (Connection admin = database.connect(); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT rolname, rolsuper, rolcreatedb, rolcreaterole, rolinherit,"
                     + " rolreplication, rolcanlogin FROM pg_roles WHERE rolname LIKE 'iwddm\\_%' ORDER BY 1")) {
            for (String role : List.of("iwddm_dm", "iwddm_gcxi")) {
                assertTrue(rs.next(), role + " exists");
                assertEquals(role + " false false false false false true", role + " " + rs.getBoolean(2) + " "
                        + rs.getBoolean(3) + " " + rs.getBoolean(4) + " " + rs.getBoolean(5) + " " + rs.getBoolean(6)
                        + " " + rs.getBoolean(7));
            }
        }
    }

    @Test
    void missingPasswordVariableFailsWithoutCreatingRoles() throws Exception {
        dropDatabaseAndRoles();
        database = TestDatabase.createEmpty();
        assertNotEquals(0, psql(List.of("-v", "dm_password=x")), "gcxi_password is required");
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            assertEquals(0, count(statement, "pg_roles WHERE rolname LIKE 'iwddm\\_%'"), "nothing was created");
        }
    }

    private List<String> relationsOfSchema() throws SQLException {
        List<String> relations = new ArrayList<>();
        try (Connection admin = database.connect(); Statement statement = admin.createStatement();
             ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                     + " ON n.oid = c.relnamespace WHERE n.nspname = 'iwddm' AND c.relkind IN ('r', 'v', 'm', 'p')"
                     + " ORDER BY 1")) {
            while (rs.next()) {
                relations.add(rs.getString(1));
            }
        }
        return relations;
    }

    private static void refused(Connection connection, String sql) {
        SQLException error = assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
        assertEquals(INSUFFICIENT_PRIVILEGE, error.getSQLState(), sql + ": " + error.getMessage());
    }

    private static long count(Statement statement, String from) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(database.url(), user, password);
    }

    private int provision(String dm, String gcxi) throws IOException, InterruptedException {
        return psql(List.of("-v", "dm_password=" + dm, "-v", "gcxi_password=" + gcxi));
    }

    /** Runs the script with psql as the cluster's administrator (PG* from the environment). */
    private int psql(List<String> variables) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-d", database.name()));
        command.addAll(variables);
        command.addAll(List.of("-f", SCRIPT.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "psql finishes");
        assertFalse(output.contains(dmPassword) || output.contains(gcxiPassword), "psql output shows no password");
        return process.exitValue();
    }
}
