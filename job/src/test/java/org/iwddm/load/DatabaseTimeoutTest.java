package org.iwddm.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.config.Secret;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Every wait on the database is bounded (issue 12): connecting, logging in, each statement. */
class DatabaseTimeoutTest {
    private static DatabaseSettings settings(String host, int port, String name) {
        return new DatabaseSettings(host, port, name, TestDatabase.user(), Secret.of(TestDatabase.password()));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsTheLoginInTime() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            Database database = new Database(settings("127.0.0.1", silent.port(), "iwddm"), Duration.ofMinutes(5),
                    Duration.ofSeconds(2));
            long started = System.nanoTime();

            SQLException error = assertThrows(SQLException.class, database::connect);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(silent.accepted() >= 1, "the TCP connection was accepted");
            assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "gave up after " + took + ": " + error.getMessage());
        }
    }

    @Test
    void aStatementBeyondTheStatementTimeoutIsCancelledByTheServer() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            Database database = new Database(settings(TestDatabase.host(), Integer.parseInt(TestDatabase.port()), db.name()),
                    Duration.ofSeconds(1), Duration.ofSeconds(10));
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                long started = System.nanoTime();

                SQLException error = assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(30)"));

                assertEquals("57014", error.getSQLState(), error.getMessage());
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
            }
        }
    }

    @Test
    void theStatementTimeoutIsSizedFromTheRunBudget() {
        assertEquals(Duration.ofHours(1), Database.statementTimeout(Optional.empty()), "no budget: the default");
        assertEquals(Duration.ofMinutes(20), Database.statementTimeout(Optional.of(Duration.ofMinutes(10))), "twice the budget");
        assertEquals(Duration.ofMinutes(5), Database.statementTimeout(Optional.of(Duration.ofSeconds(30))), "never below 5 min");
    }

    @Test
    void aServerOlderThanPostgresql14IsRefusedWithAClearMessage() {
        Connection old = fakeConnection(12, "12.19");

        SQLException error = assertThrows(SQLException.class, () -> Database.requireSupportedServer(old));

        assertEquals("the mart database runs PostgreSQL 12.19; iwddm needs PostgreSQL 14 or later (upgrade the server;"
                + " nothing was changed)", error.getMessage());
    }

    @Test
    void theTestServerIsSupported() throws Exception {
        try (TestDatabase db = TestDatabase.createEmpty(); Connection connection = db.connect()) {
            Database.requireSupportedServer(connection);
        }
    }

    private static Connection fakeConnection(int major, String version) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseMajorVersion" -> major;
                    case "getDatabaseProductVersion" -> version;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return metaData;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
