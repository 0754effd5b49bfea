package org.iwddm.feed;

import java.io.Reader;
import java.net.URI;

/**
 * Reads one huge feed page, produced on the fly, with a heap far smaller than the page: run by
 * {@link PageStreamingTest} in a JVM with -Xmx16m. If the reader held the page (or the events
 * it passed on) in memory, this would die of OutOfMemoryError.
 */
public final class StreamingMemoryCheck {
    private StreamingMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        long[] bytes = {0};
        PageSummary summary = PageReader.read(new GeneratedPage(events), PageRequest.of(URI.create("http://x/iwd/v3"), 0,
                events), line -> bytes[0] += line.length());
        System.out.println(summary.events() + " " + summary.lastId() + " " + bytes[0]);
    }

    /** {"data":[event 1, ..., event n],"lastId":n,"hasMore":false}, generated as it is read. */
    private static final class GeneratedPage extends Reader {
        private final int events;
        private int next = 0;
        private String chunk = "{\"data\":[";
        private int position;

        GeneratedPage(int events) {
            this.events = events;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == chunk.length() && !advance()) {
                return -1;
            }
            int count = Math.min(length, chunk.length() - position);
            chunk.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        private boolean advance() {
            if (next > events) {
                return false;
            }
            next++;
            chunk = next <= events ? (next == 1 ? "" : ",") + TestEvents.event(next, "T" + next / 4, "queued", TestEvents.START)
                    : "],\"lastId\":" + events + ",\"hasMore\":false}";
            position = 0;
            return true;
        }

        @Override
        public void close() {
        }
    }
}
