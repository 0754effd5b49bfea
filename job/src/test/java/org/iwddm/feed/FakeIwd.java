package org.iwddm.feed;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake IWD on loopback (JDK HttpServer) serving {@code GET /iwd/v3/tasks/events} exactly as
 * FEED.md describes, from a list of event lines in feed order, plus scripted misbehaviour:
 * failing statuses, replaced page bodies, slow answers, and a stall in the middle of a body
 * (to kill a job deterministically mid-page).
 */
public final class FakeIwd implements AutoCloseable {
    public static final String API_KEY = "fake-iwd-key-8e2f1c";
    public static final String CCID = "ccid-fake-0001";

    /** A request as the server saw it. */
    public record Request(String query, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer to the next request: status, headers, body. */
    public record Failure(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile List<Event> events = List.of();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<Long, String> replacedBodies = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch releaseStalls = new CountDownLatch(1);
    private volatile Stall stall;
    private volatile Duration headerDelay = Duration.ZERO;
    private volatile boolean echoKeyOnRefusal;

    private record Event(OptionalLong id, String line) {
    }

    private record Stall(long sinceId, int afterEvents, CountDownLatch reached) {
    }

    private FakeIwd() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/iwd/v3/tasks/events", this::handle);
        server.start();
    }

    public static FakeIwd start(List<String> eventLines) throws IOException {
        FakeIwd iwd = new FakeIwd();
        iwd.setEvents(eventLines);
        return iwd;
    }

    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iwd/v3");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Replaces the feed's content (e.g. to add events that arrived later). Lines in feed order. */
    public void setEvents(List<String> eventLines) {
        List<Event> parsed = new ArrayList<>();
        for (String line : eventLines) {
            parsed.add(new Event(idOf(line), line));
        }
        events = List.copyOf(parsed);
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

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()));
            requests.add(request);
            pause(headerDelay);
            if (!API_KEY.equals(request.header("x-api-key")) || !CCID.equals(request.header("x-ccid"))) {
                String key = String.valueOf(request.header("x-api-key"));
                send(exchange, 401, null, echoKeyOnRefusal ? "{\"error\":\"unknown key " + key + "\"}" : "{\"error\":\"unauthorized\"}");
                return;
            }
            Failure failure = failures.poll();
            if (failure != null) {
                send(exchange, failure.status(), failure.retryAfter(), failure.body());
                return;
            }
            servePage(exchange, query(request.query(), "sinceId"), (int) query(request.query(), "limit"));
        } catch (IOException e) {
            // The client went away (killed job, timeout): nothing to answer.
        }
    }

    private void servePage(HttpExchange exchange, long sinceId, int limit) throws IOException {
        String replaced = replacedBodies.get(sinceId);
        if (replaced != null) {
            send(exchange, 200, null, replaced);
            return;
        }
        List<Event> page = new ArrayList<>();
        boolean hasMore = false;
        long previousId = 0;
        for (Event event : events) {
            // An event without a numeric id sits after the numeric id before it: served from that
            // cursor on, so it comes again after a page that ended right before it.
            boolean wanted = event.id().isPresent() ? event.id().getAsLong() > sinceId : previousId >= sinceId;
            previousId = event.id().orElse(previousId);
            if (wanted && page.size() == limit) {
                hasMore = true;
                break;
            }
            if (wanted) {
                page.add(event);
            }
        }
        streamPage(exchange, sinceId, page, hasMore);
    }

    private void streamPage(HttpExchange exchange, long sinceId, List<Event> page, boolean hasMore) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        Stall armed = stall;
        OutputStream body = exchange.getResponseBody();
        body.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
        long lastId = sinceId;
        for (int i = 0; i < page.size(); i++) {
            if (armed != null && armed.sinceId() == sinceId && i == armed.afterEvents()) {
                stall = null;
                body.flush();
                armed.reached().countDown();
                awaitRelease();
                return;
            }
            body.write(((i == 0 ? "" : ",") + page.get(i).line()).getBytes(StandardCharsets.UTF_8));
            lastId = page.get(i).id().orElse(lastId);
        }
        body.write(("],\"lastId\":" + lastId + ",\"hasMore\":" + hasMore + "}").getBytes(StandardCharsets.UTF_8));
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

    private void awaitRelease() {
        try {
            releaseStalls.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long query(String query, String name) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Long.parseLong(pair.substring(name.length() + 1));
            }
        }
        throw new UncheckedIOException(new IOException("request without " + name + ": " + query));
    }

    /** The cursor after serving these lines from the start: their last numeric id. */
    public static long lastIdOf(List<String> lines) {
        long last = 0;
        for (String line : lines) {
            last = idOf(line).orElse(last);
        }
        return last;
    }

    private static OptionalLong idOf(String line) {
        try {
            var element = JsonParser.parseString(line);
            return OptionalLong.of(element.getAsJsonObject().get("id").getAsLong());
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        releaseStalls.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
