package org.iwddm.chain;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iwddm.feed.FakeIwd;

/**
 * A fake IWD for large feeds (benchmarks): the feed lives in an NDJSON file with an index of
 * offsets, and pages are streamed from the file, so a million events cost the serving JVM a
 * few megabytes. Same page semantics as {@link FakeIwd} (FEED.md), no scripted failures.
 */
final class FileBackedIwd implements AutoCloseable {
    private final Path file;
    private final long[] offsets;
    /** 2*id for events with a numeric id, 2*previousId+1 for events without one: sorted, searchable. */
    private final long[] keys;
    private final long[] ids;
    private final int count;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private FileBackedIwd(Path file, long[] offsets, long[] keys, long[] ids, int count) throws IOException {
        this.file = file;
        this.offsets = offsets;
        this.keys = keys;
        this.ids = ids;
        this.count = count;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/iwd/v3/tasks/events", this::handle);
        server.start();
    }

    /** Writes up to maxEvents lines to the file, indexes them and starts serving. */
    static FileBackedIwd write(Iterator<String> lines, int maxEvents, Path file) throws IOException {
        long[] offsets = new long[maxEvents + 1];
        long[] keys = new long[maxEvents];
        long[] ids = new long[maxEvents];
        int count = 0;
        long offset = 0;
        long previousId = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (count < maxEvents && lines.hasNext()) {
                String line = lines.next();
                Long id = idOf(line);
                keys[count] = id != null ? 2 * id : 2 * previousId + 1;
                previousId = id != null ? id : previousId;
                ids[count] = previousId;
                offsets[count++] = offset;
                out.write(line);
                out.write('\n');
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        offsets[count] = offset;
        return new FileBackedIwd(file, offsets, keys, ids, count);
    }

    int events() {
        return count;
    }

    long lastId() {
        return count == 0 ? 0 : ids[count - 1];
    }

    URI restUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iwd/v3");
    }

    private static Long idOf(String line) {
        try {
            JsonElement id = JsonParser.parseString(line).getAsJsonObject().get("id");
            return id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber() ? id.getAsLong() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!FakeIwd.API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            long sinceId = Long.parseLong(query.replaceAll(".*sinceId=(\\d+).*", "$1"));
            int limit = Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1"));
            int first = firstAfter(sinceId);
            int end = (int) Math.min(count, (long) first + limit);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                body.write("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
                copyLinesAsArray(first, end, body);
                long lastId = end > first ? Math.max(ids[end - 1], sinceId) : sinceId;
                body.write(("],\"lastId\":" + lastId + ",\"hasMore\":" + (end < count) + "}").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            // The job went away.
        }
    }

    private int firstAfter(long sinceId) {
        int index = Arrays.binarySearch(keys, 0, count, 2 * sinceId + 1);
        int position = index >= 0 ? index : -index - 1;
        while (position > 0 && keys[position - 1] > 2 * sinceId) {
            position--;
        }
        while (position < count && keys[position] <= 2 * sinceId) {
            position++;
        }
        return position;
    }

    /** The lines [first, end) with their newlines turned into the array's commas. */
    private void copyLinesAsArray(int first, int end, OutputStream body) throws IOException {
        if (first >= end) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = offsets[first];
            long stop = offsets[end] - 1;
            while (position < stop) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), stop - position));
                int read = channel.read(buffer, position);
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        bytes[i] = ',';
                    }
                }
                body.write(bytes, 0, read);
                position += read;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
