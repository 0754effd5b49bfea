package org.iwddm.load;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A UTF-8 NDJSON file of events (one per line), read a chunk at a time and never whole: a chunk
 * is streamed straight into COPY, so the driver holds one line, whatever the chunk size. Lines
 * are numbered from 1 as an editor numbers them (blank lines count, so a reported line is the
 * file's line); blank lines (nothing but spaces, tabs, CR) are no events and are skipped, and a
 * byte order mark before the first line is dropped: neither is anything IWD sends.
 */
public final class NdjsonFile implements Closeable {
    private final BufferedReader reader;
    private long lineNumber;
    /** The next event's line, read ahead so that {@link #hasMore} needs no chunk. */
    private String pending;
    private long pendingLine;
    private long lastEventLine;

    private NdjsonFile(BufferedReader reader) {
        this.reader = reader;
    }

    /** Opens the file at line fromLine (1 = the start); the lines before it are read past, not loaded. */
    public static NdjsonFile open(Path file, long fromLine) throws IOException {
        NdjsonFile ndjson = new NdjsonFile(Files.newBufferedReader(file));
        try {
            ndjson.skipTo(fromLine);
            ndjson.readAhead();
            return ndjson;
        } catch (IOException | RuntimeException e) {
            ndjson.close();
            throw e;
        }
    }

    public boolean hasMore() {
        return pending != null;
    }

    /** The line the next chunk starts at (meaningful while {@link #hasMore}). */
    public long nextLine() {
        return pendingLine;
    }

    /** The line of the last event a chunk gave (0 before any). */
    public long lastEventLine() {
        return lastEventLine;
    }

    /**
     * The next chunk, at most maxEvents events, read as it is iterated (once). A file that
     * cannot be read, or is not UTF-8, fails the iteration with an {@link UncheckedIOException}
     * naming the line.
     */
    public Iterable<String> nextChunk(int maxEvents) {
        return () -> new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < maxEvents && pending != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = pending;
                lastEventLine = pendingLine;
                given++;
                readAheadUnchecked();
                return line;
            }
        };
    }

    private void skipTo(long fromLine) throws IOException {
        while (lineNumber < fromLine - 1 && readLine() != null) {
            // lines before --from-line: loaded by an earlier call
        }
    }

    private void readAheadUnchecked() {
        try {
            readAhead();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Reads up to the next event line (skipping blank ones); pending is null at the end. */
    private void readAhead() throws IOException {
        String line;
        do {
            line = readLine();
        } while (line != null && isBlank(line));
        pending = line;
        pendingLine = lineNumber;
    }

    private String readLine() throws IOException {
        String line;
        try {
            line = reader.readLine();
        } catch (CharacterCodingException e) {
            // The decoder reads ahead, so the bad bytes are on this line or a little after it.
            throw new IOException("the file is not UTF-8 at or shortly after line " + (lineNumber + 1), e);
        }
        if (line == null) {
            return null;
        }
        lineNumber++;
        return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Only spaces, tabs and CRs: the same test as {@link #countEvents}, so the count matches what is loaded. */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isBlankByte(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankByte(int c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /**
     * The events (non-blank lines) from line fromLine on, counted over the raw bytes before
     * loading, for the progress lines' "of N events": one read of the file, at disk speed.
     */
    public static long countEvents(Path file, long fromLine) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long events = 0;
        long line = 1;
        boolean eventOnLine = false;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        events += eventOnLine && line >= fromLine ? 1 : 0;
                        eventOnLine = false;
                        line++;
                    } else if (!isBlankByte(b)) {
                        eventOnLine = true;
                    }
                }
            }
        }
        return events + (eventOnLine && line >= fromLine ? 1 : 0);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
