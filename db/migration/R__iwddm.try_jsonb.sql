-- iwddm.try_jsonb(text): the text as jsonb, or null when it is not valid JSON (or holds a
-- \u0000 that PostgreSQL cannot store). Slow path only: load_staged first parses a whole
-- batch in one statement and falls back to this per row when that fails. PARALLEL UNSAFE:
-- its exception block opens a subtransaction, which a parallel worker cannot.
CREATE OR REPLACE FUNCTION iwddm.try_jsonb(raw text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE STRICT
AS $$
BEGIN
    RETURN raw::jsonb;
EXCEPTION
    WHEN data_exception OR program_limit_exceeded THEN
        RETURN NULL;
END
$$;
