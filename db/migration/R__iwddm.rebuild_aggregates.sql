-- iwddm.rebuild_aggregates(from_ts, to_ts): recomputes the 15-minute aggregates of every
-- area for the intervals holding from_ts .. to_ts (clipped to the covered range) from the
-- facts, trusting nothing stored for that range. For repairs (see docs/aggregates.md):
--   CALL iwddm.rebuild_aggregates('2026-11-01', '2026-11-30');
-- Contract: the tasks that can count in the range (created before its end, not final
-- before its start) get their flows recomputed from their full event history; then each
-- area's rows in the range are rebuilt from all stored flows (snapshot measures = every
-- flow up to the interval). Takes the load lock. Cost grows with the range and its tasks.
CREATE OR REPLACE PROCEDURE iwddm.rebuild_aggregates(from_ts timestamptz, to_ts timestamptz)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    cfg       iwddm.mart_config;
    from_key  bigint;
    to_key    bigint;
    area_name text;
BEGIN
    IF from_ts IS NULL OR to_ts IS NULL OR from_ts > to_ts THEN
        RAISE EXCEPTION 'rebuild_aggregates: invalid range % .. %', from_ts, to_ts
            USING HINT = 'Pass two timestamps with from_ts <= to_ts, e.g. (''2026-11-01'', ''2026-11-30'').';
    END IF;
    PERFORM iwddm.refuse_purged_range('rebuild_aggregates', from_ts);
    LOCK TABLE iwddm.load_lock IN EXCLUSIVE MODE;
    SELECT * INTO cfg FROM iwddm.mart_config;
    from_key := greatest(iwddm.interval_key(from_ts), cfg.agg_from);
    to_key := least(iwddm.interval_key(to_ts), cfg.agg_to);
    IF from_key IS NULL OR from_key > to_key THEN
        RAISE NOTICE 'rebuild_aggregates: nothing loaded in % .. %', from_ts, to_ts;
        RETURN;
    END IF;

    CREATE TEMP TABLE load_touched ON COMMIT DROP AS
    SELECT interaction_id FROM iwddm.task_fact
    WHERE created_ts < to_timestamp(to_key + 900)
      AND NOT (last_event_ts < to_timestamp(from_key) AND final_ts IS NOT NULL);
    CALL iwddm.build_task_history();
    CALL iwddm.build_task_flows(cfg.agg_to);
    FOR area_name IN SELECT area FROM iwddm.agg_area ORDER BY area LOOP
        CALL iwddm.rebuild_area_range(area_name, from_key, to_key);
    END LOOP;
    CALL iwddm.store_age_open();
    CALL iwddm.drop_task_flows();
    DROP TABLE pg_temp.load_touched, pg_temp.load_new_fact, pg_temp.load_history;
END
$$;
