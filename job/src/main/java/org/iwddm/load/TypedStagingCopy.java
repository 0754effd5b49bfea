package org.iwddm.load;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The job's staging COPY into its transaction's own pg_temp.stage_typed_event (issue 14): a page's
 * rows as the reading thread encoded them ({@link TypedCopyRecord}), typed or raw, in feed order.
 * Closing without {@link #finish()} cancels the COPY: an exception never half-stages a page. The raw staging
 * ({@link StagingCopy#COPY_SQL}) stays what DBAs and the benchmark's floor use.
 */
final class TypedStagingCopy implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** How long emptying a staging slot waits for sessions reading it. */
    private static final String SLOT_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'";

    private final CopyIn copy;

    private TypedStagingCopy(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Creates the transaction's staging table and starts the COPY into it. The table goes at the
     * transaction's end, so one outside a transaction would be gone before the COPY.
     */
    static TypedStagingCopy begin(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new SQLException("the typed staging needs a transaction: its table lasts as long as one");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(TypedCopyRecord.CREATE_SQL);
        }
        return new TypedStagingCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(TypedCopyRecord.COPY_SQL));
    }

    /**
     * Empties a staging slot and starts the COPY into it, in the connection's transaction (a page
     * staged ahead: {@link StagedAhead}); the caller commits it after {@link #finish()}.
     */
    static TypedStagingCopy beginInSlot(Connection connection, String slot) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new SQLException("staging into a slot needs a transaction: it is emptied and filled as one");
        }
        emptySlots(connection, List.of(slot));
        return new TypedStagingCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(TypedCopyRecord.copyIntoSlotSql(slot)));
    }

    /**
     * Empties staging slots in the connection's transaction. A session reading a slot holds that
     * off: it gives up after a few seconds (the caller then stages the page with its load).
     */
    static void emptySlots(Connection connection, List<String> slots) throws SQLException {
        StringBuilder tables = new StringBuilder();
        for (String slot : slots) {
            tables.append(tables.length() > 0 ? ", " : "").append("iwddm.").append(TypedCopyRecord.requireSlot(slot));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(SLOT_LOCK_TIMEOUT + "; TRUNCATE " + tables);
        }
    }

    /** Stages rows encoded by {@link TypedCopyRecord} (UTF-8), as they are. */
    void writeRecords(byte[] records, int length) throws SQLException {
        copy.writeToCopy(records, 0, length);
    }

    /** A writer of rows straight into the COPY (UTF-8, buffered); flush it before {@link #finish()}. */
    Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, BUFFER_BYTES),
                StandardCharsets.UTF_8), BUFFER_BYTES);
    }

    /** Ends the COPY; returns the number of rows staged. */
    long finish() throws SQLException {
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
