package org.iwddm.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The mart database (IWDDM_DB_*). */
public record DatabaseSettings(String host, int port, String name, String user, Secret password) {

    /** JDBC URL without credentials (those travel as connection properties, never in the URL). */
    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "?ApplicationName=iwddm";
    }

    /**
     * The URL Flyway connects with: connecting and logging in bounded (parameters in the URL win
     * over connection properties, so the job's own connections do not use this one).
     */
    public String migrationJdbcUrl() {
        return jdbcUrl() + "&connectTimeout=30&loginTimeout=30&tcpKeepAlive=true";
    }

    /** The password as set and percent-encoded (as a URL would carry it), for a Redactor. */
    public List<String> secretValues() {
        String value = password.reveal();
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return List.of(value, encoded, encoded.replace("+", "%20"));
    }
}
