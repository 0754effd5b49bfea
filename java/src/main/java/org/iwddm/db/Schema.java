package org.iwddm.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the iwddm schema from the Flyway migrations shipped in the jar
 * (classpath:db/migration, the same files as db/migration in the repository).
 */
public final class Schema {
    public static final String SCHEMA = "iwddm";
    public static final String MIGRATIONS = "classpath:db/migration";

    private Schema() {
    }

    /** Applies pending migrations; returns how many were applied. Idempotent. */
    public static int migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = flyway(jdbcUrl, user, password).migrate();
        return result.migrationsExecuted;
    }

    /**
     * The cheap check behind "full = initialize if needed": Flyway's history against the
     * migrations in the jar, without taking Flyway's lock or running anything. Current means
     * nothing pending, no repeatable migration outdated (a routine changed) and nothing failed.
     */
    public static boolean isCurrent(String jdbcUrl, String user, String password) {
        MigrationInfoService info = flyway(jdbcUrl, user, password).info();
        return info.current() != null && Arrays.stream(info.all()).noneMatch(Schema::needsWork);
    }

    private static boolean needsWork(MigrationInfo migration) {
        MigrationState state = migration.getState();
        return state == MigrationState.PENDING || state == MigrationState.OUTDATED || state.isFailed();
    }

    private static Flyway flyway(String jdbcUrl, String user, String password) {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .schemas(SCHEMA)
                .locations(MIGRATIONS)
                // Routines contain text like ${...} in comments and strings; never rewrite SQL.
                .placeholderReplacement(false)
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
