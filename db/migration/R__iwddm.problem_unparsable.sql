-- iwddm.problem_unparsable(raw): why PostgreSQL cannot read the text as jsonb, or null when it
-- can. The driver stages only valid JSON, so the usual reasons are what jsonb cannot store: a
-- \u0000 (text cannot hold NUL), a lone UTF-16 surrogate escape, nesting deeper than the
-- server's stack allows, a number beyond numeric's range. Slow path only (one subtransaction
-- per call); PARALLEL UNSAFE for that reason.
CREATE OR REPLACE FUNCTION iwddm.problem_unparsable(raw text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE STRICT
AS $$
DECLARE
    message text;
    detail  text;
    state   text;
BEGIN
    PERFORM raw::jsonb;
    RETURN NULL;
EXCEPTION
    WHEN data_exception OR program_limit_exceeded THEN
        GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL, state = RETURNED_SQLSTATE;
        RETURN CASE
            WHEN strpos(detail, '\u0000') > 0
            THEN 'a string holds a NUL character (\u0000), which PostgreSQL text cannot store'
            WHEN detail ILIKE '%surrogate%'
            THEN 'a string holds a lone UTF-16 surrogate ('
                 || coalesce(lower(substring(raw from '\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})'
                                                  '|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}')),
                             '\ud800-\udfff')
                 || '), which PostgreSQL cannot store'
            WHEN state = '54001'
            THEN 'the event is nested too deeply for PostgreSQL to read (max_stack_depth)'
            WHEN state = '22P02' AND detail NOT ILIKE '%unicode%'
            THEN 'the text is not valid JSON'
            ELSE 'PostgreSQL cannot read the event as jsonb: ' || message || coalesce(' (' || nullif(detail, '') || ')', '')
        END;
END
$$;
