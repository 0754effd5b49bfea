package org.iwddm.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.DeflateInputStreamFactory;
import org.apache.hc.client5.http.entity.GZIPInputStreamFactory;
import org.apache.hc.client5.http.entity.InputStreamFactory;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.ProxySettings;

/**
 * Builds the Apache HttpClient for the feed: connect and read timeouts, the HTTP proxy for http
 * targets and the HTTPS proxy for https targets (with credentials from the proxy URL), no
 * automatic retries (the caller retries whole pages) and no redirects (a redirect would carry
 * the API key to wherever it points). Compressed answers: gzip and deflate only.
 */
final class FeedHttpClient {
    private FeedHttpClient() {
    }

    static CloseableHttpClient create(FeedSettings settings, FeedTuning tuning) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(tuning.connectTimeout()))
                .setSocketTimeout(Timeout.of(tuning.readTimeout()))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection).setMaxConnTotal(2).setMaxConnPerRoute(2).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(tuning.readTimeout())).build())
                .setRoutePlanner(new SchemeProxyPlanner(settings))
                .setDefaultCredentialsProvider(proxyCredentials(settings))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setContentDecoderRegistry(decoders())
                .setUserAgent("iwddm")
                .build();
    }

    /**
     * With commons-compress on the class path (the demo's embedded PostgreSQL brings it),
     * HttpClient would offer IWD nine codings (xz, lzma, bzip2, pack200...), each a decoder to
     * load and a parser exposed to the feed. gzip and deflate are what HTTP servers send.
     */
    private static LinkedHashMap<String, InputStreamFactory> decoders() {
        LinkedHashMap<String, InputStreamFactory> decoders = new LinkedHashMap<>();
        decoders.put("gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("x-gzip", GZIPInputStreamFactory.getInstance());
        decoders.put("deflate", DeflateInputStreamFactory.getInstance());
        return decoders;
    }

    private static BasicCredentialsProvider proxyCredentials(FeedSettings settings) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        for (Optional<ProxySettings> proxy : List.of(settings.httpProxy(), settings.httpsProxy())) {
            proxy.filter(p -> p.user().isPresent()).ifPresent(p -> credentials.setCredentials(
                    new AuthScope(p.host(), port(p)),
                    new UsernamePasswordCredentials(p.user().get(),
                            p.password().map(s -> s.reveal().toCharArray()).orElse(new char[0]))));
        }
        return credentials;
    }

    /** The proxy's port, defaulting by scheme as URLs do. */
    private static int port(ProxySettings proxy) {
        return proxy.port() > 0 ? proxy.port() : "https".equals(proxy.scheme()) ? 443 : 80;
    }

    /** Chooses the proxy by the target's scheme, as HTTP_PROXY / HTTPS_PROXY conventionally do. */
    private static final class SchemeProxyPlanner extends DefaultRoutePlanner {
        private final FeedSettings settings;

        SchemeProxyPlanner(FeedSettings settings) {
            super(null);
            this.settings = settings;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            return settings.proxyFor(target.getSchemeName())
                    .map(p -> new HttpHost(p.scheme(), p.host(), port(p)))
                    .orElse(null);
        }
    }
}
