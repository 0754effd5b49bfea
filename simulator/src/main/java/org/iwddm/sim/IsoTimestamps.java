package org.iwddm.sim;

import java.time.LocalDate;

/**
 * Formats epoch milliseconds as ISO-8601 with millisecond fraction and offset, e.g.
 * 2026-11-20T12:14:58.123+02:00. Hand-rolled (with the date part of the last day cached, as
 * events come roughly in time order) because DateTimeFormatter dominated the generator's cost.
 * The cache is shared, so reading it is synchronized (uncontended: generators are single-threaded).
 */
final class IsoTimestamps {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static long cachedDay = Long.MIN_VALUE;
    private static char[] cachedDate;

    private IsoTimestamps() {
    }

    /** With offset: Z for 0 minutes, else +hh:mm / -hh:mm. */
    static String format(long epochMillis, int offsetMinutes) {
        char[] out = new char[offsetMinutes == 0 ? 24 : 29];
        writeLocal(out, epochMillis + offsetMinutes * 60_000L);
        if (offsetMinutes == 0) {
            out[23] = 'Z';
        } else {
            int magnitude = Math.abs(offsetMinutes);
            out[23] = offsetMinutes < 0 ? '-' : '+';
            digits(out, 24, magnitude / 60, 2);
            out[26] = ':';
            digits(out, 27, magnitude % 60, 2);
        }
        return new String(out);
    }

    /** The local date-time of the offset without the offset itself (a bad timestamp). */
    static String formatWithoutOffset(long epochMillis, int offsetMinutes) {
        char[] out = new char[23];
        writeLocal(out, epochMillis + offsetMinutes * 60_000L);
        return new String(out);
    }

    /** yyyy-MM-ddTHH:mm:ss.SSS into out[0..23). */
    private static void writeLocal(char[] out, long localMillis) {
        System.arraycopy(date(Math.floorDiv(localMillis, MILLIS_PER_DAY)), 0, out, 0, 11);
        int millisOfDay = (int) Math.floorMod(localMillis, MILLIS_PER_DAY);
        digits(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        digits(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        digits(out, 17, millisOfDay / 1000 % 60, 2);
        out[19] = '.';
        digits(out, 20, millisOfDay % 1000, 3);
    }

    /** yyyy-MM-ddT of the epoch day. */
    private static synchronized char[] date(long epochDay) {
        if (epochDay != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            char[] text = new char[11];
            digits(text, 0, date.getYear(), 4);
            text[4] = '-';
            digits(text, 5, date.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, date.getDayOfMonth(), 2);
            text[10] = 'T';
            cachedDate = text;
            cachedDay = epochDay;
        }
        return cachedDate;
    }

    /** The value's last {@code width} decimal digits, zero-padded, at out[at..at+width). */
    private static void digits(char[] out, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
