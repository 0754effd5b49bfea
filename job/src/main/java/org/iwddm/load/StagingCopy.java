package org.iwddm.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.iwddm.feed.EventSink;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A COPY into iwddm.stage_task_event(raw), one JSON event per record, streamed as events arrive.
 * CSV with quote and delimiter characters that JSON text never contains (control characters
 * other than whitespace are escaped inside strings and invalid outside them), each value quoted,
 * so the text reaches the table byte for byte, backslashes and line breaks between tokens
 * included. A DBA's \copy of one compact event per line (unquoted) reads the same way.
 * Closing without {@link #finish()} cancels the COPY: an exception never half-stages a page.
 * The job itself stages typed ({@link TypedStagingCopy}, issue 14); this raw path is what DBAs,
 * the tests' fixtures and the benchmark's floor A use.
 */
public final class StagingCopy implements EventSink, AutoCloseable {
    /** SPEC §3's staging COPY, the same a DBA runs with \copy. */
    public static final String COPY_SQL = "COPY iwddm.stage_task_event(raw) FROM STDIN"
            + " WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')";
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final char QUOTE = '\u0001';

    private final CopyIn copy;
    private final Writer writer;

    private StagingCopy(CopyIn copy) {
        this.copy = copy;
        this.writer = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, BUFFER_BYTES),
                StandardCharsets.UTF_8), BUFFER_BYTES);
    }

    /** Starts the COPY on the connection's current transaction. */
    public static StagingCopy begin(Connection connection) throws SQLException {
        return new StagingCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL));
    }

    @Override
    public void accept(String eventJson) {
        try {
            writeRecord(writer, eventJson);
        } catch (IOException e) {
            throw new StagingException("staging an event failed: " + e.getMessage(), e);
        }
    }

    /** One event as this COPY's record. */
    static void writeRecord(Writer out, String eventJson) throws IOException {
        out.write(QUOTE);
        out.write(eventJson);
        out.write(QUOTE);
        out.write('\n');
    }

    /** Ends the COPY; returns the number of rows staged. */
    public long finish() throws SQLException {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new SQLException("staging the page failed: " + e.getMessage(), e);
        }
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
