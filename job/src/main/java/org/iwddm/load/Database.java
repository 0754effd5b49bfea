package org.iwddm.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.config.RunBudget;

/**
 * Opens connections to the mart; credentials travel as properties, never inside the URL.
 * Every wait is bounded, so a server that accepts the connection and never answers fails the
 * run instead of hanging it: connecting and logging in ({@link #LOGIN_TIMEOUT}), each statement
 * (statement_timeout, sized from the run budget: {@link #statementTimeout}) and each read from
 * the socket (a minute longer, so the server's own cancel normally comes first). Refuses a
 * server older than the schema needs ({@link #MIN_SERVER_MAJOR}).
 */
public final class Database {
    public static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
    /** Without a time budget a statement may take this long (a large rebuild or backfill page). */
    static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofHours(1);
    /** The least a statement may take even under a small budget (a page's load, the maintenance). */
    static final Duration MIN_STATEMENT_TIMEOUT = Duration.ofMinutes(5);
    static final Duration SOCKET_MARGIN = Duration.ofMinutes(1);
    /** 'infinity'::numeric and extract() returning numeric came with PostgreSQL 14. */
    public static final int MIN_SERVER_MAJOR = 14;

    private final DatabaseSettings settings;
    private final Duration statementTimeout;
    private final Duration loginTimeout;

    public Database(DatabaseSettings settings) {
        this(settings, RunBudget.UNLIMITED);
    }

    public Database(DatabaseSettings settings, RunBudget budget) {
        this(settings, statementTimeout(budget.maxDuration()), LOGIN_TIMEOUT);
    }

    /** Tests pass shorter timeouts; the job's are fixed (SPEC §2 lists every variable it reads). */
    public Database(DatabaseSettings settings, Duration statementTimeout, Duration loginTimeout) {
        this.settings = settings;
        this.statementTimeout = statementTimeout;
        this.loginTimeout = loginTimeout;
    }

    /** Twice the run's time budget (a run stops taking pages at the budget, then finishes), at least 5 minutes. */
    static Duration statementTimeout(Optional<Duration> budget) {
        if (budget.isEmpty()) {
            return DEFAULT_STATEMENT_TIMEOUT;
        }
        Duration twice = budget.get().multipliedBy(2);
        return twice.compareTo(MIN_STATEMENT_TIMEOUT) < 0 ? MIN_STATEMENT_TIMEOUT : twice;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password().reveal());
        properties.setProperty("connectTimeout", Long.toString(loginTimeout.toSeconds()));
        properties.setProperty("loginTimeout", Long.toString(loginTimeout.toSeconds()));
        properties.setProperty("socketTimeout", Long.toString(statementTimeout.plus(SOCKET_MARGIN).toSeconds()));
        properties.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        // Detects a peer that vanished (node loss) instead of waiting forever on a dead socket.
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
        try {
            requireSupportedServer(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The version the server announced at login (no round trip). */
    static void requireSupportedServer(Connection connection) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        if (major < MIN_SERVER_MAJOR) {
            throw new SQLException("the mart database runs PostgreSQL "
                    + connection.getMetaData().getDatabaseProductVersion() + "; iwddm needs PostgreSQL "
                    + MIN_SERVER_MAJOR + " or later (upgrade the server; nothing was changed)", "0A000");
        }
    }
}
