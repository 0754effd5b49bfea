package org.iwddm.wfm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP transport of the WFM push: HTTP/1.1, bounded timeouts, no redirects (a redirect
 * would carry the bearer token or client secret wherever it points). Turns transport failures
 * into {@link WfmException} and restores the interrupt flag when interrupted.
 */
final class WfmHttp {
    private final HttpClient client;
    private final Duration timeout;

    WfmHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "iwddm");
    }

    HttpResponse<String> send(HttpRequest request, String what) throws WfmException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WfmException(what + " " + request.uri() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WfmException(what + " interrupted", e);
        }
    }

    static boolean isSuccess(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }
}
