-- iwddm.is_iso_timestamptz(text): true when the text is an ISO-8601 date-time with an offset
-- that PostgreSQL casts to timestamptz without error (real calendar day, year 0001-9999,
-- offset within ±15:59). Exception-free, so a whole batch is validated in one statement.
CREATE OR REPLACE FUNCTION iwddm.is_iso_timestamptz(value text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
    SELECT value ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-5])(:?[0-5]\d)?)$'
       AND left(value, 4) <> '0000'
       AND substr(value, 9, 2)::int <= CASE substr(value, 6, 2)::int
               WHEN 2 THEN CASE WHEN left(value, 4)::int % 4 = 0
                                 AND (left(value, 4)::int % 100 <> 0 OR left(value, 4)::int % 400 = 0)
                                THEN 29 ELSE 28 END
               WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30
               ELSE 31 END
$$;
