-- iwddm.event_problems(doc, task, status_known): every reason why a parsed TaskEvent is bad
-- (FEED.md "Bad input"), as an array; empty when the event is good. task: the event's "task" object;
-- status_known: whether doc's status names a row of iwddm.status (the caller joins it).
-- Pure SQL with no sub-select, so PostgreSQL inlines it into the batch statement. Inlining
-- substitutes each argument at every use: callers pass columns computed once (behind an
-- OFFSET 0 fence), never expressions such as raw::jsonb.
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION iwddm.event_problems(doc jsonb, task jsonb, status_known boolean)
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT array_remove(ARRAY[
        CASE WHEN jsonb_typeof(doc) <> 'object' THEN 'the event is not a JSON object' END,
        CASE WHEN coalesce(jsonb_typeof(doc -> 'id'), 'null') = 'null' THEN 'id is missing'
             WHEN jsonb_typeof(doc -> 'id') <> 'number' OR (doc -> 'id')::text !~ '^\d{1,19}$'
               OR (length((doc -> 'id')::text) = 19 AND (doc -> 'id')::text COLLATE "C" > '9223372036854775807')
             THEN 'id must be a non-negative 64-bit integer' END,
        CASE WHEN coalesce(jsonb_typeof(doc -> 'taskId'), 'null') = 'null' THEN 'taskId is missing'
             WHEN jsonb_typeof(doc -> 'taskId') <> 'string' THEN 'taskId must be a string'
             WHEN char_length(doc ->> 'taskId') NOT BETWEEN 1 AND 64 THEN 'taskId must have 1 to 64 characters' END,
        CASE WHEN coalesce(jsonb_typeof(doc -> 'eventType'), 'null') = 'null' THEN 'eventType is missing'
             WHEN jsonb_typeof(doc -> 'eventType') <> 'string' OR doc ->> 'eventType' = ''
             THEN 'eventType must be a non-empty string' END,
        CASE WHEN coalesce(jsonb_typeof(doc -> 'timestamp'), 'null') = 'null' THEN 'timestamp is missing'
             WHEN jsonb_typeof(doc -> 'timestamp') <> 'string' OR NOT iwddm.is_iso_timestamptz(doc ->> 'timestamp')
             THEN 'timestamp must be an ISO-8601 date-time with offset'
             WHEN (doc ->> 'timestamp')::timestamptz NOT BETWEEN '1970-01-01T00:00:00Z' AND '2099-12-31T23:59:59.999999Z'
             THEN 'timestamp must lie between 1970 and 2099' END,
        CASE WHEN coalesce(jsonb_typeof(doc -> 'status'), 'null') = 'null' THEN 'status is missing'
             WHEN jsonb_typeof(doc -> 'status') <> 'string' OR NOT status_known
             THEN 'status ' || (doc -> 'status')::text || ' is not a known status' END,
        iwddm.problem_optional_string(doc -> 'queue', 'queue'),
        CASE WHEN coalesce(jsonb_typeof(doc -> 'agent'), 'null') = 'null' THEN NULL
             WHEN jsonb_typeof(doc -> 'agent') <> 'object' THEN 'agent must be an object or null'
             WHEN coalesce(jsonb_typeof(doc -> 'agent' -> 'employeeId'), 'null') <> 'string'
               OR doc -> 'agent' ->> 'employeeId' = ''
             THEN 'agent.employeeId must be a non-empty string'
             ELSE iwddm.problem_optional_string(doc -> 'agent' -> 'name', 'agent.name') END,
        CASE WHEN coalesce(jsonb_typeof(task), 'null') = 'null' THEN 'task is missing'
             WHEN jsonb_typeof(task) <> 'object' THEN 'task must be an object' END,
        iwddm.problem_reference(task -> 'tenant', 'task.tenant', jsonb_typeof(task) = 'object'),
        iwddm.problem_reference(task -> 'solution', 'task.solution', jsonb_typeof(task) = 'object'),
        iwddm.problem_reference(task -> 'capturePoint', 'task.capturePoint', false),
        CASE WHEN jsonb_typeof(task) <> 'object' THEN NULL
             WHEN coalesce(jsonb_typeof(task -> 'category'), 'null') = 'null' THEN 'task.category is missing'
             WHEN jsonb_typeof(task -> 'category') <> 'object' THEN 'task.category must be an object'
             WHEN coalesce(jsonb_typeof(task -> 'category' -> 'path'), 'null') <> 'array'
               OR jsonb_array_length(task -> 'category' -> 'path') NOT BETWEEN 1 AND 10
               OR jsonb_path_exists(task -> 'category' -> 'path', '$[*] ? (@.type() != "string" || @ == "")')
             THEN 'task.category.path must be 1 to 10 non-empty strings'
             WHEN coalesce(jsonb_typeof(task -> 'category' -> 'id'), 'null') NOT IN ('null', 'string', 'number')
             THEN 'task.category.id must be a string or null' END,
        iwddm.problem_optional_integer(task -> 'priority', 'task.priority'),
        iwddm.problem_optional_integer(task -> 'businessValue', 'task.businessValue'),
        iwddm.problem_optional_timestamp(task -> 'createdDateTime', 'task.createdDateTime'),
        iwddm.problem_optional_timestamp(task -> 'activationDateTime', 'task.activationDateTime'),
        iwddm.problem_optional_timestamp(task -> 'dueDateTime', 'task.dueDateTime'),
        iwddm.problem_optional_timestamp(task -> 'expirationDateTime', 'task.expirationDateTime'),
        iwddm.problem_optional_timestamp(task -> 'sourceCreatedDateTime', 'task.sourceCreatedDateTime'),
        iwddm.problem_optional_timestamp(task -> 'sourceFirstCreatedDateTime', 'task.sourceFirstCreatedDateTime'),
        iwddm.problem_optional_string(task -> 'captureId', 'task.captureId'),
        iwddm.problem_optional_string(task -> 'mediaType', 'task.mediaType'),
        iwddm.problem_optional_string(task -> 'channel', 'task.channel'),
        iwddm.problem_optional_string(task -> 'customerId', 'task.customerId'),
        iwddm.problem_optional_string(task -> 'customerSegment', 'task.customerSegment'),
        iwddm.problem_optional_string(task -> 'productType', 'task.productType'),
        iwddm.problem_optional_string(task -> 'productSubtype', 'task.productSubtype'),
        iwddm.problem_optional_string(task -> 'requestedAgent', 'task.requestedAgent'),
        iwddm.problem_optional_string(task -> 'requestedSkill', 'task.requestedSkill'),
        iwddm.problem_optional_string(task -> 'resultCode', 'task.resultCode'),
        iwddm.problem_optional_string(task -> 'sourceTenant', 'task.sourceTenant'),
        iwddm.problem_optional_string(task -> 'sourceProcessType', 'task.sourceProcessType'),
        iwddm.problem_optional_string(task -> 'sourceProcessSubtype', 'task.sourceProcessSubtype'),
        CASE WHEN coalesce(jsonb_typeof(task -> 'data'), 'null') = 'null' THEN NULL
             WHEN jsonb_typeof(task -> 'data') <> 'object'
               OR jsonb_path_exists(task -> 'data', '$.* ? (@.type() == "object" || @.type() == "array")')
             THEN 'task.data must be an object of string, number or boolean values' END
    ], NULL)
$$;
