package org.iwddm.log;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one log line, e.g. {@code Figures.of(Figure.EVENTS, 10000).with(Figure.SECONDS, 1.5)}. */
public final class Figures {
    public static final Figures NONE = new Figures();

    private final Map<Figure, String> values = new EnumMap<>(Figure.class);

    private Figures() {
    }

    public static Figures of(Figure figure, Object value) {
        return new Figures().with(figure, value);
    }

    public Figures with(Figure figure, Object value) {
        Figures copy = new Figures();
        copy.values.putAll(values);
        copy.values.put(figure, render(value));
        return copy;
    }

    Map<Figure, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Seconds with millisecond precision, in a locale-independent format. */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String render(Object value) {
        return value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue()) : String.valueOf(value);
    }
}
