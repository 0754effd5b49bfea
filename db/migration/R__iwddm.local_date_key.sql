-- iwddm.local_date_key(ts, tz): the event_date key (yyyymmdd) of ts's calendar date in zone tz.
-- STABLE like to_char and AT TIME ZONE, so PostgreSQL can inline it (see iwddm.interval_key).
CREATE OR REPLACE FUNCTION iwddm.local_date_key(ts timestamptz, tz text)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE STRICT
AS $$
    SELECT to_char(ts AT TIME ZONE tz, 'YYYYMMDD')::integer
$$;
