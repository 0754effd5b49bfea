package org.iwddm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.iwddm.db.Schema;

/**
 * A fresh, migrated database in the throwaway cluster the test command starts
 * (pg_virtualenv exports PGHOST, PGPORT, PGUSER, PGPASSWORD). Tests fail loudly when
 * there is no cluster: run them through scripts/test, never silently skip.
 */
public final class TestDatabase implements AutoCloseable {
    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Creates an empty database (no schema). */
    public static TestDatabase createEmpty() throws SQLException {
        String name = "iwddm_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(url("postgres"), user(), password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(name);
    }

    /** Creates a database with the iwddm schema applied through Flyway. */
    public static TestDatabase createMigrated() throws SQLException {
        TestDatabase database = createEmpty();
        Schema.migrate(database.url(), user(), password());
        return database;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url(name);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    public static String user() {
        return env("PGUSER");
    }

    public static String password() {
        return env("PGPASSWORD");
    }

    public static String host() {
        return env("PGHOST").startsWith("/") ? "localhost" : env("PGHOST");
    }

    public static String port() {
        return env("PGPORT");
    }

    static String url(String database) {
        return String.format(Locale.ROOT, "jdbc:postgresql://%s:%s/%s", host(), port(), database);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set: run the tests through scripts/test,"
                    + " which starts a throwaway PostgreSQL cluster (pg_virtualenv)");
        }
        return value;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), user(), password());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
