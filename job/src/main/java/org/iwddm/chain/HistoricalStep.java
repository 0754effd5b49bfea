package org.iwddm.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * historical: close finished days (SPEC §1) through the procedure a DBA calls too,
 * iwddm.run_historical(): final tasks of closed days move from the i_ to the h_ fact tables,
 * the calendar is extended ahead, statistics refreshed. One transaction; rerunning is safe.
 */
final class HistoricalStep {
    private static final Figures STEP = Figures.of(Figure.STEP, "historical");

    private final Connection session;

    HistoricalStep(Connection session) {
        this.session = session;
    }

    void run() throws SQLException {
        long started = System.nanoTime();
        int moved;
        try (Statement call = session.createStatement();
             ResultSet result = call.executeQuery("CALL iwddm.run_historical(NULL)")) {
            result.next();
            moved = result.getInt(1);
        }
        if (!session.getAutoCommit()) {
            session.commit();
        }
        JobLog.info("historical step: " + moved + " final tasks of closed days moved to the h_ tables",
                STEP.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
    }
}
