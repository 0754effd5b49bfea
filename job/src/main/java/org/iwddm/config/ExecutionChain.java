package org.iwddm.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The execution chains of SPEC §1; the lowercase name is what users write and metrics show. */
public enum ExecutionChain {
    INITIALIZE(false),
    INTRADAY(true),
    HISTORICAL(false),
    FULL(true);

    private final boolean readsFeed;

    ExecutionChain(boolean readsFeed) {
        this.readsFeed = readsFeed;
    }

    public boolean readsFeed() {
        return readsFeed;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExecutionChain> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.label().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(ExecutionChain::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
