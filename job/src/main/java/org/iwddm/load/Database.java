package org.iwddm.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.iwddm.config.DatabaseSettings;

/** Opens connections to the mart; credentials travel as properties, never inside the URL. */
public final class Database {
    private static final int CONNECT_TIMEOUT_SECONDS = 30;

    private final DatabaseSettings settings;

    public Database(DatabaseSettings settings) {
        this.settings = settings;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password().reveal());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        // Detects a peer that vanished (node loss) instead of waiting forever on a dead socket.
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
}
