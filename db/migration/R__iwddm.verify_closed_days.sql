-- iwddm.verify_closed_days(run_id, chain) -> (days, differences): the historical chain's check of
-- the aggregates. When mart_config.verify_closed_days is on, runs iwddm.verify_aggregates on
-- every local day closed since mart_config.verified_through (the day before the first open
-- one, as iwddm.run_historical counts them; at most the last 7, none before the first loaded
-- event), writes one etl_audit row per day (entry_kind 'verify', run_status 'succeeded' or
-- 'differences', differences = the count, message naming the differing measures) and
-- advances verified_through. Returns how many days were verified and the differences found
-- (both null when the setting is off or no day was due). Changes no aggregate.
CREATE OR REPLACE FUNCTION iwddm.verify_closed_days(run_id uuid DEFAULT NULL, chain text DEFAULT NULL,
                                                    OUT days integer, OUT differences bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    cfg      iwddm.mart_config;
    last_day date;
    day      date;
    started  timestamptz;
    found_n  bigint;
    detail   text;
BEGIN
    SELECT * INTO cfg FROM iwddm.mart_config;
    IF NOT cfg.verify_closed_days OR cfg.last_event_ts IS NULL THEN
        RETURN;
    END IF;
    last_day := (date_trunc('day', cfg.last_event_ts - cfg.close_grace, cfg.timezone) AT TIME ZONE cfg.timezone)::date - 1;
    day := greatest(coalesce(cfg.verified_through + 1, last_day), last_day - 6,
                    (to_timestamp(cfg.agg_from) AT TIME ZONE cfg.timezone)::date);
    WHILE day <= last_day LOOP
        started := clock_timestamp();
        SELECT coalesce(sum(d.n), 0), string_agg(d.what || ' ' || d.n, ', ' ORDER BY d.what)
          INTO found_n, detail
          FROM (SELECT v.area || '.' || v.measure AS what, count(*) AS n
                  FROM iwddm.verify_aggregates(day::timestamp AT TIME ZONE cfg.timezone,
                                               (day + 1)::timestamp AT TIME ZONE cfg.timezone - interval '1 microsecond') v
                 GROUP BY 1) d;
        INSERT INTO iwddm.etl_audit (run_id, entry_kind, execution_chain, run_status, started_at, finished_at, differences, message)
        VALUES (run_id, 'verify', chain, CASE WHEN found_n = 0 THEN 'succeeded' ELSE 'differences' END, started,
                clock_timestamp(), found_n,
                format('verified the aggregates of %s (%s): %s differing values%s', day, cfg.timezone, found_n,
                       CASE WHEN found_n > 0 THEN ' (' || detail || '); repair with CALL iwddm.rebuild_aggregates('
                            || quote_literal(day || ' 00:00 ' || cfg.timezone) || ', '
                            || quote_literal(day || ' 23:59:59.999999 ' || cfg.timezone) || ')'
                            ELSE '' END));
        days := coalesce(days, 0) + 1;
        differences := coalesce(differences, 0) + found_n;
        day := day + 1;
    END LOOP;
    IF days IS NOT NULL THEN
        UPDATE iwddm.mart_config SET verified_through = last_day;
    END IF;
END
$$;
