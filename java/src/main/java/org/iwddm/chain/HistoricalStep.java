package org.iwddm.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;
import org.iwddm.metrics.MetricsReporter;

/**
 * historical: close finished days (SPEC §1) through the procedure a DBA calls too,
 * iwddm.run_historical(): final tasks of closed days move from the i_ to the h_ fact tables,
 * the calendar is extended ahead, statistics refreshed. One transaction; rerunning is safe.
 * Then, when mart_config.verify_closed_days asks for it, iwddm.verify_closed_days checks the
 * aggregates of the days closed since the last check against the facts: an etl_audit row per
 * day, a log line, and the iwddm_verify_differences metric.
 */
final class HistoricalStep {
    private static final Figures STEP = Figures.of(Figure.STEP, "historical");
    private static final Figures VERIFY = Figures.of(Figure.STEP, "verify");

    private final Connection session;
    private final UUID runId;
    private final String chain;
    private final MetricsReporter metrics;

    HistoricalStep(Connection session, UUID runId, String chain, MetricsReporter metrics) {
        this.session = session;
        this.runId = runId;
        this.chain = chain;
        this.metrics = metrics;
    }

    void run() throws SQLException {
        long started = System.nanoTime();
        int moved;
        try (Statement call = session.createStatement();
             ResultSet result = call.executeQuery("CALL iwddm.run_historical(NULL)")) {
            result.next();
            moved = result.getInt(1);
        }
        commit();
        JobLog.info("historical step: " + moved + " final tasks of closed days moved to the h_ tables",
                STEP.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
        verifyClosedDays();
    }

    private void verifyClosedDays() throws SQLException {
        long started = System.nanoTime();
        int days;
        long differences;
        try (PreparedStatement call = session.prepareStatement(
                "SELECT days, differences FROM iwddm.verify_closed_days(?, ?)")) {
            call.setObject(1, runId);
            call.setString(2, chain);
            try (ResultSet result = call.executeQuery()) {
                result.next();
                days = result.getInt(1);
                differences = result.getLong(2);
            }
        }
        commit();
        if (days == 0) {
            return; // the setting is off, or no day closed since the last check
        }
        Figures figures = VERIFY.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started));
        if (differences == 0) {
            JobLog.info("verify: the aggregates of " + days + " closed day(s) match the facts", figures);
        } else {
            JobLog.warn("verify: " + differences + " aggregate values of " + days + " closed day(s) differ from the facts;"
                    + " see iwddm.etl_audit rows of entry_kind 'verify' and repair with iwddm.rebuild_aggregates", figures);
        }
        metrics.verified(differences);
    }

    private void commit() throws SQLException {
        if (!session.getAutoCommit()) {
            session.commit();
        }
    }
}
