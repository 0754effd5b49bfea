-- iwddm.try_event_identity(raw): the event id and interaction id (taskId) of an event that
-- PostgreSQL cannot store as jsonb, read from its text as json with the escapes jsonb may refuse
-- (\u0000 and every surrogate escape) replaced by \ufffd; nulls when they cannot be read, or when the id
-- is not one plain JSON integer. For rejected_event's columns only; slow path (one
-- subtransaction per call), so PARALLEL UNSAFE.
CREATE OR REPLACE FUNCTION iwddm.try_event_identity(raw text, OUT event_id bigint, OUT interaction_id text)
LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE STRICT
AS $$
DECLARE
    doc json;
BEGIN
    doc := regexp_replace(raw, '\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})', '\\ufffd', 'g')::json;
    SELECT CASE WHEN count(*) FILTER (WHERE e.key = 'id') = 1
                 AND max(e.value::text) FILTER (WHERE e.key = 'id') ~ '^(0|[1-9][0-9]{0,17})$'
                THEN (max(e.value::text) FILTER (WHERE e.key = 'id'))::bigint END,
           left(max(e.value #>> '{}') FILTER (WHERE e.key = 'taskId' AND json_typeof(e.value) = 'string'), 64)
      INTO event_id, interaction_id
      FROM json_each(doc) e;
EXCEPTION
    WHEN data_exception OR program_limit_exceeded THEN
        event_id := NULL;
        interaction_id := NULL;
END
$$;
