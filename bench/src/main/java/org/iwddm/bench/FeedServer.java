package org.iwddm.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iwddm.feed.FakeIwd;

/**
 * A fake IWD on loopback serving a {@link BenchFeed} with FEED.md's page semantics
 * (GET /tasks/events?sinceId&limit, the API key checked). It relies on the bench feed's
 * strictly increasing ids, so a page is one slice of the file.
 */
final class FeedServer implements AutoCloseable {
    private static final Pattern SINCE_ID = Pattern.compile("(?:^|&)sinceId=(\\d+)");
    private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=(\\d+)");

    private final BenchFeed feed;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private FeedServer(BenchFeed feed) throws IOException {
        this.feed = feed;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/iwd/v3/tasks/events", this::handle);
        server.start();
    }

    static FeedServer start(BenchFeed feed) throws IOException {
        return new FeedServer(feed);
    }

    URI restUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iwd/v3");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!FakeIwd.API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            long sinceId = Long.parseLong(parameter(SINCE_ID, query));
            int limit = Integer.parseInt(parameter(LIMIT, query));
            byte[] body = page(sinceId, limit);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private static String parameter(Pattern pattern, String query) {
        Matcher matcher = pattern.matcher(query);
        if (!matcher.find()) {
            throw new IllegalArgumentException("missing parameter in " + query);
        }
        return matcher.group(1);
    }

    /** {"data":[...],"lastId":..,"hasMore":..}: the file's lines with their newlines turned into commas. */
    private byte[] page(long sinceId, int limit) throws IOException {
        int first = feed.firstAfter(sinceId);
        int end = (int) Math.min(feed.events(), (long) first + limit);
        byte[] lines = first < end ? feed.ndjson(first, end) : new byte[0];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == '\n') {
                lines[i] = ',';
            }
        }
        long lastId = end > first ? feed.id(end - 1) : sinceId;
        byte[] head = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("],\"lastId\":" + lastId + ",\"hasMore\":" + (end < feed.events()) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        int dataLength = Math.max(0, lines.length - 1);
        byte[] body = new byte[head.length + dataLength + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(lines, 0, body, head.length, dataLength);
        System.arraycopy(tail, 0, body, head.length + dataLength, tail.length);
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
