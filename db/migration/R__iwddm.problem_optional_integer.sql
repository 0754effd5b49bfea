-- iwddm.problem_optional_integer(value, name): why an optional integer attribute is bad
-- (not an integer, or outside the 32-bit range), or null when absent, null or fine.
CREATE OR REPLACE FUNCTION iwddm.problem_optional_integer(value jsonb, name text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN coalesce(jsonb_typeof(value), 'null') = 'null' THEN NULL
                WHEN jsonb_typeof(value) <> 'number' OR value::text !~ '^-?\d{1,10}$'
                  OR value::numeric NOT BETWEEN -2147483648 AND 2147483647
                THEN name || ' must be an integer (32-bit) or null' END
$$;
