package org.iwddm.load;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The job's staging COPY into iwddm.stage_typed_event (issue 14): a page's rows as the reading
 * thread encoded them ({@link TypedCopyRecord}), typed or raw, in feed order. Closing without
 * {@link #finish()} cancels the COPY: an exception never half-stages a page. The raw staging
 * ({@link StagingCopy#COPY_SQL}) stays what DBAs and the benchmark's floor use.
 */
final class TypedStagingCopy implements AutoCloseable {
    private final CopyIn copy;

    private TypedStagingCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts the COPY on the connection's current transaction. */
    static TypedStagingCopy begin(Connection connection) throws SQLException {
        return new TypedStagingCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(TypedCopyRecord.COPY_SQL));
    }

    /** Stages rows encoded by {@link TypedCopyRecord} (UTF-8), as they are. */
    void writeRecords(byte[] records, int length) throws SQLException {
        copy.writeToCopy(records, 0, length);
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
