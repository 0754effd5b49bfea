package org.iwddm.sim;

/** The ways a generated event is bad (FEED.md "Bad input"); one event may combine several. */
public enum BadEventKind {
    /** No "id" at all. */
    ID_MISSING,
    /** "id" is a string. */
    ID_NOT_INTEGER,
    /** No "taskId". */
    TASK_ID_MISSING,
    /** "taskId" is "". */
    TASK_ID_EMPTY,
    /** "taskId" has 65 characters. */
    TASK_ID_TOO_LONG,
    /** No "eventType". */
    EVENT_TYPE_MISSING,
    /** "timestamp" is not a real date-time. */
    TIMESTAMP_UNPARSABLE,
    /** "timestamp" has no offset. */
    TIMESTAMP_WITHOUT_OFFSET,
    /** "timestamp" lies outside [1970-01-01, 2100-01-01). */
    TIMESTAMP_OUT_OF_RANGE,
    /** "task.dueDateTime" is not a date-time. */
    TASK_DATE_UNPARSABLE,
    /** "status" is not one of the lowercase statuses (e.g. "Completed"). */
    STATUS_UNKNOWN,
    /** No "status". */
    STATUS_MISSING,
    /** No "task". */
    TASK_MISSING,
    /** No "task.tenant". */
    TENANT_MISSING,
    /** No "task.solution". */
    SOLUTION_MISSING,
    /** "task.category" without "path". */
    CATEGORY_PATH_MISSING,
    /** "task.category.path" has 11 levels. */
    CATEGORY_PATH_TOO_DEEP,
    /** "task.category.path" is empty. */
    CATEGORY_PATH_EMPTY,
    /** "task.priority" is a string. */
    PRIORITY_NOT_INTEGER,
    /** "agent" without "employeeId". */
    AGENT_WITHOUT_EMPLOYEE_ID,
    /** A string holds a NUL character (written as the JSON escape \u0000). */
    NUL_CHARACTER,
    /** The line is JSON, but an array rather than an object. */
    NOT_AN_OBJECT
}
