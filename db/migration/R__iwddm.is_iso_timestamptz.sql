-- iwddm.is_iso_timestamptz(text): true when the text is an ISO-8601 date-time with an offset
-- (Z, ±hh, ±hhmm or ±hh:mm) that PostgreSQL casts to timestamptz without error: a real
-- calendar day, year 0001-9999, hour 00-23, offset hours 00-15. Exception-free, so a whole
-- batch is validated in one statement. PL/pgSQL (not inlined SQL) so the value is read once;
-- the shape is checked on digits mapped to 9, which is cheaper than one large regex.
CREATE OR REPLACE FUNCTION iwddm.is_iso_timestamptz(value text)
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    shape text := translate(value, '0123456789', '9999999999');
    zone  text;
    y     integer;
    m     integer;
    d     integer;
BEGIN
    IF left(shape, 19) <> '9999-99-99T99:99:99' OR substr(shape, 20) !~ '^(\.9{1,9})?(Z|[+-]99(:?99)?)$' THEN
        RETURN false;
    END IF;
    zone := replace(ltrim(substr(value, 20), '.0123456789'), ':', '');
    y := substr(value, 1, 4)::integer;
    m := substr(value, 6, 2)::integer;
    d := substr(value, 9, 2)::integer;
    RETURN y >= 1 AND m BETWEEN 1 AND 12
       AND d BETWEEN 1 AND CASE WHEN m = 2 AND y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0) THEN 29
                                WHEN m = 2 THEN 28
                                WHEN m IN (4, 6, 9, 11) THEN 30
                                ELSE 31 END
       AND substr(value, 12, 2) <= '23' AND substr(value, 15, 2) <= '59' AND substr(value, 18, 2) <= '59'
       AND (zone = 'Z' OR (substr(zone, 2, 2) <= '15' AND substr(zone, 4, 2) <= '59'));
END
$$;
