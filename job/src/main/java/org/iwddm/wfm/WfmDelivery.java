package org.iwddm.wfm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The mart side of the push: which intervals are pending, their values, and recording a delivery. */
final class WfmDelivery {
    /** Closed intervals not delivered yet: [fromKey, toKey), pending of them. */
    record Range(long fromKey, long toKey, long pending) {
    }

    private final Connection session;

    WfmDelivery(Connection session) {
        this.session = session;
    }

    Range pending() throws SQLException {
        try (Statement statement = session.createStatement();
             ResultSet row = statement.executeQuery("SELECT from_key, to_key, pending FROM iwddm.wfm_pending_range()")) {
            row.next();
            return new Range(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    List<ActivityInterval> values(long fromKey, long toKey) throws SQLException {
        List<ActivityInterval> rows = new ArrayList<>();
        try (PreparedStatement select = session.prepareStatement(
                "SELECT date_time_key, activity, volume, queue FROM iwddm.wfm_activity_intervals(?, ?)")) {
            select.setLong(1, fromKey);
            select.setLong(2, toKey);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new ActivityInterval(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4)));
                }
            }
        }
        return rows;
    }

    /** Records WFM's acknowledgement of every interval up to lastKey, committed at once. */
    void recordDelivered(long lastKey, int intervals) throws SQLException {
        boolean autoCommit = session.getAutoCommit();
        session.setAutoCommit(false);
        try (PreparedStatement call = session.prepareStatement("CALL iwddm.wfm_record_delivery(?, ?)")) {
            call.setLong(1, lastKey);
            call.setInt(2, intervals);
            call.execute();
            session.commit();
        } catch (SQLException e) {
            session.rollback();
            throw e;
        } finally {
            session.setAutoCommit(autoCommit);
        }
    }
}
