-- iwddm.problem_optional_string(value, name): why an optional string attribute is bad, or
-- null when it is absent, null or a string.
CREATE OR REPLACE FUNCTION iwddm.problem_optional_string(value jsonb, name text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN coalesce(jsonb_typeof(value), 'null') NOT IN ('null', 'string')
                THEN name || ' must be a string or null' END
$$;
