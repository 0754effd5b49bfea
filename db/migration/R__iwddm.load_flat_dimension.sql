-- iwddm.load_flat_dimension(dimension, natural_key, name_column): adds the members of one
-- dimension that the batch (pg_temp.load_event) names and the dimension lacks; returns how
-- many it added. Contract: load_event has columns named like the dimension's natural-key
-- columns (and name column); the key is iwddm.member_key(natural key), so a conflict on the
-- key is a member already known; with a name column,
-- the name carried by the highest event id wins (SPEC §5), kept in name_event_id.
CREATE OR REPLACE FUNCTION iwddm.load_flat_dimension(
    dimension text, natural_key text[], name_column text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    key_columns  text;
    key_as_text  text;
    added        integer;
BEGIN
    IF to_regclass(format('iwddm.%I', dimension)) IS NULL THEN
        RAISE EXCEPTION 'load_flat_dimension: no dimension table iwddm.%', dimension
            USING HINT = 'Pass the table name of a feed-fed dimension, e.g. ''queue''.';
    END IF;
    IF coalesce(cardinality(natural_key), 0) = 0 THEN
        RAISE EXCEPTION 'load_flat_dimension: % needs its natural key columns', dimension
            USING HINT = 'e.g. ARRAY[''queue_name''].';
    END IF;
    SELECT string_agg(format('%I', c), ', '), string_agg(format('%I::text', c), ', ')
      INTO key_columns, key_as_text FROM unnest(natural_key) c;

    IF name_column IS NULL THEN
        EXECUTE format($sql$
            WITH added AS (
                INSERT INTO iwddm.%1$I (%2$I, %3$s)
                SELECT iwddm.member_key(%4$s), %3$s
                FROM (SELECT DISTINCT %3$s FROM pg_temp.load_event WHERE num_nonnulls(%3$s) > 0) batch
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*) FROM added $sql$,
            dimension, dimension || '_key', key_columns, key_as_text) INTO added;
    ELSE
        EXECUTE format($sql$
            WITH upserted AS (
                INSERT INTO iwddm.%1$I AS d (%2$I, %3$s, %5$I, name_event_id)
                SELECT iwddm.member_key(%4$s), %3$s, %5$I, CASE WHEN %5$I IS NOT NULL THEN task_event_id END
                FROM (SELECT DISTINCT ON (%3$s) %3$s, %5$I, task_event_id
                      FROM (SELECT %3$s, %5$I, max(task_event_id) AS task_event_id
                            FROM pg_temp.load_event WHERE num_nonnulls(%3$s) > 0
                            GROUP BY %3$s, %5$I) named
                      ORDER BY %3$s, %5$I IS NULL, task_event_id DESC) batch
                ON CONFLICT (%2$I) DO UPDATE SET %5$I = EXCLUDED.%5$I, name_event_id = EXCLUDED.name_event_id
                    WHERE EXCLUDED.name_event_id > coalesce(d.name_event_id, -1)
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM upserted $sql$,
            dimension, dimension || '_key', key_columns, key_as_text, name_column) INTO added;
    END IF;
    RETURN added;
END
$$;
