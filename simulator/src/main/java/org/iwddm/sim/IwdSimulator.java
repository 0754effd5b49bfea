package org.iwddm.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A simulated IWD on loopback (JDK HttpServer) serving {@code GET /iwd/v3/tasks/events} exactly
 * as FEED.md describes, from a {@link SimulatedFeed}: only events that have arrived by the
 * clock's simulated now are served. Faults on demand: HTTP 500 every Nth request, slow answers.
 */
public final class IwdSimulator implements AutoCloseable {
    private final SimulatorSettings settings;
    private final SimulatedFeed feed;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicLong requests = new AtomicLong();

    private IwdSimulator(SimulatorSettings settings, LongSupplier clockMillis) throws IOException {
        this.settings = settings;
        this.feed = new SimulatedFeed(settings.feed(), clockMillis);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        server.setExecutor(executor);
        server.createContext(SimulatorSettings.BASE_PATH + "/tasks/events", this::handle);
        server.start();
    }

    /** Starts serving; the clock gives the simulated now in epoch millis. */
    public static IwdSimulator start(SimulatorSettings settings, LongSupplier clockMillis) throws IOException {
        return new IwdSimulator(settings, clockMillis);
    }

    /** The base URL to configure as IWDDM_REST_URL. */
    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SimulatorSettings.BASE_PATH);
    }

    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long number = requests.incrementAndGet();
            pause();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":\"only GET\"}");
            } else if (!keyMatches(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                send(exchange, 401, "{\"error\":\"unauthorized\"}");
            } else if (settings.failEvery() > 0 && number % settings.failEvery() == 0) {
                send(exchange, 500, "{\"error\":\"simulated failure\"}");
            } else {
                serve(exchange);
            }
        } catch (IOException e) {
            // The client went away (timeout, killed job): nothing left to answer.
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Query query = Query.parse(exchange.getRequestURI().getRawQuery());
        if (query == null) {
            send(exchange, 400, "{\"error\":\"sinceId (>= 0) and limit (>= 1) are required integers\"}");
            return;
        }
        SimulatedFeed.Page page = feed.page(query.sinceId(), query.limit());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: the page streams out
        OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
        body.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.lines().size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.write(page.lines().get(i).getBytes(StandardCharsets.UTF_8));
        }
        body.write(("],\"lastId\":" + page.lastId() + ",\"hasMore\":" + page.hasMore() + "}")
                .getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** Constant-time comparison, so the key cannot be guessed from answer times. */
    private boolean keyMatches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                settings.apiKey().getBytes(StandardCharsets.UTF_8));
    }

    private record Query(long sinceId, int limit) {
        static Query parse(String raw) {
            Long sinceId = null;
            Integer limit = null;
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                try {
                    if (pair.startsWith("sinceId=")) {
                        sinceId = Long.parseLong(pair.substring(8));
                    } else if (pair.startsWith("limit=")) {
                        limit = Integer.parseInt(pair.substring(6));
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return sinceId == null || limit == null || sinceId < 0 || limit < 1 ? null : new Query(sinceId, limit);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void pause() {
        try {
            Thread.sleep(settings.slowAnswer().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
