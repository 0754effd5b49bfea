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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one IWD fake: a loopback HTTP server (JDK HttpServer) serving {@code GET /iwd/v3/tasks/events}
 * exactly as FEED.md describes, from a {@link FeedSource}: a {@link SimulatedFeed} (events appear as
 * a simulated clock passes their arrival: bin/iwddm simulate, the demo), a {@link FeedLines} list
 * (the tests) or the benchmark's file. Faults on demand: HTTP 500 every Nth request, slow answers,
 * scripted failing answers, replaced page bodies, slow headers, and a stall in the middle of a body
 * (to kill a job deterministically mid-page).
 */
public class IwdSimulator implements AutoCloseable {
    /** A request as the server saw it (kept only after {@link #recordRequests()}). */
    public record Request(String query, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer to the next request: status, Retry-After (or null), body (or null). */
    public record Failure(int status, String retryAfter, String body) {
    }

    private record Stall(long sinceId, int afterEvents, CountDownLatch reached) {
    }

    private final FeedSource source;
    private final String apiKey;
    private final String ccid;
    private final int failEvery;
    private final Duration slowAnswer;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicLong requestCount = new AtomicLong();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<Long, String> replacedBodies = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch releaseStalls = new CountDownLatch(1);
    private volatile boolean recordRequests;
    private volatile Stall stall;
    private volatile Duration headerDelay = Duration.ZERO;
    private volatile boolean echoKeyOnRefusal;

    /**
     * Serves the source on the port (0: any free one). Requests must carry the API key, and the
     * contact-center id unless it is null. Every failEvery-th request (0: none) gets HTTP 500.
     */
    protected IwdSimulator(FeedSource source, int port, String apiKey, String ccid, int failEvery, Duration slowAnswer)
            throws IOException {
        this.source = source;
        this.apiKey = apiKey;
        this.ccid = ccid;
        this.failEvery = failEvery;
        this.slowAnswer = slowAnswer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext(SimulatorSettings.BASE_PATH + "/tasks/events", this::handle);
        server.start();
    }

    /** A simulated IWD as the settings say; the clock gives the simulated now in epoch millis. */
    public static IwdSimulator start(SimulatorSettings settings, LongSupplier clockMillis) throws IOException {
        return new IwdSimulator(new SimulatedFeed(settings.feed(), clockMillis), settings.port(), settings.apiKey(), null,
                settings.failEvery(), settings.slowAnswer());
    }

    /** Serves a source on any free port, checking the API key and the contact-center id. */
    public static IwdSimulator serve(FeedSource source, String apiKey, String ccid) throws IOException {
        return new IwdSimulator(source, 0, apiKey, ccid, 0, Duration.ZERO);
    }

    /** The base URL to configure as IWDDM_REST_URL. */
    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + port() + SimulatorSettings.BASE_PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long requestCount() {
        return requestCount.get();
    }

    /** From now on every request is kept for {@link #requests()} (tests; a long-running server keeps none). */
    public void recordRequests() {
        recordRequests = true;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The next requests get these answers, one each, before normal service resumes. */
    public void failNext(Failure... scripted) {
        failures.addAll(List.of(scripted));
    }

    /** Every request for this sinceId gets this body (e.g. malformed JSON) until cleared. */
    public void replacePage(long sinceId, String body) {
        replacedBodies.put(sinceId, body);
    }

    public void clearReplacedPages() {
        replacedBodies.clear();
    }

    /**
     * The next answer for sinceId sends this many events, then hangs until {@link #close()} (once;
     * later answers are whole). Returns a latch that opens when the stall is reached.
     */
    public CountDownLatch stallPage(long sinceId, int afterEvents) {
        Stall armed = new Stall(sinceId, afterEvents, new CountDownLatch(1));
        stall = armed;
        return armed.reached();
    }

    /** Every answer waits this long before its headers (for read timeouts). */
    public void delayHeaders(Duration delay) {
        headerDelay = delay;
    }

    /** A 401 answer quotes the key it got, as careless servers do: the job must still not print it. */
    public void echoKeyOnRefusal() {
        echoKeyOnRefusal = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long number = requestCount.incrementAndGet();
            Request request = new Request(exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()));
            if (recordRequests) {
                requests.add(request);
            }
            pause(slowAnswer.plus(headerDelay));
            Failure failure;
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, null, "{\"error\":\"only GET\"}");
            } else if (!authorized(request)) {
                String key = String.valueOf(request.header("x-api-key"));
                send(exchange, 401, null, echoKeyOnRefusal ? "{\"error\":\"unknown key " + key + "\"}" : "{\"error\":\"unauthorized\"}");
            } else if ((failure = failures.poll()) != null) {
                send(exchange, failure.status(), failure.retryAfter(), failure.body());
            } else if (failEvery > 0 && number % failEvery == 0) {
                send(exchange, 500, null, "{\"error\":\"simulated failure\"}");
            } else {
                serve(exchange, Query.parse(request.query()));
            }
        } catch (IOException e) {
            // The client went away (timeout, killed job): nothing left to answer.
        }
    }

    private boolean authorized(Request request) {
        return matches(request.header("x-api-key"), apiKey) && (ccid == null || ccid.equals(request.header("x-ccid")));
    }

    /** Constant-time comparison, so the key cannot be guessed from answer times. */
    private static boolean matches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private void serve(HttpExchange exchange, Query query) throws IOException {
        if (query == null) {
            send(exchange, 400, null, "{\"error\":\"sinceId (>= 0) and limit (>= 1) are required integers\"}");
            return;
        }
        String replaced = replacedBodies.get(query.sinceId());
        if (replaced != null) {
            send(exchange, 200, null, replaced);
            return;
        }
        FeedSource.Page page = source.page(query.sinceId(), query.limit());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked: the page streams out
        OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
        body.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        Stall armed = stall;
        for (int i = 0; i < page.lines().size(); i++) {
            if (armed != null && armed.sinceId() == query.sinceId() && i == armed.afterEvents()) {
                stallHere(body, armed);
                return;
            }
            if (i > 0) {
                body.write(',');
            }
            body.write(page.lines().get(i).getBytes(StandardCharsets.UTF_8));
        }
        body.write(("],\"lastId\":" + page.lastId() + ",\"hasMore\":" + page.hasMore() + "}")
                .getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** Sends what the body has so far, then hangs until close(). */
    private void stallHere(OutputStream body, Stall armed) throws IOException {
        stall = null;
        body.flush();
        armed.reached().countDown();
        try {
            releaseStalls.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static void send(HttpExchange exchange, int status, String retryAfter, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseStalls.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
