package org.iwddm.config;

import java.net.URI;
import java.util.Optional;

/**
 * An HTTP(S) proxy for the feed. Credentials from the URL's user-info are kept apart from the
 * address, so the address can be logged and the password cannot.
 */
public record ProxySettings(String scheme, String host, int port, Optional<String> user, Optional<Secret> password) {

    public URI address() {
        return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : ""));
    }

    @Override
    public String toString() {
        return address() + user.map(u -> " (user " + u + ", password " + Secret.MASK + ")").orElse("");
    }
}
