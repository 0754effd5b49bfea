package org.iwddm.feed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;

/** A page whose status was 200 and whose body has not been read yet. Close it in every case. */
public final class FeedPage implements AutoCloseable {
    private final PageRequest request;
    private final ClassicHttpResponse response;

    FeedPage(PageRequest request, ClassicHttpResponse response) {
        this.request = request;
        this.response = response;
    }

    public PageRequest request() {
        return request;
    }

    /** Streams the events into the sink and checks the page; transport failures are transient. */
    public PageSummary streamTo(EventSink sink) throws FeedException {
        if (response.getEntity() == null) {
            throw new PageRefusedException(request, "response has no body");
        }
        try (Reader body = new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8)) {
            return PageReader.read(body, request, sink);
        } catch (IOException e) {
            throw new TransientFeedException("reading GET " + request.uri() + " (sinceId " + request.sinceId()
                    + ") failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty(), e);
        }
    }

    @Override
    public void close() {
        // Discards the connection when the body was not read to the end (an error mid-page).
        FeedClient.closeQuietly(response);
    }
}
