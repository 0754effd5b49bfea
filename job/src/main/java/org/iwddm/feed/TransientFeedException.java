package org.iwddm.feed;

import java.time.Duration;
import java.util.Optional;

/** 429, 5xx, connection reset, timeout: worth retrying after a pause (FEED.md "Transport"). */
public final class TransientFeedException extends FeedException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    public TransientFeedException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
