package org.iwddm.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** iwddm.feed_cursor: the largest event id committed (FEED.md "the consumer's cursor"). */
public final class FeedCursor {
    static final String FEED = "task_events";

    private FeedCursor() {
    }

    public static long read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_event_id FROM iwddm.feed_cursor WHERE feed = ?")) {
            select.setString(1, FEED);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("iwddm.feed_cursor has no '" + FEED + "' row: run the initialize chain");
                }
                return row.getLong(1);
            }
        }
    }

    /**
     * Moves the cursor from {@code from} to {@code to} in the caller's transaction. Fails when the
     * cursor is not where this run left it: something else loaded meanwhile, and committing
     * would skip or repeat its events.
     */
    public static void advance(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE iwddm.feed_cursor"
                + " SET last_event_id = ?, updated_at = now() WHERE feed = ? AND last_event_id = ?")) {
            update.setLong(1, to);
            update.setString(2, FEED);
            update.setLong(3, from);
            if (update.executeUpdate() != 1) {
                throw new SQLException("iwddm.feed_cursor is no longer at " + from + ": another loader moved it");
            }
        }
    }
}
