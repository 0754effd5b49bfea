package org.iwddm.chain;

import java.sql.Connection;
import java.sql.SQLException;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.config.JobConfig;
import org.iwddm.db.Schema;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * initialize: create or upgrade the schema through Flyway (static dimensions come with it) and
 * set the mart time zone from IWDDM_TIMEZONE. Idempotent; set_timezone is a no-op when the zone
 * is unchanged.
 */
final class InitializeStep {
    private static final Figures STEP = Figures.of(Figure.STEP, "initialize");

    private final JobConfig config;
    private final Connection session;

    InitializeStep(JobConfig config, Connection session) {
        this.config = config;
        this.session = session;
    }

    /** @param onlyIfNeeded the full chain skips Flyway's migrate when the schema is already current */
    void run(boolean onlyIfNeeded) throws SQLException {
        long started = System.nanoTime();
        if (onlyIfNeeded && Schema.isCurrent(session)) {
            JobLog.info("schema is current", STEP);
        } else {
            DatabaseSettings database = config.database();
            int applied = Schema.migrate(database.migrationJdbcUrl(), database.user(), database.password().reveal());
            JobLog.info("schema migrated: " + applied + " migrations applied", STEP);
        }
        Schema.setTimezone(session, config.timezone().getId());
        JobLog.info("mart time zone is " + config.timezone().getId(),
                STEP.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
    }
}
