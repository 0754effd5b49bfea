-- Every scalar SQL function of schema iwddm is inlined where it is called: PostgreSQL inlines
-- an SQL function only when its declared volatility is no stricter than its body's (an
-- IMMUTABLE function calling a STABLE built-in such as to_char is called, not inlined, at ~4x
-- the cost) and its body is a single simple SELECT (one that reads FROM something never is,
-- and is left out here). The loader calls these per event, so a
-- mislabel is a slowdown no other test would notice. Checked on the plan: an inlined call
-- leaves no trace of the function's name.
BEGIN;
SELECT plan(1);

CREATE FUNCTION pg_temp.is_inlined(fn regprocedure) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    arguments text;
    plan      text := '';
    line      text;
BEGIN
    -- Arguments are columns of a one-row subquery, so nothing folds to a constant.
    SELECT string_agg(CASE WHEN i = cardinality(types) AND is_variadic THEN 'VARIADIC ' ELSE '' END
                      || format('s.a%s', i), ', ' ORDER BY i),
           string_agg(format('NULL::%s AS a%s', format_type(t, NULL), i), ', ' ORDER BY i)
      INTO arguments, line
      FROM (SELECT proargtypes::oid[] AS types, provariadic <> 0 AS is_variadic FROM pg_proc WHERE oid = fn) p,
           unnest(p.types) WITH ORDINALITY AS a(t, i);
    FOR line IN EXECUTE format('EXPLAIN (VERBOSE, COSTS OFF) SELECT %s(%s) FROM (SELECT %s OFFSET 0) s',
                               fn::regproc, coalesce(arguments, ''), coalesce(line, '1')) LOOP
        plan := plan || line;
    END LOOP;
    -- name( and not just name: an inlined body may call a function whose name starts with it.
    RETURN position((SELECT proname FROM pg_proc WHERE oid = fn) || '(' IN plan) = 0;
END
$$;

SELECT is_empty(
    $$SELECT p.oid::regprocedure::text
      FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
      WHERE p.pronamespace = 'iwddm'::regnamespace AND l.lanname = 'sql' AND p.prokind = 'f'
        AND NOT p.proretset
        -- A body that reads FROM a relation or function is never inlined; those are not per-event helpers.
        AND p.prosrc !~* '\mFROM\M'
        AND NOT pg_temp.is_inlined(p.oid)$$,
    'every scalar SQL function of iwddm is inlined (declared no stricter than its body)');

SELECT * FROM finish();
ROLLBACK;
