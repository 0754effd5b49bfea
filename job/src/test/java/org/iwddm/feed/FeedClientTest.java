package org.iwddm.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.ProxySettings;
import org.iwddm.config.Secret;
import org.junit.jupiter.api.Test;

/** The feed client against a fake IWD on loopback: headers, status classes, timeouts, proxy. */
class FeedClientTest {
    private static final FeedTuning SHORT = new FeedTuning(Duration.ofSeconds(2), Duration.ofMillis(500), 3,
            Duration.ofMillis(10), Duration.ofMillis(50));

    private static FeedSettings settings(URI restUrl, String apiKey) {
        return new FeedSettings(restUrl, Secret.of(apiKey), FakeIwd.CCID, 100, Optional.empty(), Optional.empty());
    }

    private static List<String> read(FeedClient client, long sinceId) throws FeedException {
        List<String> lines = new ArrayList<>();
        try (FeedPage page = client.open(sinceId, 100)) {
            page.streamTo(lines::add);
        }
        return lines;
    }

    @Test
    void readsAPageWithTheKeyTenantAndAccept() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            assertEquals(6, read(client, 2).size());

            FakeIwd.Request request = iwd.requests().get(0);
            assertEquals("sinceId=2&limit=100", request.query());
            assertEquals(FakeIwd.API_KEY, request.header("x-api-key"));
            assertEquals(FakeIwd.CCID, request.header("x-ccid"));
            assertEquals("application/json", request.header("Accept"));
            assertEquals("gzip, x-gzip, deflate", request.header("Accept-Encoding"),
                    "only the common codings are offered, not every one commons-compress could decode");
        }
    }

    @Test
    void aRefusedKeyIsFatalAndSaysWhatToCheck() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), "wrong-key"), SHORT)) {
            FatalFeedException error = assertThrows(FatalFeedException.class, () -> client.open(0, 100));

            assertEquals("IWD refused the request: GET " + iwd.restUrl() + "/tasks/events?sinceId=0&limit=100 (sinceId 0):"
                    + " HTTP 401 ({\"error\":\"unauthorized\"}); check IWDDM_API_KEY and IWDDM_CCID", error.getMessage());
        }
    }

    @Test
    void forbiddenIsFatalToo() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            iwd.failNext(new FakeIwd.Failure(403, null, null));

            assertThrows(FatalFeedException.class, () -> client.open(0, 100));
        }
    }

    @Test
    void serverErrorsAndThrottlingAreTransientWithTheirRetryAfter() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            iwd.failNext(new FakeIwd.Failure(503, null, "down"), new FakeIwd.Failure(429, "7", null),
                    new FakeIwd.Failure(429, "Wed, 21 Oct 2015 07:28:00 GMT", null));

            TransientFeedException unavailable = assertThrows(TransientFeedException.class, () -> client.open(0, 100));
            TransientFeedException throttled = assertThrows(TransientFeedException.class, () -> client.open(0, 100));
            TransientFeedException pastDate = assertThrows(TransientFeedException.class, () -> client.open(0, 100));

            assertTrue(unavailable.getMessage().endsWith("(sinceId 0): HTTP 503 (down)"), unavailable.getMessage());
            assertEquals(Optional.empty(), unavailable.retryAfter());
            assertEquals(Optional.of(Duration.ofSeconds(7)), throttled.retryAfter());
            assertEquals(Optional.empty(), pastDate.retryAfter(), "a date in the past asks for no wait");
        }
    }

    @Test
    void anyOtherStatusRefusesThePage() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            iwd.failNext(new FakeIwd.Failure(404, null, null), new FakeIwd.Failure(302, null, null));

            PageRefusedException notFound = assertThrows(PageRefusedException.class, () -> client.open(7, 100));
            PageRefusedException redirect = assertThrows(PageRefusedException.class, () -> client.open(7, 100));

            assertEquals("page refused: GET " + iwd.restUrl() + "/tasks/events?sinceId=7&limit=100 (sinceId 7):"
                    + " unexpected HTTP 404", notFound.getMessage());
            assertTrue(redirect.getMessage().endsWith("unexpected HTTP 302"), "redirects are not followed");
        }
    }

    @Test
    void aServerSlowerThanTheReadTimeoutIsTransient() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            iwd.delayHeaders(Duration.ofMillis(1500));

            TransientFeedException error = assertThrows(TransientFeedException.class, () -> client.open(0, 100));

            assertInstanceOf(SocketTimeoutException.class, error.getCause(), error.getMessage());
        }
    }

    @Test
    void aBodyThatStallsMidPageIsTransient() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(5));
             FeedClient client = new FeedClient(settings(iwd.restUrl(), FakeIwd.API_KEY), SHORT)) {
            iwd.stallPage(0, 7);
            List<String> lines = new ArrayList<>();

            try (FeedPage page = client.open(0, 100)) {
                TransientFeedException error = assertThrows(TransientFeedException.class, () -> page.streamTo(lines::add));
                assertTrue(error.getMessage().startsWith("reading GET "), error.getMessage());
            }
            assertEquals(7, lines.size(), "the events before the stall were passed on (and will be rolled back)");
        }
    }

    @Test
    void anUnreachableServerIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FeedClient client = new FeedClient(settings(URI.create("http://127.0.0.1:" + closedPort + "/iwd/v3"), "k"),
                SHORT)) {
            assertThrows(TransientFeedException.class, () -> client.open(0, 100));
        }
    }

    @Test
    void readsThroughTheHttpProxyWithItsCredentials() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             ForwardingProxy proxy = new ForwardingProxy("proxy-user", "proxy-pass-1")) {
            ProxySettings viaProxy = new ProxySettings("http", "127.0.0.1", proxy.port(), Optional.of("proxy-user"),
                    Optional.of(Secret.of("proxy-pass-1")));
            FeedSettings settings = new FeedSettings(iwd.restUrl(), Secret.of(FakeIwd.API_KEY), FakeIwd.CCID, 100,
                    Optional.of(viaProxy), Optional.empty());

            try (FeedClient client = new FeedClient(settings, SHORT)) {
                assertEquals(4, read(client, 0).size());
            }

            assertEquals(List.of("GET " + iwd.restUrl() + "/tasks/events?sinceId=0&limit=100 HTTP/1.1"), proxy.forwarded());
            assertEquals(1, proxy.challenges(), "the proxy asked for credentials once, and got them");
            assertEquals(1, iwd.requests().size());
        }
    }

    @Test
    void anHttpsProxyIsNotUsedForHttpTargets() throws Exception {
        try (FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(1));
             ForwardingProxy proxy = new ForwardingProxy("u", "p")) {
            ProxySettings viaProxy = new ProxySettings("http", "127.0.0.1", proxy.port(), Optional.empty(), Optional.empty());
            FeedSettings settings = new FeedSettings(iwd.restUrl(), Secret.of(FakeIwd.API_KEY), FakeIwd.CCID, 100,
                    Optional.empty(), Optional.of(viaProxy));

            try (FeedClient client = new FeedClient(settings, SHORT)) {
                assertEquals(4, read(client, 0).size());
            }

            assertEquals(List.of(), proxy.forwarded());
        }
    }
}
