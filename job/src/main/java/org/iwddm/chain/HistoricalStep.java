package org.iwddm.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iwddm.config.RetentionSettings;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;
import org.iwddm.metrics.MetricsReporter;

/**
 * historical: close finished days (SPEC §1) through the procedure a DBA calls too,
 * iwddm.run_historical(): final tasks of closed days move from the i_ to the h_ fact tables,
 * the calendar is extended ahead, statistics refreshed. One transaction; rerunning is safe.
 * Then the retention settings of the configuration are applied and iwddm.purge_expired
 * removes what they no longer keep, in batches of their own short transactions, until done
 * or the run's time budget is spent (the next run goes on; docs/retention.md). Last, when
 * mart_config.verify_closed_days asks for it, iwddm.verify_closed_days checks the aggregates of
 * the days closed since the last check against the facts: an etl_audit row per day, a log line,
 * and the iwddm_verify_differences metric.
 */
final class HistoricalStep {
    private static final Figures STEP = Figures.of(Figure.STEP, "historical");
    private static final Figures PURGE = Figures.of(Figure.STEP, "purge");
    private static final Figures VERIFY = Figures.of(Figure.STEP, "verify");
    /** Tasks (and rejected / audit rows) per purge transaction: ~340,000 rows, ~6 s on the benchmark machine. */
    static final int PURGE_BATCH = 20_000;

    private final Connection session;
    private final RetentionSettings retention;
    private final Budget budget;
    private final UUID runId;
    private final PurgeTally purged;
    private final String chain;
    private final MetricsReporter metrics;

    HistoricalStep(Connection session, RetentionSettings retention, Budget budget, UUID runId, PurgeTally purged,
                   String chain, MetricsReporter metrics) {
        this.session = session;
        this.retention = retention;
        this.budget = budget;
        this.runId = runId;
        this.purged = purged;
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
        applyRetention();
        purge();
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

    private void applyRetention() throws SQLException {
        try (PreparedStatement set = session.prepareStatement("CALL iwddm.set_retention(?, ?::interval)")) {
            for (Map.Entry<String, Optional<Integer>> change : retention.changes().entrySet()) {
                set.setString(1, change.getKey());
                set.setString(2, change.getValue().map(days -> days + " days").orElse(null));
                set.execute();
            }
        }
        commit();
    }

    /** At least one batch, so a run that spent its budget loading still makes progress. */
    private void purge() throws SQLException {
        long started = System.nanoTime();
        boolean more;
        int batches = 0;
        do {
            more = purgeBatch();
            commit();
            batches++;
        } while (more && budget.hasTimeLeft());
        if (purged.isEmpty() && !more) {
            return;
        }
        JobLog.info("purge: " + purged.summary() + " in " + batches + " batches"
                        + (more ? "; more is due, the next run goes on" : ""),
                PURGE.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
    }

    private boolean purgeBatch() throws SQLException {
        try (PreparedStatement call = session.prepareStatement("CALL iwddm.purge_expired(?, ?, NULL, NULL)")) {
            call.setInt(1, PURGE_BATCH);
            call.setObject(2, runId);
            try (ResultSet result = call.executeQuery()) {
                result.next();
                purged.add(result.getString(1));
                return result.getBoolean(2);
            }
        }
    }

    private void commit() throws SQLException {
        if (!session.getAutoCommit()) {
            session.commit();
        }
    }
}
