package org.iwddm.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;

/** Where the demo's mart lives: an embedded PostgreSQL on loopback (trust authentication). */
public final class DemoDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String NAME = "postgres";

    private final EmbeddedPostgres postgres;

    private DemoDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Unpacks the PostgreSQL binaries shipped in the jar and starts a server on a free port. */
    public static DemoDatabase start() throws IOException {
        // Our own unpack directory, so a half-unpacked tree elsewhere (another tool) cannot break us.
        File workingDirectory = new File(System.getProperty("java.io.tmpdir"), "iwddm-demo-pg");
        return new DemoDatabase(EmbeddedPostgres.builder().setOverrideWorkingDirectory(workingDirectory).start());
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    /** The psql command line that reaches the mart. */
    public String psqlCommand() {
        return "psql -h " + host() + " -p " + port() + " -U " + USER + " -d " + NAME;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
