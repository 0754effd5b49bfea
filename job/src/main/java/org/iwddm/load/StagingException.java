package org.iwddm.load;

/**
 * Writing to the staging COPY failed (a database problem, not a feed one). Unchecked so it can
 * leave an {@link org.iwddm.feed.EventSink} and is never mistaken for a feed I/O error.
 */
public final class StagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
