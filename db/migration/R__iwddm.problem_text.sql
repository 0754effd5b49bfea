-- iwddm.problem_text(raw, doc, task): the reasons why an event is bad that only its text shows,
-- because jsonb normalizes them away: an id that is not a plain JSON integer (1.01e2, 1.5e2 and
-- -0 read as 101, 150 and 0), an "id" key given twice (jsonb keeps the last; the driver's order
-- check reads neither), and task.priority or task.businessValue written with an exponent or as -0.
-- Empty when fine. doc/task: the event parsed as jsonb and its "task".
-- A cheap pre-filter that cannot miss spares almost every event the second parse as json (which
-- keeps every key and number as written): the text has no \u escape (that could spell a key),
-- no number right after a colon written with an exponent or -0, and no more "id" strings than
-- the id keys jsonb holds in the places events have them. Pure SQL, inlined: pass columns.
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION iwddm.problem_text(raw text, doc jsonb, task jsonb)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN jsonb_typeof(doc) IS DISTINCT FROM 'object' THEN '{}'::text[]
        WHEN strpos(raw, '\u') = 0
         AND raw !~ ':[ \t\r\n]*(-0|-?[0-9]+(\.[0-9]+)?[eE])'
         AND (octet_length(raw) - octet_length(replace(raw, '"id"', ''))) / 4
             <= (doc ? 'id')::integer + coalesce((doc -> 'agent' ? 'id')::integer, 0)
              + coalesce((task ? 'id')::integer, 0)
              + coalesce((task -> 'tenant' ? 'id')::integer, 0) + coalesce((task -> 'solution' ? 'id')::integer, 0)
              + coalesce((task -> 'category' ? 'id')::integer, 0) + coalesce((task -> 'capturePoint' ? 'id')::integer, 0)
              + coalesce((task -> 'data' ? 'id')::integer, 0)
        THEN '{}'::text[]
        ELSE iwddm.problem_text_exact(raw, doc)
    END
$$;
