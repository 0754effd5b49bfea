-- iwddm.problem_reference(value, name, required): why a {id, name} reference (tenant,
-- solution, capture point) is bad, or null when fine. id must be a non-empty string or a
-- number; name a string or null. An optional reference may be absent or null.
CREATE OR REPLACE FUNCTION iwddm.problem_reference(value jsonb, name text, required boolean)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN coalesce(jsonb_typeof(value), 'null') = 'null'
            THEN CASE WHEN required THEN name || ' is missing' END
        WHEN jsonb_typeof(value) <> 'object' THEN name || ' must be an object'
        WHEN coalesce(jsonb_typeof(value -> 'id'), 'null') NOT IN ('string', 'number') OR value ->> 'id' = ''
            THEN name || '.id must be a non-empty string'
        WHEN coalesce(jsonb_typeof(value -> 'name'), 'null') NOT IN ('null', 'string')
            THEN name || '.name must be a string or null'
    END
$$;
