package org.iwddm.log;

/** The figures a log line may carry, each its own JSON field, present only on lines that report it. */
public enum Figure {
    STEP("step"),
    EVENTS("events"),
    REJECTED("rejected"),
    DUPLICATES("duplicates"),
    SINCE_ID("since_id"),
    LAST_ID("last_id"),
    PENDING("pending"),
    /** true when pending counts only the one page probed and the feed has more beyond it. */
    PENDING_LOWER_BOUND("pending_lower_bound"),
    SECONDS("seconds"),
    EXIT_CODE("exit_code");

    private final String field;

    Figure(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
