-- iwddm.load_flat_dimension(dimension, natural_key, name_column, source_columns): adds the
-- members of one dimension that the batch (pg_temp.load_event) names and the dimension lacks;
-- returns how many it added. Contract: source_columns (default: natural_key) are the
-- load_event columns holding the natural key; the key is iwddm.member_key(natural key), the
-- one way keys are resolved (load_key_events computes the same). With a name column, the name
-- carried by the highest event id wins (SPEC §5), kept in name_event_id. New rows carry the
-- batch's audit key in created_/updated_etl_audit_key; a changed name moves updated_etl_audit_key.
-- Two natural keys that hash to one key (a 64-bit collision) fail the batch: merging two
-- members silently would misreport both.
SET LOCAL client_min_messages = warning;
DROP FUNCTION IF EXISTS iwddm.load_flat_dimension(text, text[], text);
CREATE OR REPLACE FUNCTION iwddm.load_flat_dimension(
    dimension text, natural_key text[], name_column text DEFAULT NULL, source_columns text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key   bigint := iwddm.batch_audit_key('load_flat_dimension');
    key_columns text;   -- k1, k2 (dimension columns)
    sources     text;   -- s1 AS k1, s2 AS k2 (load_event columns)
    key_as_text text;
    source_list text;   -- s1, s2
    batch_query text;   -- the batch's distinct natural keys (and names)
    write_query text;   -- inserts (or renames) the members, RETURNING inserted
    added       integer;
    collision   text;
BEGIN
    IF to_regclass(format('iwddm.%I', dimension)) IS NULL THEN
        RAISE EXCEPTION 'load_flat_dimension: no dimension table iwddm.%', dimension
            USING HINT = 'Pass the table name of a feed-fed dimension, e.g. ''queue''.';
    END IF;
    IF coalesce(cardinality(natural_key), 0) = 0
       OR cardinality(coalesce(source_columns, natural_key)) <> cardinality(natural_key) THEN
        RAISE EXCEPTION 'load_flat_dimension: % needs its natural key columns (and as many source columns)', dimension
            USING HINT = 'e.g. ARRAY[''queue_name''].';
    END IF;
    SELECT string_agg(format('%I', k), ', ' ORDER BY i), string_agg(format('%I AS %I', s, k), ', ' ORDER BY i),
           string_agg(format('%I::text', k), ', ' ORDER BY i)
      INTO key_columns, sources, key_as_text
      FROM unnest(natural_key, coalesce(source_columns, natural_key)) WITH ORDINALITY AS c(k, s, i);
    source_list := (SELECT string_agg(format('%I', s), ', ') FROM unnest(coalesce(source_columns, natural_key)) s);

    IF name_column IS NULL THEN
        batch_query := format('SELECT DISTINCT %s FROM pg_temp.load_event WHERE num_nonnulls(%s) > 0',
                              sources, source_list);
        write_query := format($sql$
            INSERT INTO iwddm.%1$I (%2$I, %3$s, created_etl_audit_key, updated_etl_audit_key)
            SELECT member, %3$s, %4$L, %4$L FROM keyed
            ON CONFLICT DO NOTHING
            RETURNING true AS inserted $sql$,
            dimension, dimension || '_key', key_columns, audit_key);
    ELSE
        -- The name carried by the highest event id wins (SPEC §5).
        batch_query := format($sql$
            SELECT DISTINCT ON (%1$s) %1$s, %2$I, task_event_id
            FROM (SELECT %3$s, %2$I, max(task_event_id) AS task_event_id
                  FROM pg_temp.load_event WHERE num_nonnulls(%4$s) > 0
                  GROUP BY %4$s, %2$I) named
            ORDER BY %1$s, %2$I IS NULL, task_event_id DESC $sql$,
            key_columns, name_column, sources, source_list);
        write_query := format($sql$
            INSERT INTO iwddm.%1$I AS d (%2$I, %3$s, %4$I, name_event_id, created_etl_audit_key, updated_etl_audit_key)
            SELECT member, %3$s, %4$I, CASE WHEN %4$I IS NOT NULL THEN task_event_id END, %5$L, %5$L
            FROM keyed
            ON CONFLICT (%2$I) DO UPDATE SET %4$I = EXCLUDED.%4$I, name_event_id = EXCLUDED.name_event_id,
                updated_etl_audit_key = CASE WHEN d.%4$I IS DISTINCT FROM EXCLUDED.%4$I THEN %5$L
                                             ELSE d.updated_etl_audit_key END
                WHERE EXCLUDED.name_event_id > coalesce(d.name_event_id, -1)
            RETURNING xmax = 0 AS inserted $sql$,
            dimension, dimension || '_key', key_columns, name_column, audit_key);
    END IF;

    -- One statement per dimension (issue 14: a temporary table and three statements each cost
    -- ~4 ms, 16 times a batch). The batch's distinct natural keys are keyed once; the collision
    -- checks read the dimension as it was before the insert, so a key the batch shares with a
    -- stored member and two of the batch's own keys that hash alike are checked apart.
    EXECUTE format($sql$
        WITH batch AS (%1$s),
        keyed AS (SELECT iwddm.member_key(%2$s) AS member, * FROM batch),
        written AS (%3$s),
        clash AS (
            SELECT format('%%s and %%s', ROW(%4$s)::text, ROW(%5$s)::text) AS pair
            FROM keyed b JOIN iwddm.%6$I d ON d.%7$I = b.member
            WHERE ROW(%5$s) IS DISTINCT FROM ROW(%4$s)
            UNION ALL
            SELECT format('%%s and %%s', ROW(%4$s)::text, ROW(%8$s)::text)
            FROM keyed b JOIN keyed o ON o.member = b.member AND ROW(%8$s) IS DISTINCT FROM ROW(%4$s))
        SELECT (SELECT count(*) FILTER (WHERE inserted) FROM written), (SELECT pair FROM clash LIMIT 1) $sql$,
        batch_query, key_as_text, write_query,
        (SELECT string_agg(format('b.%I', k), ', ') FROM unnest(natural_key) k),
        (SELECT string_agg(format('d.%I', k), ', ') FROM unnest(natural_key) k),
        dimension, dimension || '_key',
        (SELECT string_agg(format('o.%I', k), ', ') FROM unnest(natural_key) k))
      INTO added, collision;
    IF collision IS NOT NULL THEN
        RAISE EXCEPTION 'load_flat_dimension: two % members hash to one key: %', dimension, collision
            USING HINT = 'A 64-bit iwddm.member_key collision; nothing of this batch was loaded. Report it: the key '
                         'function must be widened before these events can load.';
    END IF;
    RETURN added;
END
$$;
