package org.iwddm.load;

import static org.iwddm.load.EventFields.customData;
import static org.iwddm.load.EventFields.eventId;
import static org.iwddm.load.EventFields.nonEmptyString;
import static org.iwddm.load.EventFields.object;
import static org.iwddm.load.EventFields.optionalDateTime;
import static org.iwddm.load.EventFields.optionalInteger;
import static org.iwddm.load.EventFields.optionalObject;
import static org.iwddm.load.EventFields.optionalString;
import static org.iwddm.load.EventFields.path;
import static org.iwddm.load.EventFields.reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.iwddm.load.StrictJson.JsonObject;
import org.iwddm.load.StrictJson.Unvouched;

/**
 * Decides, on the thread that reads the page, which events the driver vouches for (issue 14):
 * an event is typed only when the database's own check (iwddm.event_problems, problem_text) would
 * surely find nothing wrong with it and every typed value is what load_parse_staged would extract.
 * Sound, not complete: whatever is doubtful or unexpected is left to the database (null), which
 * checks it fully from its raw text. Stricter than the database where that is simpler (see
 * {@link StrictJson}, {@link FeedDateTime}). TypedStagingParityTest holds it to the database.
 * Immutable, so the page-reading threads of one loader share it.
 */
final class EventTyper {
    private final Set<String> statuses;

    /** knownStatuses: iwddm.status's names, read from the mart (never hard-coded). */
    EventTyper(Set<String> knownStatuses) {
        this.statuses = Set.copyOf(knownStatuses);
    }

    /** An EventTyper with the mart's statuses; once per loader (the list changes only with the schema). */
    static EventTyper of(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT status_name FROM iwddm.status WHERE status_name IS NOT NULL")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return new EventTyper(names);
    }

    /** The event typed, or null when the driver cannot vouch for it (the database then checks its text). */
    TypedEvent type(String json) {
        try {
            return typed(json);
        } catch (Unvouched e) {
            return null;
        }
    }

    private TypedEvent typed(String json) throws Unvouched {
        JsonObject event = object(StrictJson.parse(json));
        JsonObject task = object(event.get("task"));
        JsonObject agent = optionalObject(event.get("agent"));
        JsonObject tenant = reference(task.get("tenant"));
        JsonObject solution = reference(task.get("solution"));
        JsonObject capturePoint = task.get("capturePoint") == null ? null : reference(task.get("capturePoint"));
        JsonObject category = object(task.get("category"));
        return new TypedEvent(eventId(event), interactionId(event), nonEmptyString(event, "eventType"),
                FeedDateTime.check(EventFields.string(event, "timestamp"), FeedDateTime.EVENT_FIRST_YEAR,
                        FeedDateTime.EVENT_LAST_YEAR),
                status(event), optionalString(event, "queue"),
                agent == null ? null : nonEmptyString(agent, "employeeId"),
                agent == null ? null : optionalString(agent, "name"),
                tenant.get("id").toString(), optionalString(tenant, "name"),
                solution.get("id").toString(), optionalString(solution, "name"),
                optionalString(category, "id"), path(category),
                capturePoint == null ? null : capturePoint.get("id").toString(),
                capturePoint == null ? null : optionalString(capturePoint, "name"),
                optionalString(task, "mediaType"), optionalString(task, "channel"),
                optionalInteger(task, "priority"), optionalInteger(task, "businessValue"),
                optionalDateTime(task, "dueDateTime"), optionalDateTime(task, "createdDateTime"),
                optionalString(task, "captureId"), optionalString(task, "customerId"),
                optionalString(task, "customerSegment"), optionalString(task, "productType"),
                optionalString(task, "productSubtype"), optionalString(task, "requestedSkill"),
                optionalString(task, "resultCode"), optionalString(task, "sourceTenant"),
                optionalString(task, "sourceProcessType"), optionalString(task, "sourceProcessSubtype"),
                optionalString(task, "requestedAgent"), optionalDateTime(task, "activationDateTime"),
                optionalDateTime(task, "sourceCreatedDateTime"), optionalDateTime(task, "sourceFirstCreatedDateTime"),
                optionalDateTime(task, "expirationDateTime"), customData(json, task));
    }

    /** taskId: a string of 1 to 64 characters (code points, as char_length counts them). */
    private static String interactionId(JsonObject event) throws Unvouched {
        String taskId = nonEmptyString(event, "taskId");
        if (taskId.length() > 64 && taskId.codePointCount(0, taskId.length()) > 64) {
            throw new Unvouched("taskId has more than 64 characters");
        }
        return taskId;
    }

    private String status(JsonObject event) throws Unvouched {
        String status = EventFields.string(event, "status");
        if (!statuses.contains(status)) {
            throw new Unvouched("status is not a known status");
        }
        return status;
    }
}
