-- iwddm.interval_at_or_after(epoch): the first 15-minute interval key at or after an epoch
-- second (fractional allowed): ceil(epoch / 900) * 900.
CREATE OR REPLACE FUNCTION iwddm.interval_at_or_after(epoch numeric)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT (ceil(epoch / 900) * 900)::bigint
$$;
