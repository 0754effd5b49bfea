-- iwddm.whole_seconds(earlier, later): floor(later - earlier) in whole seconds on the exact
-- instants (SPEC §5: 300.9 s is 300); null when either is null.
-- STABLE like extract(epoch FROM timestamptz), so PostgreSQL can inline it (see iwddm.interval_key).
CREATE OR REPLACE FUNCTION iwddm.whole_seconds(earlier timestamptz, later timestamptz)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE STRICT
AS $$
    SELECT floor(extract(epoch FROM later) - extract(epoch FROM earlier))::integer
$$;
