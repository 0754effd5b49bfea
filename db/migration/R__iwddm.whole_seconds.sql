-- iwddm.whole_seconds(earlier, later): floor(later - earlier) in whole seconds on the exact
-- instants (SPEC §5: 300.9 s is 300); null when either is null. bigint: the feed's task
-- timestamps (activation, source creation) may lie centuries apart, beyond a 32-bit count of
-- seconds (68 years), and a duration must never fail a load; columns fed only by event
-- timestamps of one task stay integer.
-- STABLE like extract(epoch FROM timestamptz), so PostgreSQL can inline it (see iwddm.interval_key).
SET LOCAL client_min_messages = warning;
DROP FUNCTION IF EXISTS iwddm.whole_seconds(timestamptz, timestamptz);
CREATE FUNCTION iwddm.whole_seconds(earlier timestamptz, later timestamptz)
RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE STRICT
AS $$
    SELECT floor(extract(epoch FROM later) - extract(epoch FROM earlier))::bigint
$$;
