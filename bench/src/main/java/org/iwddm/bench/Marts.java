package org.iwddm.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.iwddm.config.TestEnvironment;
import org.iwddm.testing.TestDatabase;

/**
 * Fresh migrated databases, fast: the schema is migrated once (TestDatabase, through Flyway)
 * into a template, and each mart is a CREATE DATABASE ... TEMPLATE copy of it, which takes a
 * fraction of a second instead of a Flyway run of seconds. The copies are identical to a
 * migrated database, Flyway's history included.
 */
final class Marts implements AutoCloseable {
    private final TestDatabase template;

    private Marts(TestDatabase template) {
        this.template = template;
    }

    static Marts create() throws SQLException {
        return new Marts(TestDatabase.createMigrated());
    }

    Mart fresh() throws SQLException {
        String name = "iwddm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template.name());
        }
        return new Mart(name);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(template.url().replace("/" + template.name(), "/postgres"),
                TestDatabase.user(), TestDatabase.password());
    }

    @Override
    public void close() throws SQLException {
        template.close();
    }

    /** One copy of the migrated template; dropped on close. */
    final class Mart implements AutoCloseable {
        private final String name;

        private Mart(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(template.url().replace("/" + template.name(), "/" + name),
                    TestDatabase.user(), TestDatabase.password());
        }

        /** The tests' job environment (TestEnvironment.forJob), pointed at this mart. */
        Map<String, String> jobEnvironment(URI restUrl, int batchSize, String chain) {
            Map<String, String> env = TestEnvironment.forJob(template, restUrl);
            env.put("IWDDM_DB_NAME", name);
            env.put("IWDDM_BATCH_SIZE", Integer.toString(batchSize));
            env.put("IWDDM_EXECUTION_CHAIN", chain);
            return env;
        }

        long count(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 var row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
