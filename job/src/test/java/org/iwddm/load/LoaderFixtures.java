package org.iwddm.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.Secret;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedTuning;

/** What the page loader's read-ahead and stage-ahead tests share: fast feed timeouts, a client, small probes. */
final class LoaderFixtures {
    static final FeedTuning FAST = new FeedTuning(Duration.ofSeconds(2), Duration.ofSeconds(1), 3,
            Duration.ofMillis(10), Duration.ofMillis(50));
    static final PageLoader.ReadAhead ALWAYS_FIVE = staged -> OptionalInt.of(5);

    private LoaderFixtures() {
    }

    /** The single number a query gives. */
    static long value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static FeedClient client(FakeIwd iwd) {
        return new FeedClient(new FeedSettings(iwd.restUrl(), Secret.of(FakeIwd.API_KEY), FakeIwd.CCID, 100,
                Optional.empty(), Optional.empty()), FAST);
    }

    /** The feed requests the fake IWD received, in order. */
    static List<String> queries(FakeIwd iwd) {
        return iwd.requests().stream().map(FakeIwd.Request::query).toList();
    }

    /** Takes the cursor row in an open transaction of {@code other}: a page's load then waits at the cursor, uncommitted. */
    static void holdCursor(Connection other) throws SQLException {
        other.setAutoCommit(false);
        try (Statement hold = other.createStatement()) {
            hold.execute("SELECT * FROM iwddm.feed_cursor FOR UPDATE");
        }
    }

    /** Loads the page after sinceId on another thread, reading five ahead. */
    static CompletableFuture<PageResult> loadInBackground(PageLoader loader, long sinceId, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(sinceId, limit, ALWAYS_FIVE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Live threads whose name starts with the prefix. */
    static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
