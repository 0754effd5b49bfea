-- iwddm.verify_aggregates(from_ts, to_ts): checks the stored 15-minute aggregates of every area
-- for the intervals holding from_ts .. to_ts (clipped to the covered range) against a fresh
-- computation from the event facts, and returns one row per differing value:
--   SELECT * FROM iwddm.verify_aggregates('2026-11-20 00:00+01', '2026-11-20 23:59:59+01');
-- Contract: trusts neither the stored flows nor the stored aggregates. The tasks that can count
-- in the range (created before its end, not final before its start) have their flows rebuilt
-- from their whole event history into temp tables (iwddm.build_task_history / build_task_flows,
-- as the load does); flow measures are compared at their interval, snapshot measures as those
-- flows' running sums. Writes nothing but temp tables: repair differences with
-- iwddm.rebuild_aggregates over the same range. Coarser buckets are views over the 15-minute
-- rows, so a clean 15-minute range means clean views.
-- Takes the load lock shared: waits for a running load, and a load waits for it.
-- Cost follows the tasks that can count in the range, like rebuild_aggregates (docs/aggregates.md).
CREATE OR REPLACE FUNCTION iwddm.verify_aggregates(from_ts timestamptz, to_ts timestamptz)
RETURNS TABLE (area text, date_time_key bigint, interval_start timestamptz, group_keys jsonb, measure text,
               stored bigint, recomputed bigint)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    cfg      iwddm.mart_config;
    from_key bigint;
    to_key   bigint;
    a        iwddm.agg_area;
BEGIN
    IF from_ts IS NULL OR to_ts IS NULL OR from_ts > to_ts THEN
        RAISE EXCEPTION 'verify_aggregates: invalid range % .. %', from_ts, to_ts
            USING HINT = 'Pass two timestamps with from_ts <= to_ts, e.g. (''2026-11-20 00:00+01'', ''2026-11-20 23:59:59+01'').';
    END IF;
    IF to_regclass('pg_temp.load_touched') IS NOT NULL THEN
        RAISE EXCEPTION 'verify_aggregates: a load or rebuild is still open in this transaction'
            USING HINT = 'Run verify_aggregates in a transaction of its own, or after the load commits.';
    END IF;
    LOCK TABLE iwddm.load_lock IN SHARE MODE;  -- waits for a load in progress; loads wait for it
    SELECT * INTO cfg FROM iwddm.mart_config;
    from_key := greatest(iwddm.interval_key(from_ts), cfg.agg_from);
    to_key := least(iwddm.interval_key(to_ts), cfg.agg_to);
    IF from_key IS NULL OR from_key > to_key THEN
        RETURN;
    END IF;

    CREATE TEMP TABLE load_touched ON COMMIT DROP AS
    SELECT f.interaction_id FROM iwddm.task_fact f
    WHERE f.created_ts < to_timestamp(to_key + 900)
      AND NOT (f.last_event_ts < to_timestamp(from_key) AND f.final_ts IS NOT NULL);
    CREATE TEMP TABLE load_new_fact ON COMMIT DROP AS
    SELECT e.task_event_id, e.interaction_id, e.task_event_type_key, e.event_ts, e.event_interval, e.event_date_key,
           e.event_time_key, e.status_key, e.priority_key, e.business_value_key, e.queue_key, e.assigned_agent_key,
           e.priority, e.business_value, e.due_ts, e.tenant_key, e.solution_key, e.department_key, e.process_key,
           e.category_key, e.capture_point_key, e.media_type_key
    FROM iwddm.i_task_event_fact e WHERE false;
    CALL iwddm.build_task_history();
    CALL iwddm.build_task_flows(cfg.agg_to);

    FOR a IN SELECT * FROM iwddm.agg_area ORDER BY 1 LOOP
        RETURN QUERY EXECUTE iwddm.verify_area_sql(a, from_key, to_key);
    END LOOP;
    CALL iwddm.drop_task_flows();
    DROP TABLE pg_temp.load_touched, pg_temp.load_new_fact, pg_temp.load_history;
END
$$;
