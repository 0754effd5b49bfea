package org.iwddm.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the iwddm schema from the Flyway migrations shipped in the jar
 * (classpath:db/migration, the same files as db/migration in the repository).
 */
public final class Schema {
    public static final String SCHEMA = "iwddm";
    public static final String MIGRATIONS = "classpath:db/migration";
    /** Flyway's default history table, in the first (only) schema. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Schema() {
    }

    /** Applies pending migrations; returns how many were applied. Idempotent. */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = flyway(jdbcUrl, user, password).migrate();
        return result.migrationsExecuted;
    }

    /**
     * The cheap check behind "full = initialize if needed", on the caller's connection and without
     * starting Flyway (whose info() costs most of an idle run): Flyway's history table against the
     * migrations shipped in the jar (ShippedMigrations). Current means: no failed migration, every
     * shipped version applied, and every shipped repeatable migration last applied with its current
     * checksum (a routine changed in the jar is not current). When in doubt (no history table, a
     * file it does not understand, the jar unreadable) it says not current and Flyway decides.
     */
    public static boolean isCurrent(Connection connection) throws SQLException {
        Optional<List<ShippedMigrations.Script>> shipped;
        try {
            shipped = ShippedMigrations.read(Schema.class.getClassLoader());
        } catch (IOException e) {
            return false; // migrate reads the same files and reports the problem
        }
        if (shipped.isEmpty() || !historyExists(connection)) {
            return false;
        }
        SchemaHistory history = SchemaHistory.read(connection, SCHEMA + "." + HISTORY_TABLE);
        return !history.anyFailed() && shipped.get().stream().allMatch(history::isApplied);
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, SCHEMA + "." + HISTORY_TABLE);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static Flyway flyway(String jdbcUrl, String user, String password) {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .schemas(SCHEMA)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                // Routines contain text like ${...} in comments and strings; never rewrite SQL.
                .placeholderReplacement(false)
                // Flyway creates schema iwddm before V1 runs its CREATE SCHEMA IF NOT EXISTS (kept for
                // scripts/apply-migrations and DBAs); the server's NOTICE about that reached every first
                // run's log as a raw WARN line. Notices are never news while migrating; warnings still are.
                .initSql("SET client_min_messages = warning")
                .load();
    }

    /** Sets the mart time zone through the same procedure a DBA calls. */
    public static void setTimezone(Connection connection, String timezone) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("CALL iwddm.set_timezone(?)")) {
            call.setString(1, timezone);
            call.execute();
        }
    }
}
