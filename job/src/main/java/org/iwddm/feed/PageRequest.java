package org.iwddm.feed;

import java.net.URI;

/** One GET of the feed: {@code {restUrl}/tasks/events?sinceId=&limit=}. */
public record PageRequest(URI uri, long sinceId, int limit) {

    public static PageRequest of(URI restUrl, long sinceId, int limit) {
        String base = restUrl.toString().replaceAll("/+$", "");
        return new PageRequest(URI.create(base + "/tasks/events?sinceId=" + sinceId + "&limit=" + limit), sinceId, limit);
    }
}
