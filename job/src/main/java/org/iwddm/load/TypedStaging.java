package org.iwddm.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Stages event lines exactly as the job stages a page (issue 14): one COPY into the transaction's
 * own pg_temp.stage_typed_event (shaped as iwddm.stage_typed_event; iwddm.load_staged takes it
 * over), each event typed when the driver vouches for it, else as its text for the database to
 * check. For loading a file (iwddm load-file) and for the benchmark, which must
 * measure the job's own path; the job itself stages from its page read ahead ({@link PageFetch}).
 * Runs in the connection's current transaction; an exception cancels the COPY
 * ({@link TypedStagingCopy}).
 */
public final class TypedStaging {
    /** Stages records {@link #encode} made, as the job stages a page read ahead; returns the rows COPY reports. */
    public static long copyEncoded(Connection connection, byte[] records) throws SQLException {
        try (TypedStagingCopy copy = TypedStagingCopy.begin(connection)) {
            copy.writeRecords(records, records.length);
            return copy.finish();
        }
    }

    private final TypedCopyRecord record;

    private TypedStaging(EventTyper typer) {
        this.record = new TypedCopyRecord(typer);
    }

    /** A stager that knows the mart's statuses (read once here). */
    public static TypedStaging of(Connection connection) throws SQLException {
        return new TypedStaging(EventTyper.of(connection));
    }

    /**
     * The lines' staging records (UTF-8), as the job's page read ahead holds them: the benchmark
     * types a page beforehand, since the job types on its reading thread, not while it COPYs.
     */
    public byte[] encode(Iterable<String> eventLines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writeAll(out, eventLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** Stages the lines (one JSON event each) in order, streaming; returns the rows COPY reports. */
    public long copy(Connection connection, Iterable<String> eventLines) throws SQLException {
        try (TypedStagingCopy copy = TypedStagingCopy.begin(connection)) {
            Writer out = copy.writer();
            writeAll(out, eventLines);
            out.flush();
            return copy.finish();
        } catch (IOException e) {
            throw new SQLException("staging the events failed: " + e.getMessage(), e);
        }
    }

    private void writeAll(Writer out, Iterable<String> eventLines) throws IOException {
        for (String line : eventLines) {
            record.write(out, line);
        }
    }
}
