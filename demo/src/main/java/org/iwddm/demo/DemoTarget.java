package org.iwddm.demo;

/** The mart database a demo loads: host, port, database, user, password. */
public record DemoTarget(String host, int port, String database, String user, String password) {
    public static DemoTarget of(DemoDatabase database) {
        // Trust authentication on loopback: the password is not checked, but the job requires one.
        return new DemoTarget(database.host(), database.port(), DemoDatabase.NAME, DemoDatabase.USER, "demo");
    }
}
