package org.iwddm.feed;

import java.util.OptionalLong;

/**
 * The page rules of FEED.md, applied while the page streams by: ids strictly increasing and
 * above sinceId, at most {@code limit} events, lastId and hasMore consistent with the data.
 * An event without a numeric id cannot be ordered; it is counted and left to the database to
 * quarantine. When such an event ends the page, lastId may not exceed the last numeric id
 * (refusing the page would stop the tenant's pipeline for good, which a bad event never may).
 */
final class PageChecks {
    private final PageRequest request;
    private int events;
    private long highestId;
    private boolean lastEventHasId = true;
    private long lastEventId;

    PageChecks(PageRequest request) {
        this.request = request;
        this.highestId = request.sinceId();
    }

    void event(OptionalLong id) throws PageRefusedException {
        events++;
        if (events > request.limit()) {
            throw refused("more than limit=" + request.limit() + " events");
        }
        lastEventHasId = id.isPresent();
        if (id.isEmpty()) {
            return;
        }
        long value = id.getAsLong();
        if (value <= highestId) {
            throw refused("event " + events + " has id " + value + ", not greater than "
                    + (highestId == request.sinceId() && events == 1 ? "sinceId " : "the previous id ") + highestId);
        }
        highestId = value;
        lastEventId = value;
    }

    PageSummary summary(Long lastId, Boolean hasMore) throws PageRefusedException {
        if (lastId == null || hasMore == null) {
            throw refused("body has no " + (lastId == null ? "lastId" : "hasMore"));
        }
        if (events == 0 && lastId != request.sinceId()) {
            throw refused("no events but lastId " + lastId + " is not sinceId");
        }
        if (events == 0 && hasMore) {
            throw refused("no events but hasMore is true");
        }
        if (events > 0 && lastEventHasId && lastId != lastEventId) {
            throw refused("lastId " + lastId + " is not the last event's id " + lastEventId);
        }
        if (events > 0 && !lastEventHasId && lastId < highestId) {
            throw refused("lastId " + lastId + " is below id " + highestId);
        }
        if (events > 0 && lastId == request.sinceId() && hasMore) {
            // Asking again from the same cursor would get the same page forever.
            throw refused("lastId " + lastId + " does not move past sinceId but hasMore is true");
        }
        return new PageSummary(request.sinceId(), events, lastId, hasMore);
    }

    PageRefusedException refused(String what) {
        return new PageRefusedException(request, what);
    }
}
