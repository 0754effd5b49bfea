package org.iwddm.feed;

/** 401/403: the key or tenant is wrong; retrying cannot help (FEED.md "Transport"). */
public final class FatalFeedException extends FeedException {
    private static final long serialVersionUID = 1L;

    public FatalFeedException(String message) {
        super(message);
    }
}
