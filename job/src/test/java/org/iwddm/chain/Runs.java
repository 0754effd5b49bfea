package org.iwddm.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FeedTuning;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.testing.TestDatabase;

/** In-process runs with short timeouts and back-off, and small queries for assertions. */
public final class Runs {
    /** Timeouts of a second and back-off of milliseconds: failure paths stay fast. */
    public static final FeedTuning FAST = new FeedTuning(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(20), Duration.ofMillis(100));

    private Runs() {
    }

    public static RunOutcome run(Map<String, String> env) {
        return run(env, MetricsReporter.NONE);
    }

    public static RunOutcome run(Map<String, String> env, MetricsReporter metrics) {
        return new JobRunner(TestEnvironment.load(env), FAST, metrics).run();
    }

    public static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    public static long cursor(TestDatabase database) throws SQLException {
        return count(database, "SELECT last_event_id FROM iwddm.feed_cursor");
    }
}
