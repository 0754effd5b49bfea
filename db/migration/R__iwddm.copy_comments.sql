-- iwddm.copy_comments(): copies column comments onto the relations that mirror others, so each
-- is written once (R__iwddm.schema_comments.sql): the h_<fact> tables and the <fact> views get
-- those of i_<fact>; the iwd_agg_<area>_<bucket> views those of agg_<area>_15min, their bucket
-- keys those of date_time, and a comment of their own. Contract: only columns whose source has
-- a comment are touched; rerunning is harmless. Called by R__iwddm.schema_comments.sql and by
-- R__iwddm.agg_views.sql, which drops and recreates the aggregate views (and their comments).
CREATE OR REPLACE PROCEDURE iwddm.copy_comments()
LANGUAGE plpgsql AS $$
DECLARE
    target record;
    col    record;
BEGIN
    FOR target IN
        SELECT c.oid, c.relname, m.source, m.area, m.bucket
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'iwddm'
        CROSS JOIN LATERAL (
            SELECT CASE
                       WHEN c.relkind = 'r' AND c.relname ~ '^h_task_' THEN to_regclass('iwddm.i_' || substr(c.relname, 3))
                       WHEN c.relkind = 'v' AND c.relname IN ('task_fact', 'task_event_fact', 'task_work_fact')
                           THEN to_regclass('iwddm.i_' || c.relname)
                       WHEN c.relkind = 'v' AND agg IS NOT NULL THEN to_regclass(format('iwddm.agg_%s_15min', agg[1]))
                   END AS source,
                   agg[1] AS area, agg[2] AS bucket
            FROM (SELECT regexp_match(c.relname, '^iwd_agg_(.+)_(15min|30min|hour|day|week|month|qrtr|year)$') AS agg) a
        ) m
        WHERE m.source IS NOT NULL
    LOOP
        FOR col IN
            SELECT a.attname, coalesce(col_description(target.source, s.attnum),
                                       col_description('iwddm.date_time'::regclass, d.attnum)) AS comment
            FROM pg_attribute a
            LEFT JOIN pg_attribute s ON s.attrelid = target.source AND s.attname = a.attname AND NOT s.attisdropped
            LEFT JOIN pg_attribute d ON d.attrelid = 'iwddm.date_time'::regclass AND d.attname = a.attname
            WHERE a.attrelid = target.oid AND a.attnum > 0 AND NOT a.attisdropped
        LOOP
            IF col.comment IS NOT NULL THEN
                EXECUTE format('COMMENT ON COLUMN iwddm.%I.%I IS %L', target.relname, col.attname, col.comment);
            END IF;
        END LOOP;
        IF target.bucket = '15min' THEN
            EXECUTE format('COMMENT ON VIEW iwddm.%I IS %L', target.relname, format(
                'The %s aggregate per 15-minute interval (SPEC §6), keyed by date_time_key: agg_%s_15min over '
                || 'the covered range. A row is absent when all its measures are zero; read absence as zero.',
                target.area, target.area));
        ELSIF target.bucket IS NOT NULL THEN
            EXECUTE format('COMMENT ON VIEW iwddm.%I IS %L', target.relname, format(
                'The %s aggregate per %s bucket in the mart time zone (SPEC §6), keyed by its bucket key: flow '
                || 'measures summed over the bucket''s 15-minute intervals, snapshot measures at the end of its last '
                || 'covered interval. A row is absent when all its measures are zero.',
                target.area, CASE target.bucket WHEN '30min' THEN 'half-hour' WHEN 'qrtr' THEN 'quarter' ELSE target.bucket END));
        END IF;
    END LOOP;
END
$$;
