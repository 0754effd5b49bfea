package org.iwddm.feed;

/** The feed could not deliver a usable page. Messages name the URL and the sinceId (FEED.md). */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
