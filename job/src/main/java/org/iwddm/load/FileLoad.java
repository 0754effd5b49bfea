package org.iwddm.load;

import java.io.UncheckedIOException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads an NDJSON file of events the job's way (issue 14), a chunk at a time: per chunk one
 * transaction that stages its events typed ({@link TypedStaging}, as the job stages a page),
 * calls load_staged (which takes the loads' lock) and commits. So a chunk loads at the job's
 * per-event speed, memory and temporary space stay those of one chunk, and a stop loses at most
 * the chunk in progress. Every chunk's etl_audit batch row carries this load's run id.
 */
public final class FileLoad {
    /** A committed chunk: its number (from 1), the lines of its first and last event, its events. */
    public record Chunk(int number, long firstLine, long lastLine, long events) {
    }

    private final Connection connection;
    private final UUID runId;

    public FileLoad(Connection connection, UUID runId) {
        this.connection = connection;
        this.runId = runId;
    }

    public UUID runId() {
        return runId;
    }

    /** Loads every chunk left in the file, telling progress about each one committed. */
    public void load(NdjsonFile file, int chunkEvents, Consumer<Chunk> progress) throws ChunkFailedException, SQLException {
        watchForAbandonment();
        TypedStaging staging = TypedStaging.of(connection);
        connection.setAutoCommit(false);
        try {
            for (int number = 1; file.hasMore(); number++) {
                progress.accept(loadChunk(staging, file, number, chunkEvents));
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Chunk loadChunk(TypedStaging staging, NdjsonFile file, int number, int chunkEvents) throws ChunkFailedException {
        long firstLine = file.nextLine();
        try {
            long events = staging.copy(connection, file.nextChunk(chunkEvents));
            try (CallableStatement call = connection.prepareCall("CALL iwddm.load_staged(?::uuid)")) {
                call.setObject(1, runId);
                call.execute();
            }
            connection.commit();
            return new Chunk(number, firstLine, file.lastEventLine(), events);
        } catch (SQLException | UncheckedIOException e) {
            rollback(e);
            throw new ChunkFailedException(number, firstLine, Math.max(firstLine, file.lastEventLine()), e);
        }
    }

    /**
     * A load stopped with Ctrl-C or kill leaves its backend inside a long load_staged; without
     * this the server would notice the lost client only when the statement ends, holding the
     * loads' lock until then (a rerun would wait for it). Checked every 2 s (PostgreSQL 14+).
     */
    private void watchForAbandonment() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET client_connection_check_interval = '2s'");
        }
    }

    private void rollback(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is likely gone, which rolls back too; keep the original failure first.
            failure.addSuppressed(e);
        }
    }

    /** A chunk that failed and was rolled back; every chunk before it is committed. */
    public static final class ChunkFailedException extends Exception {
        private final int chunk;
        private final long firstLine;

        /** @param lastLine the last line the chunk reached (its last, unless reading the file failed) */
        ChunkFailedException(int chunk, long firstLine, long lastLine, Exception cause) {
            super("chunk " + chunk + " (lines " + firstLine + "-" + lastLine + ") failed: " + cause.getMessage(), cause);
            this.chunk = chunk;
            this.firstLine = firstLine;
        }

        public int chunk() {
            return chunk;
        }

        public long firstLine() {
            return firstLine;
        }
    }
}
