-- iwddm.problem_text_exact(raw, doc): iwddm.problem_text's check itself, on the text read as
-- json (every key kept, numbers as written), for the few events its pre-filter lets through.
-- doc: the same text as jsonb, an object. A number whose jsonb form already fails its check is
-- left to event_problems, so no reason is given twice.
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION iwddm.problem_text_exact(raw text, doc jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT array_remove(ARRAY[
        CASE WHEN top.ids > 1 THEN 'id appears ' || top.ids || ' times; which one counts is ambiguous'
             WHEN (doc -> 'id')::text ~ '^\d{1,19}$' AND top.id_text <> (doc -> 'id')::text
             THEN 'id must be a plain JSON integer, not ' || left(top.id_text, 40) END,
        CASE WHEN (doc -> 'task' -> 'priority')::text ~ '^-?\d{1,10}$'
              AND (j.as_sent -> 'task' -> 'priority')::text <> (doc -> 'task' -> 'priority')::text
             THEN 'task.priority must be an integer (32-bit) or null' END,
        CASE WHEN (doc -> 'task' -> 'businessValue')::text ~ '^-?\d{1,10}$'
              AND (j.as_sent -> 'task' -> 'businessValue')::text <> (doc -> 'task' -> 'businessValue')::text
             THEN 'task.businessValue must be an integer (32-bit) or null' END
    ], NULL)
    FROM (SELECT raw::json AS as_sent) j
    CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE e.key = 'id') AS ids,
                               max(e.value::text) FILTER (WHERE e.key = 'id') AS id_text
                        FROM json_each(j.as_sent) e) top
$$;
