package org.iwddm.feed;

import java.io.IOException;
import java.io.Reader;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Streams one feed page ({@code {"data": [...], "lastId": n, "hasMore": b}}) into an
 * {@link EventSink}: each element of data is handed on as the exact text IWD sent (so
 * rejected_event.raw is the original), and memory holds one event, never the page. Text that is
 * not JSON and contract violations refuse the page; an IOException from the body is a transport
 * failure and propagates as such. Valid JSON is never refused for what an event holds (lone
 * surrogate escapes, any depth, repeated keys): the database judges each event.
 */
public final class PageReader {
    /** An id the database reads the same way: a plain JSON integer, non-negative, no sign, fraction or exponent. */
    private static final Pattern PLAIN_ID = Pattern.compile("0|[1-9][0-9]{0,18}");

    private final PageRequest request;
    private final PageChecks checks;
    private Long lastId;
    private Boolean hasMore;
    private boolean sawData;

    private PageReader(PageRequest request) {
        this.request = request;
        this.checks = new PageChecks(request);
    }

    public static PageSummary read(Reader body, PageRequest request, EventSink sink)
            throws IOException, PageRefusedException {
        return new PageReader(request).readPage(body, sink);
    }

    private PageSummary readPage(Reader body, EventSink sink) throws IOException, PageRefusedException {
        JsonScanner json = new JsonScanner(body);
        try {
            readObject(json, sink);
            if (json.peek() != -1) {
                throw checks.refused("content after the JSON object");
            }
        } catch (JsonScanner.NotJson e) {
            throw new PageRefusedException(request, "body is not the feed's JSON: " + e.getMessage(), e);
        }
        if (!sawData) {
            throw checks.refused("body has no data array");
        }
        return checks.summary(lastId, hasMore);
    }

    private void readObject(JsonScanner json, EventSink sink)
            throws IOException, PageRefusedException, JsonScanner.NotJson {
        json.expect('{');
        if (json.consumeIf('}')) {
            return;
        }
        do {
            if (json.peek() != '"') {
                throw json.unexpected(json.peek(), "a member name");
            }
            String name = json.string();
            json.expect(':');
            switch (name) {
                case "data" -> readData(json, sink);
                case "lastId" -> lastId = readLong(json, "lastId");
                case "hasMore" -> hasMore = readBoolean(json);
                default -> json.skipValue();
            }
        } while (json.consumeIf(','));
        json.expect('}');
    }

    private void readData(JsonScanner json, EventSink sink)
            throws IOException, PageRefusedException, JsonScanner.NotJson {
        if (sawData) {
            throw checks.refused("data appears twice");
        }
        sawData = true;
        if (json.peek() != '[') {
            throw json.unexpected(json.peek(), "the data array");
        }
        json.expect('[');
        if (json.consumeIf(']')) {
            return;
        }
        JsonScanner.Members[] members = new JsonScanner.Members[1];
        do {
            String event = json.copyValue(members);
            checks.event(idOf(members[0]));
            sink.accept(event);
        } while (json.consumeIf(','));
        json.expect(']');
    }

    private static Boolean readBoolean(JsonScanner json) throws IOException, JsonScanner.NotJson {
        int c = json.peek();
        if (c != 't' && c != 'f') {
            throw new JsonScanner.NotJson("hasMore is not a boolean");
        }
        return json.bool();
    }

    private long readLong(JsonScanner json, String name) throws IOException, PageRefusedException, JsonScanner.NotJson {
        int c = json.peek();
        if (c != '-' && (c < '0' || c > '9')) {
            json.skipValue();
            throw checks.refused(name + " is not a number");
        }
        String text = json.number();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw checks.refused(name + " '" + text + "' is not an integer");
        }
    }

    /**
     * The event's id as the database reads it: one "id" member holding a plain integer. Anything
     * else (no id, two ids, 1.5e2, -0, "12") leaves the event out of the order check, for the
     * database to reject as bad.
     */
    static OptionalLong idOf(JsonScanner.Members members) {
        if (!members.object() || members.idCount() != 1 || !PLAIN_ID.matcher(members.idText()).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(members.idText()));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}
