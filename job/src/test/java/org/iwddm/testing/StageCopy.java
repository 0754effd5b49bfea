package org.iwddm.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.iwddm.load.StagingCopy;
import org.iwddm.sim.FeedGenerator;

/**
 * Stages raw event lines into iwddm.stage_task_event(raw) with COPY, exactly as SPEC §3 tells a
 * DBA to: CSV whose quote and delimiter are control characters compact JSON never contains, so
 * backslashes and quotes arrive byte for byte. Runs in the connection's current transaction; an
 * exception cancels the COPY, so nothing is half-staged.
 */
public final class StageCopy {
    private static final int CHUNK_BYTES = 64 * 1024;

    private StageCopy() {
    }

    /** Stages each line as one row, through the job's own StagingCopy; returns the rows COPY reports. */
    public static long copyLines(Connection connection, Iterable<String> lines) throws SQLException {
        int index = 0;
        for (String line : lines) {
            requireCopyable(line, index++);
        }
        try (StagingCopy copy = StagingCopy.begin(connection)) {
            lines.forEach(copy::accept);
            return copy.finish();
        }
    }

    /** Stages UTF-8 NDJSON (each line '\n'-terminated, as FeedGenerator.write produces). */
    public static long copyNdjson(Connection connection, byte[] ndjson) throws SQLException {
        return copyNdjson(connection, ndjson, StagingCopy.COPY_SQL);
    }

    /** COPYs UTF-8 NDJSON with the given COPY ... FROM STDIN statement; an exception cancels it. */
    public static long copyNdjson(Connection connection, byte[] ndjson, String copySql) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            for (int offset = 0; offset < ndjson.length; offset += CHUNK_BYTES) {
                copy.writeToCopy(ndjson, offset, Math.min(CHUNK_BYTES, ndjson.length - offset));
            }
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
