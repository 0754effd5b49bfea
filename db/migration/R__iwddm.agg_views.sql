-- The aggregate views of SPEC §6: iwd_agg_<area>_15min reads the physical 15-minute table;
-- the coarser ones (_30min, _hour, _day, _week, _month, _qrtr, _year) sum flow measures over
-- the bucket and take snapshot measures at the end of the bucket's last covered 15-minute
-- interval (the covered range ends at the latest loaded event). Buckets follow the mart time
-- zone through iwddm.date_time, so days of 92 or 100 intervals come out right.
-- The day and coarser views also read agg_<area>_day: the days whose 15-minute rows a purge
-- removed, kept as one row per group at the day's last interval (docs/retention.md), so
-- they sum and take snapshots exactly as the 15-minute rows did.
-- Generated from iwddm.agg_area; dropped and recreated when this file changes.
SET LOCAL client_min_messages = warning;
DO $$
DECLARE
    a       record;
    b       record;
    groups  text;
    flows   text;
    snaps   text;
BEGIN
    FOR a IN SELECT * FROM iwddm.agg_area LOOP
        SELECT string_agg(format('a.%I', g), ', ') INTO groups FROM unnest(a.group_columns) g;
        SELECT string_agg(format('sum(a.%I)::bigint AS %I', m, m), ', ') INTO flows FROM unnest(a.flow_measures) m;
        SELECT string_agg(format('coalesce(sum(a.%I) FILTER (WHERE a.date_time_key = l.last_key), 0)::bigint AS %I', m, m), ', ')
          INTO snaps FROM unnest(a.snapshot_measures) m;

        EXECUTE format('DROP VIEW IF EXISTS iwddm.%I', 'iwd_agg_' || a.area || '_15min');
        EXECUTE format('CREATE VIEW iwddm.%I AS SELECT a.date_time_key, %s, %s FROM iwddm.%I a',
                       'iwd_agg_' || a.area || '_15min', groups,
                       (SELECT string_agg(format('a.%I', m), ', ') FROM unnest(a.flow_measures || a.snapshot_measures) m),
                       'agg_' || a.area || '_15min');

        FOR b IN SELECT * FROM (VALUES ('30min', 'date_time_30min_key'), ('hour', 'date_time_hour_key'),
                                       ('day', 'date_time_day_key'), ('week', 'date_time_week_key'),
                                       ('month', 'date_time_month_key'), ('qrtr', 'date_time_quarter_key'),
                                       ('year', 'date_time_year_key')) AS v(suffix, bucket_key) LOOP
            EXECUTE format('DROP VIEW IF EXISTS iwddm.%I', 'iwd_agg_' || a.area || '_' || b.suffix);
            EXECUTE format($sql$
                CREATE VIEW iwddm.%1$I AS
                SELECT d.%2$I, %3$s
                FROM %4$s a
                JOIN iwddm.date_time d USING (date_time_key)
                JOIN (SELECT dt.%2$I, max(dt.date_time_key) AS last_key
                      FROM iwddm.date_time dt, iwddm.mart_config c
                      WHERE dt.date_time_key BETWEEN c.agg_from AND c.agg_to
                      GROUP BY dt.%2$I) l USING (%2$I)
                GROUP BY d.%2$I, %5$s $sql$,
                'iwd_agg_' || a.area || '_' || b.suffix, b.bucket_key,
                concat_ws(', ', groups, flows, snaps),
                CASE WHEN b.suffix IN ('30min', 'hour') THEN format('iwddm.%I', 'agg_' || a.area || '_15min')
                     ELSE format('(SELECT * FROM iwddm.%I UNION ALL SELECT * FROM iwddm.%I)',
                                 'agg_' || a.area || '_15min', 'agg_' || a.area || '_day') END,
                groups);
        END LOOP;
    END LOOP;
END
$$;

-- Recreated views lost their comments: copy them again (on a new database the procedure comes
-- later, and R__iwddm.schema_comments.sql calls it).
DO $$
BEGIN
    IF to_regprocedure('iwddm.copy_comments()') IS NOT NULL THEN
        CALL iwddm.copy_comments();
    END IF;
END
$$;
