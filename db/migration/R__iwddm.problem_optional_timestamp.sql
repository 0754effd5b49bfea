-- iwddm.problem_optional_timestamp(value, name): why an optional date-time attribute is bad
-- (not a string, or not ISO-8601 with an offset), or null when absent, null or fine.
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION iwddm.problem_optional_timestamp(value jsonb, name text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN coalesce(jsonb_typeof(value), 'null') = 'null' THEN NULL
                WHEN jsonb_typeof(value) <> 'string' OR NOT iwddm.is_iso_timestamptz(value #>> '{}')
                THEN name || ' must be an ISO-8601 date-time with offset or null' END
$$;
