-- iwddm.load_flat_dimension(dimension, member_set, natural_key, name_column, source_columns):
-- part of load_dimensions. Adds the members of one dimension that the batch names and the
-- dimension lacks; returns how many it added. Contract: the batch's distinct values are the
-- pg_temp.load_member rows of member_set (load_dimensions' one pass over pg_temp.load_event,
-- with max(task_event_id)); source_columns (default: natural_key) are its columns holding the
-- natural key; the key is iwddm.member_key(natural key), the one way keys are resolved
-- (load_key_events reads the same from load_event). With a name column, the name carried by the
-- highest event id wins (SPEC §5), kept in name_event_id. New rows carry the batch's audit key
-- in created_/updated_etl_audit_key; a changed name moves updated_etl_audit_key.
-- Two natural keys that hash to one key (a 64-bit collision) fail the batch: merging two
-- members silently would misreport both.
SET LOCAL client_min_messages = warning;
DROP FUNCTION IF EXISTS iwddm.load_flat_dimension(text, text[], text);
DROP FUNCTION IF EXISTS iwddm.load_flat_dimension(text, text[], text, text[]);
CREATE OR REPLACE FUNCTION iwddm.load_flat_dimension(
    dimension text, member_set text, natural_key text[], name_column text DEFAULT NULL,
    source_columns text[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key   bigint := iwddm.batch_audit_key('load_flat_dimension');
    key_columns text;   -- k1, k2 (dimension columns)
    sources     text;   -- s1 AS k1, s2 AS k2 (load_member columns)
    key_as_text text;
    source_list text;   -- s1, s2
    batch_query text;   -- the batch's distinct natural keys (and names)
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
        -- Most of a page's members are stored already: only the keys the dimension lacks are
        -- written, each key looked up once (keyed is MATERIALIZED: inlined, every key was hashed
        -- twice). Collisions: a stored key standing for another natural key; or new natural keys
        -- (distinct rows of the batch) sharing one key, which is what makes an insert conflict, so
        -- they are looked for only then. Two of the batch's keys that share a stored key cannot
        -- both be its natural key: the first check finds them.
        batch_query := format('SELECT %s FROM pg_temp.load_member WHERE member_set = %L AND num_nonnulls(%s) > 0',
                              sources, member_set, source_list);
        EXECUTE format($sql$
            WITH keyed AS MATERIALIZED (SELECT iwddm.member_key(%1$s) AS member, * FROM (%2$s) batch),
            stored AS (
                SELECT b.*, d.%4$I IS NOT NULL AS known, ROW(%6$s) IS DISTINCT FROM ROW(%5$s) AS differs,
                       ROW(%6$s)::text AS stored_key
                FROM keyed b LEFT JOIN iwddm.%3$I d ON d.%4$I = b.member),
            written AS (
                INSERT INTO iwddm.%3$I (%4$I, %7$s, created_etl_audit_key, updated_etl_audit_key)
                SELECT member, %7$s, %8$L, %8$L FROM stored WHERE NOT known
                ON CONFLICT DO NOTHING
                RETURNING true AS inserted),
            counted AS (SELECT (SELECT count(*) FROM written) AS written,
                               (SELECT count(*) FROM stored WHERE NOT known) AS new)
            SELECT written,
                   coalesce((SELECT format('%%s and %%s', ROW(%5$s)::text, stored_key)
                             FROM stored b WHERE known AND differs LIMIT 1),
                            CASE WHEN written < new
                                 THEN (SELECT string_agg(ROW(%5$s)::text, ' and ')
                                       FROM stored b WHERE NOT known GROUP BY member HAVING count(*) > 1 LIMIT 1) END)
            FROM counted $sql$,
            key_as_text, batch_query, dimension, dimension || '_key',
            (SELECT string_agg(format('b.%I', k), ', ') FROM unnest(natural_key) k),
            (SELECT string_agg(format('d.%I', k), ', ') FROM unnest(natural_key) k),
            key_columns, audit_key)
          INTO added, collision;
    ELSE
        -- The name carried by the highest event id wins (SPEC §5). Named dimensions are small:
        -- every member the batch names is upserted, its name kept if no later event renamed it.
        batch_query := format($sql$
            SELECT DISTINCT ON (%1$s) %1$s, %2$I, task_event_id
            FROM (SELECT %3$s, %2$I, task_event_id
                  FROM pg_temp.load_member WHERE member_set = %5$L AND num_nonnulls(%4$s) > 0) named
            ORDER BY %1$s, %2$I IS NULL, task_event_id DESC $sql$,
            key_columns, name_column, sources, source_list, member_set);
        -- The collision checks read the dimension as it was before the upsert, so a key the batch
        -- shares with a stored member and two of the batch's own keys that hash alike are checked apart.
        EXECUTE format($sql$
            WITH keyed AS (SELECT iwddm.member_key(%1$s) AS member, * FROM (%2$s) batch),
            written AS (
                INSERT INTO iwddm.%3$I AS d (%4$I, %5$s, %6$I, name_event_id, created_etl_audit_key, updated_etl_audit_key)
                SELECT member, %5$s, %6$I, CASE WHEN %6$I IS NOT NULL THEN task_event_id END, %7$L, %7$L
                FROM keyed
                ON CONFLICT (%4$I) DO UPDATE SET %6$I = EXCLUDED.%6$I, name_event_id = EXCLUDED.name_event_id,
                    updated_etl_audit_key = CASE WHEN d.%6$I IS DISTINCT FROM EXCLUDED.%6$I THEN %7$L
                                                 ELSE d.updated_etl_audit_key END
                    WHERE EXCLUDED.name_event_id > coalesce(d.name_event_id, -1)
                RETURNING xmax = 0 AS inserted),
            clash AS (
                SELECT format('%%s and %%s', ROW(%8$s)::text, ROW(%9$s)::text) AS pair
                FROM keyed b JOIN iwddm.%3$I d ON d.%4$I = b.member
                WHERE ROW(%9$s) IS DISTINCT FROM ROW(%8$s)
                UNION ALL
                SELECT string_agg(ROW(%8$s)::text, ' and ') FROM keyed b GROUP BY member HAVING count(*) > 1)
            SELECT (SELECT count(*) FILTER (WHERE inserted) FROM written), (SELECT pair FROM clash LIMIT 1) $sql$,
            key_as_text, batch_query, dimension, dimension || '_key', key_columns, name_column, audit_key,
            (SELECT string_agg(format('b.%I', k), ', ') FROM unnest(natural_key) k),
            (SELECT string_agg(format('d.%I', k), ', ') FROM unnest(natural_key) k))
          INTO added, collision;
    END IF;
    IF collision IS NOT NULL THEN
        RAISE EXCEPTION 'load_flat_dimension: two % members hash to one key: %', dimension, collision
            USING HINT = 'A 64-bit iwddm.member_key collision; nothing of this batch was loaded. Report it: the key '
                         'function must be widened before these events can load.';
    END IF;
    RETURN added;
END
$$;
