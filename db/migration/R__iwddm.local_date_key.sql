-- iwddm.local_date_key(ts, tz): the event_date key (yyyymmdd) of ts's calendar date in zone tz.
CREATE OR REPLACE FUNCTION iwddm.local_date_key(ts timestamptz, tz text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT to_char(ts AT TIME ZONE tz, 'YYYYMMDD')::integer
$$;
