-- iwddm.event_surely_good(raw, doc, task, status_known): a cheap test that is true only for an
-- event in which iwddm.event_problems and iwddm.problem_text find nothing wrong, so the load
-- builds the list of reasons only for the events that fail it (issue 14: most events are good).
-- False means "not sure", never "bad": such an event gets the full check, which decides.
-- Where it is cheaper it is stricter than the full check: every date-time matches one regular
-- expression together (FEED.md's ISO-8601 with offset, at most 35 characters each; a day the month lacks, such as 02-30,
-- passes here and makes the batch's typed extraction fail, which sends the batch to the row-by-row
-- path), the event's year lies in 1971-2098 rather than at the edges of 1970-2099, and an id
-- has at most 18 digits. Same arguments as event_problems plus the text for problem_text's
-- pre-filter. Pure SQL without sub-selects, inlined: pass columns computed once.
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION iwddm.event_surely_good(raw text, doc jsonb, task jsonb, status_known boolean)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce(
        jsonb_typeof(doc) = 'object' AND jsonb_typeof(task) = 'object' AND status_known
        AND jsonb_typeof(doc -> 'id') = 'number' AND doc ->> 'id' ~ '^\d{1,18}$'
        AND jsonb_typeof(doc -> 'taskId') = 'string' AND char_length(doc ->> 'taskId') BETWEEN 1 AND 64
        AND jsonb_typeof(doc -> 'eventType') = 'string' AND doc ->> 'eventType' <> ''
        AND jsonb_typeof(doc -> 'status') = 'string'
        AND jsonb_typeof(doc -> 'timestamp') = 'string' AND left(doc ->> 'timestamp', 4) BETWEEN '1971' AND '2098'
        AND char_length(doc ->> 'timestamp') <= 35
        -- Every date-time of the event at once (absent and null ones drop out of concat_ws); at most
        -- 35 characters each, so no single value can pass as two.
        AND concat_ws(' ', doc ->> 'timestamp', task ->> 'createdDateTime', task ->> 'activationDateTime',
                      task ->> 'dueDateTime', task ->> 'expirationDateTime', task ->> 'sourceCreatedDateTime',
                      task ->> 'sourceFirstCreatedDateTime')
            ~ '^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-5])(:?[0-5]\d)?)( |$))+$'
        AND coalesce(jsonb_typeof(task -> 'createdDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'createdDateTime'), 0) <= 35
        AND coalesce(jsonb_typeof(task -> 'activationDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'activationDateTime'), 0) <= 35
        AND coalesce(jsonb_typeof(task -> 'dueDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'dueDateTime'), 0) <= 35
        AND coalesce(jsonb_typeof(task -> 'expirationDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'expirationDateTime'), 0) <= 35
        AND coalesce(jsonb_typeof(task -> 'sourceCreatedDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'sourceCreatedDateTime'), 0) <= 35
        AND coalesce(jsonb_typeof(task -> 'sourceFirstCreatedDateTime'), 'null') IN ('string', 'null') AND coalesce(char_length(task ->> 'sourceFirstCreatedDateTime'), 0) <= 35
        AND iwddm.problem_optional_string(doc -> 'queue', '') IS NULL
        AND CASE WHEN coalesce(jsonb_typeof(doc -> 'agent'), 'null') = 'null' THEN true
                 ELSE jsonb_typeof(doc -> 'agent' -> 'employeeId') = 'string' AND doc -> 'agent' ->> 'employeeId' <> ''
                      AND iwddm.problem_optional_string(doc -> 'agent' -> 'name', '') IS NULL END
        AND iwddm.problem_reference(task -> 'tenant', '', true) IS NULL
        AND iwddm.problem_reference(task -> 'solution', '', true) IS NULL
        AND iwddm.problem_reference(task -> 'capturePoint', '', false) IS NULL
        AND jsonb_typeof(task -> 'category') = 'object'
        AND CASE WHEN jsonb_typeof(task -> 'category' -> 'path') = 'array'
                 THEN jsonb_array_length(task -> 'category' -> 'path') BETWEEN 1 AND 10
                      AND NOT jsonb_path_exists(task -> 'category' -> 'path', '$[*] ? (@.type() != "string" || @ == "")')
                 ELSE false END
        AND coalesce(jsonb_typeof(task -> 'category' -> 'id'), 'null') IN ('null', 'string', 'number')
        AND iwddm.problem_optional_integer(task -> 'priority', '') IS NULL
        AND iwddm.problem_optional_integer(task -> 'businessValue', '') IS NULL
        AND coalesce(jsonb_typeof(task -> 'captureId'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'mediaType'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'channel'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'customerId'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'customerSegment'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'productType'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'productSubtype'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'requestedAgent'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'requestedSkill'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'resultCode'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'sourceTenant'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'sourceProcessType'), 'null') IN ('null', 'string')
        AND coalesce(jsonb_typeof(task -> 'sourceProcessSubtype'), 'null') IN ('null', 'string')
        AND CASE WHEN coalesce(jsonb_typeof(task -> 'data'), 'null') = 'null' THEN true
                 ELSE jsonb_typeof(task -> 'data') = 'object'
                      AND NOT jsonb_path_exists(task -> 'data', '$.* ? (@.type() == "object" || @.type() == "array")') END
        -- problem_text's own pre-filter: nothing only the text could show.
        AND cardinality(iwddm.problem_text(raw, doc, task)) = 0,
        false)
$$;
