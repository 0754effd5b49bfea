package org.iwddm.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.iwddm.config.FeedSettings;

/**
 * The IWD feed client (FEED.md): one attempt at one page per {@link #open} call. Classifies
 * failures so the caller can retry whole pages: {@link TransientFeedException} for 429, 5xx and
 * transport errors, {@link FatalFeedException} for 401/403, {@link PageRefusedException} for
 * anything else that breaks the contract.
 */
public final class FeedClient implements AutoCloseable {
    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final FeedSettings settings;
    private final CloseableHttpClient http;

    public FeedClient(FeedSettings settings, FeedTuning tuning) {
        this.settings = settings;
        this.http = FeedHttpClient.create(settings, tuning);
    }

    /** GETs the page after {@code sinceId}; the returned page has status 200 and an unread body. */
    public FeedPage open(long sinceId, int limit) throws FeedException {
        return open(sinceId, limit, new Abort());
    }

    /** As {@link #open(long, int)}, abortable from another thread through {@code abort}. */
    public FeedPage open(long sinceId, int limit, Abort abort) throws FeedException {
        PageRequest request = PageRequest.of(settings.restUrl(), sinceId, limit);
        ClassicHttpResponse response = execute(request, abort);
        try {
            checkStatus(request, response);
            return new FeedPage(request, response);
        } catch (FeedException | RuntimeException e) {
            closeQuietly(response);
            throw e;
        }
    }

    private ClassicHttpResponse execute(PageRequest request, Abort abort) throws FeedException {
        HttpGet get = new HttpGet(request.uri());
        abort.attach(get);
        get.addHeader("x-api-key", settings.apiKey().reveal());
        get.addHeader("x-ccid", settings.ccid());
        get.addHeader(HttpHeaders.ACCEPT, "application/json");
        try {
            return http.executeOpen(null, get, null);
        } catch (SSLHandshakeException e) {
            throw new PageRefusedException(request, "TLS handshake failed: " + e.getMessage(), e);
        } catch (ClientProtocolException e) {
            // The request itself is wrong (URL, protocol): asking again cannot help.
            throw new PageRefusedException(request, "the request cannot be made: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransientFeedException("GET " + request.uri() + " (sinceId " + request.sinceId()
                    + ") failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    private static void checkStatus(PageRequest request, ClassicHttpResponse response) throws FeedException {
        int status = response.getCode();
        if (status == 200) {
            return;
        }
        String what = "HTTP " + status + errorBody(response);
        if (status == 401 || status == 403) {
            throw new FatalFeedException("IWD refused the request: GET " + request.uri() + " (sinceId "
                    + request.sinceId() + "): " + what + "; check IWDDM_API_KEY and IWDDM_CCID");
        }
        if (status == 429 || status >= 500 && status <= 599) {
            throw new TransientFeedException("GET " + request.uri() + " (sinceId " + request.sinceId() + "): " + what,
                    retryAfter(response), null);
        }
        throw new PageRefusedException(request, "unexpected " + what);
    }

    /** The start of an error body helps operators (IWD explains its errors); never more. */
    private static String errorBody(ClassicHttpResponse response) {
        if (response.getEntity() == null) {
            return "";
        }
        try (InputStream body = response.getEntity().getContent()) {
            String text = new String(body.readNBytes(MAX_ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text.replaceAll("\\s+", " ") + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            Instant when = DateUtils.parseStandardDate(value);
            return when == null ? Optional.empty()
                    : Optional.of(Duration.between(Instant.now(), when)).filter(d -> !d.isNegative());
        }
    }

    static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // Closing discards the connection; nothing left to clean up.
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
