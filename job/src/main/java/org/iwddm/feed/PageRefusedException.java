package org.iwddm.feed;

/**
 * A page that breaks the feed contract (unexpected status, body not the documented JSON, ids out
 * of order): refused whole, nothing of it is committed.
 */
public final class PageRefusedException extends FeedException {
    private static final long serialVersionUID = 1L;

    public PageRefusedException(PageRequest request, String what) {
        super("page refused: GET " + request.uri() + " (sinceId " + request.sinceId() + "): " + what);
    }

    public PageRefusedException(PageRequest request, String what, Throwable cause) {
        super("page refused: GET " + request.uri() + " (sinceId " + request.sinceId() + "): " + what, cause);
    }
}
