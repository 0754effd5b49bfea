-- iwddm.interval_key(ts): the date_time_key of the 15-minute interval [start, start + 900 s)
-- holding ts, as UTC epoch seconds (SPEC §4). The same in every time zone.
CREATE OR REPLACE FUNCTION iwddm.interval_key(ts timestamptz)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT (floor(extract(epoch FROM ts) / 900) * 900)::bigint
$$;
