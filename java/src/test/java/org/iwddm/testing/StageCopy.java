package org.iwddm.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.iwddm.sim.FeedGenerator;

/**
 * Stages raw event lines into iwddm.stage_task_event(raw) with COPY, exactly as SPEC §3 tells a
 * DBA to: CSV whose quote and delimiter are control characters compact JSON never contains, so
 * backslashes and quotes arrive byte for byte. Runs in the connection's current transaction; an
 * exception cancels the COPY, so nothing is half-staged.
 */
public final class StageCopy {
    public static final String COPY_SQL = "COPY iwddm.stage_task_event(raw) FROM STDIN"
            + " WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')";
    private static final int CHUNK_BYTES = 64 * 1024;

    private StageCopy() {
    }

    @FunctionalInterface
    private interface CopyBody {
        void write(CopyIn copy) throws SQLException;
    }

    /** Stages each line as one row; returns the number of rows COPY reports. */
    public static long copyLines(Connection connection, Iterable<String> lines) throws SQLException {
        return copy(connection, copy -> {
            byte[] buffer = new byte[CHUNK_BYTES];
            int used = 0;
            int index = 0;
            for (String line : lines) {
                byte[] row = (requireCopyable(line, index++) + "\n").getBytes(StandardCharsets.UTF_8);
                if (used + row.length > buffer.length) {
                    copy.writeToCopy(buffer, 0, used);
                    used = 0;
                }
                if (row.length > buffer.length) {
                    copy.writeToCopy(row, 0, row.length);
                } else {
                    System.arraycopy(row, 0, buffer, used, row.length);
                    used += row.length;
                }
            }
            copy.writeToCopy(buffer, 0, used);
        });
    }

    /** Stages UTF-8 NDJSON (each line '\n'-terminated, as FeedGenerator.write produces). */
    public static long copyNdjson(Connection connection, byte[] ndjson) throws SQLException {
        return copy(connection, copy -> {
            for (int offset = 0; offset < ndjson.length; offset += CHUNK_BYTES) {
                copy.writeToCopy(ndjson, offset, Math.min(CHUNK_BYTES, ndjson.length - offset));
            }
        });
    }

    private static long copy(Connection connection, CopyBody body) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
        try {
            body.write(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * A line COPY would split or misread (line breaks, the CSV control characters, the end
     * marker, an empty line that CSV reads as NULL) is refused before anything is sent.
     */
    static String requireCopyable(String line, int index) {
        boolean bad = line.isEmpty() || line.equals("\\.") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0
                || line.indexOf('\u0001') >= 0 || line.indexOf('\u0002') >= 0;
        if (bad) {
            throw new IllegalArgumentException("line " + index + " cannot be staged as one CSV row"
                    + " (empty, \\., a line break or a \\x01/\\x02 character)");
        }
        return line;
    }
}
