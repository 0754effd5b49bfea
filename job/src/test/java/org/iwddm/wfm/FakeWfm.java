package org.iwddm.wfm;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake WFM and GAuth on loopback (JDK HttpServer), recording every request: GET /health
 * (answers {@link #healthStatus}), POST /wfm/api/v3 (the push; with GAuth on, only bearer
 * tokens it issued are accepted), POST /auth/v3/oauth/token (client credentials, basic auth).
 */
public final class FakeWfm implements AutoCloseable {
    public static final String CLIENT_ID = "iwddm_client";
    public static final String CLIENT_SECRET = "gauth-secret-5d1e";

    /** A request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> pushFailures = new ConcurrentLinkedQueue<>();
    private final List<String> issuedTokens = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokenCount = new AtomicInteger();
    private volatile int healthStatus = 200;
    private volatile long expiresIn = 3600;
    private volatile Duration pushDelay = Duration.ZERO;
    private volatile boolean requireToken;

    private FakeWfm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", this::health);
        server.createContext("/wfm/api/v3", this::push);
        server.createContext("/auth/v3/oauth/token", this::token);
        server.start();
    }

    public static FakeWfm start() throws IOException {
        return new FakeWfm();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI restUrl() {
        return base().resolve("/wfm/api/v3");
    }

    public URI healthUrl() {
        return base().resolve("/health");
    }

    public void healthStatus(int status) {
        healthStatus = status;
    }

    /** Tokens issued from now on say they expire after this many seconds. */
    public void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    public void pushDelay(Duration delay) {
        pushDelay = delay;
    }

    /** Pushes must carry a bearer token this server issued (GAuth on). */
    public void requireToken() {
        requireToken = true;
    }

    /** The next pushes get these statuses, one each, before normal service resumes. */
    public void failNextPushes(Integer... statuses) {
        pushFailures.addAll(List.of(statuses));
    }

    public List<Request> requests(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    public List<Request> pushes() {
        return requests("/wfm/api/v3");
    }

    public List<Request> tokenRequests() {
        return requests("/auth/v3/oauth/token");
    }

    private Request record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        return request;
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            record(exchange);
            send(exchange, healthStatus, "{}");
        }
    }

    private void push(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = record(exchange);
            sleep(pushDelay);
            Integer failure = pushFailures.poll();
            if (failure != null) {
                send(exchange, failure, "{\"error\":\"scripted\"}");
            } else if (requireToken && !issuedTokens.contains(bearer(request))) {
                send(exchange, 401, "{\"error\":\"invalid token\"}");
            } else {
                send(exchange, 200, "{\"status\":\"accepted\"}");
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = record(exchange);
            String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(request.header("Authorization"))
                    || !"grant_type=client_credentials".equals(request.body())) {
                send(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "token-" + tokenCount.incrementAndGet();
            issuedTokens.add(token);
            JsonObject body = new JsonObject();
            body.addProperty("access_token", token);
            body.addProperty("token_type", "bearer");
            body.addProperty("expires_in", expiresIn);
            send(exchange, 200, body.toString());
        }
    }

    private static String bearer(Request request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
