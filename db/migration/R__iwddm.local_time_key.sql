-- iwddm.local_time_key(ts, tz): the event_time key (hhmmss) of ts's wall-clock time in zone tz.
CREATE OR REPLACE FUNCTION iwddm.local_time_key(ts timestamptz, tz text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT to_char(ts AT TIME ZONE tz, 'HH24MISS')::integer
$$;
