package org.iwddm.feed;

/** Receives each event of a page as one compact JSON line, as soon as it is parsed. */
@FunctionalInterface
public interface EventSink {
    void accept(String eventJson);
}
