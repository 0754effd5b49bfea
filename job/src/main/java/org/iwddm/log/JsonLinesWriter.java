package org.iwddm.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/**
 * A tinylog writer that prints each log entry as one JSON object on its own line to the
 * process's stdout file descriptor (SPEC §1). tinylog's own JSON writer cannot be used: it opens
 * its target as a RandomAccessFile and seeks in it, which fails ("Illegal seek") when stdout is a
 * pipe, as it is in a container. This writer also scrubs secrets from every line, library lines
 * included, and types the figures (numbers and booleans, not strings).
 * Configured in tinylog.properties: {@code writer = org.iwddm.log.JsonLinesWriter}.
 */
public final class JsonLinesWriter implements Writer {
    // One write(2) per line, unbuffered: a killed job loses no line and lines never interleave.
    private final OutputStream out = new FileOutputStream(FileDescriptor.out);

    /** tinylog passes the writer's properties; this writer has none. */
    public JsonLinesWriter(Map<String, String> properties) {
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.DATE, LogEntryValue.LEVEL, LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION,
                LogEntryValue.CONTEXT);
    }

    @Override
    public void write(LogEntry entry) throws IOException {
        byte[] line = (LogLine.render(entry, JobLog.redactor()) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(line);
        }
    }

    @Override
    public void flush() {
        // Unbuffered.
    }

    @Override
    public void close() {
        // stdout belongs to the process, not to the logger.
    }
}
