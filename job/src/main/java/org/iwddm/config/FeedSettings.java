package org.iwddm.config;

import java.net.URI;
import java.util.Optional;

/** The IWD task-event feed (FEED.md): where it is, how to authenticate, page size, proxies. */
public record FeedSettings(URI restUrl, Secret apiKey, String ccid, int batchSize,
                           Optional<ProxySettings> httpProxy, Optional<ProxySettings> httpsProxy) {

    /** The proxy for a target scheme: http targets use the HTTP proxy, https targets the HTTPS one. */
    public Optional<ProxySettings> proxyFor(String targetScheme) {
        return "https".equalsIgnoreCase(targetScheme) ? httpsProxy : httpProxy;
    }
}
