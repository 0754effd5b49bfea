package org.iwddm.feed;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.OptionalLong;

/**
 * Streams one feed page ({@code {"data": [...], "lastId": n, "hasMore": b}}) into an
 * {@link EventSink}: each element of data is parsed alone, re-serialized compactly and handed
 * on, so memory holds one event, never the page. Malformed JSON and contract violations refuse
 * the page; an IOException from the body is a transport failure and propagates as such.
 */
public final class PageReader {
    /** Nulls kept and nothing HTML-escaped: the staged text says exactly what IWD sent. */
    private static final Gson COMPACT = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

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
        JsonReader json = new JsonReader(body);
        json.setStrictness(Strictness.STRICT);
        try {
            readObject(json, sink);
            // Lenient for this one look: strict mode would report a second value as merely "malformed".
            json.setStrictness(Strictness.LENIENT);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw checks.refused("content after the JSON object");
            }
        } catch (MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            // IllegalStateException: Gson's "Expected X but was Y" when the shape is wrong.
            throw new PageRefusedException(request, "body is not the feed's JSON: " + e.getMessage(), e);
        }
        if (!sawData) {
            throw checks.refused("body has no data array");
        }
        return checks.summary(lastId, hasMore);
    }

    private void readObject(JsonReader json, EventSink sink) throws IOException, PageRefusedException {
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            switch (name) {
                case "data" -> readData(json, sink);
                case "lastId" -> lastId = readLong(json, "lastId");
                case "hasMore" -> hasMore = json.nextBoolean();
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private void readData(JsonReader json, EventSink sink) throws IOException, PageRefusedException {
        if (sawData) {
            throw checks.refused("data appears twice");
        }
        sawData = true;
        json.beginArray();
        while (json.hasNext()) {
            JsonElement event = readEvent(json);
            checks.event(idOf(event));
            sink.accept(COMPACT.toJson(event));
        }
        json.endArray();
    }

    /** One element, parsed strictly; Gson's wrapping is undone so I/O failures stay IOExceptions. */
    private JsonElement readEvent(JsonReader json) throws IOException, PageRefusedException {
        try {
            return JsonParser.parseReader(json);
        } catch (JsonIOException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new PageRefusedException(request, "body is not the feed's JSON: " + e.getMessage(), e);
        }
    }

    private long readLong(JsonReader json, String name) throws IOException, PageRefusedException {
        if (json.peek() != JsonToken.NUMBER) {
            throw checks.refused(name + " is not a number");
        }
        String text = json.nextString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw checks.refused(name + " '" + text + "' is not an integer");
        }
    }

    /** The event's id when it is an integer number; anything else is for the database to reject. */
    static OptionalLong idOf(JsonElement event) {
        JsonElement id = event.isJsonObject() ? event.getAsJsonObject().get("id") : null;
        if (id == null || !id.isJsonPrimitive() || !((JsonPrimitive) id).isNumber()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(id.getAsString()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
