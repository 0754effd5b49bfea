package org.iwddm.gim;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.iwddm.config.GimSettings;
import org.iwddm.log.Errors;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * Agent names from the tenant's Info Mart (SPEC §7): streams GIM's resource_ rows into a
 * temporary table of the mart session in batches, then iwddm.gim_apply_agent_names() updates
 * iwddm.agent set-wise, in one transaction. A GIM that is down or broken is logged and never
 * fails the run; the mart keeps the names it had.
 */
public final class GimAgentNames {
    private static final Figures STEP = Figures.of(Figure.STEP, "gim");
    private static final int BATCH = 1000;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final String READ = "SELECT employee_id, resource_name, agent_first_name, agent_last_name FROM resource_";

    private final GimSettings settings;

    public GimAgentNames(GimSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("GIM agent names need enabled GIM settings");
        }
        this.settings = settings;
    }

    /** Returns how many agents changed, or -1 when GIM could not be read (logged). */
    public int apply(Connection mart) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = mart.getAutoCommit();
        mart.setAutoCommit(false);
        try (Connection gim = connect()) {
            int updated = copyAndApply(gim, mart);
            mart.commit();
            JobLog.info("GIM agent names: " + updated + " agents updated",
                    STEP.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
            return updated;
        } catch (SQLException e) {
            mart.rollback();
            JobLog.warn("GIM agent names not read from " + settings + ", agent names unchanged: " + Errors.describe(e), STEP);
            return -1;
        } finally {
            mart.setAutoCommit(autoCommit);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password().reveal());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("readOnly", "true");
        Connection gim = DriverManager.getConnection(settings.jdbcUrl(), properties);
        gim.setAutoCommit(false); // pgjdbc streams with a cursor only inside a transaction
        return gim;
    }

    private static int copyAndApply(Connection gim, Connection mart) throws SQLException {
        try (Statement create = mart.createStatement()) {
            create.execute("CREATE TEMP TABLE gim_resource (employee_id text, resource_name text,"
                    + " agent_first_name text, agent_last_name text) ON COMMIT DROP");
        }
        try (Statement read = gim.createStatement();
             PreparedStatement insert = mart.prepareStatement("INSERT INTO pg_temp.gim_resource VALUES (?, ?, ?, ?)")) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery(READ)) {
                copy(rows, insert);
            }
        }
        try (Statement call = mart.createStatement(); ResultSet row = call.executeQuery("CALL iwddm.gim_apply_agent_names()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void copy(ResultSet rows, PreparedStatement insert) throws SQLException {
        int pending = 0;
        while (rows.next()) {
            for (int column = 1; column <= 4; column++) {
                insert.setString(column, rows.getString(column));
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            insert.executeBatch();
        }
    }
}
