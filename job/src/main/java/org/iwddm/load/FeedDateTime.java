package org.iwddm.load;

import java.time.YearMonth;
import java.util.regex.Pattern;
import org.iwddm.load.StrictJson.Unvouched;

/**
 * The date-times the driver vouches for: iwddm.event_surely_good's shape (ISO-8601 with an
 * offset of at most 15 hours, at most 35 characters), a day the month really has, and a year in a
 * range well inside what both the database's check and timestamptz accept. A 02-30 that passed
 * here would make the typed COPY itself fail, so anything doubtful is left to the database.
 */
final class FeedDateTime {
    static final int MAX_CHARS = 35;
    /** The event's own time: event_problems wants 1970-2099 after the offset; a year's margin each side. */
    static final int EVENT_FIRST_YEAR = 1971;
    static final int EVENT_LAST_YEAR = 2098;
    /** The task's date-times: the full check accepts years 1-9999; the driver only vouches for these. */
    static final int TASK_FIRST_YEAR = 1900;
    static final int TASK_LAST_YEAR = 2200;
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"
            + "T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-](0\\d|1[0-5])(:?[0-5]\\d)?)");

    private FeedDateTime() {
    }

    /** The text itself when it is such a date-time with a year in [firstYear, lastYear]. */
    static String check(String text, int firstYear, int lastYear) throws Unvouched {
        if (text.length() > MAX_CHARS || !SHAPE.matcher(text).matches()) {
            throw new Unvouched("a date-time not in FEED.md's shape");
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = Integer.parseInt(text, 5, 7, 10);
        int day = Integer.parseInt(text, 8, 10, 10);
        if (year < firstYear || year > lastYear || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new Unvouched("a date-time outside the years vouched for, or a day the month lacks");
        }
        return text;
    }
}
