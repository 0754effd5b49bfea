-- iwddm.run_historical(moved): the historical chain's work (SPEC §1, §3). Moves every final
-- task whose last event lies in a closed day (the mart has loaded events past that day's
-- end plus mart_config.close_grace, in the mart time zone) from the intraday i_ fact tables
-- to the historical h_ ones, with its event and work rows; extends the calendar a week
-- ahead; refreshes planner statistics of the i_ tables when tasks moved. The blended views
-- and the aggregates do not change.
-- A later event for a moved task moves it back (iwddm.load_reactivate_tasks).
-- Returns how many tasks moved. Takes the load lock; idempotent. The job's historical step
-- then calls iwddm.purge_expired, which removes from the h_ tables what retention no longer
-- keeps (docs/retention.md); a DBA running this by hand calls it too.
CREATE OR REPLACE PROCEDURE iwddm.run_historical(INOUT moved integer DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    cfg    iwddm.mart_config;
    cutoff timestamptz;
BEGIN
    LOCK TABLE iwddm.load_lock IN EXCLUSIVE MODE;
    SELECT * INTO cfg FROM iwddm.mart_config;
    moved := 0;
    IF cfg.last_event_ts IS NULL THEN
        RETURN;
    END IF;
    -- Days ending at or before the cutoff are closed.
    cutoff := date_trunc('day', cfg.last_event_ts - cfg.close_grace, cfg.timezone);

    CREATE TEMP TABLE historical_task ON COMMIT DROP AS
    SELECT f.interaction_id FROM iwddm.i_task_fact f JOIN iwddm.status s ON s.status_key = f.current_status_key
    WHERE s.is_final AND f.last_event_ts < cutoff;
    WITH gone AS (DELETE FROM iwddm.i_task_fact f USING pg_temp.historical_task t
                  WHERE f.interaction_id = t.interaction_id RETURNING f.*)
    INSERT INTO iwddm.h_task_fact SELECT * FROM gone;
    GET DIAGNOSTICS moved = ROW_COUNT;
    WITH gone AS (DELETE FROM iwddm.i_task_event_fact f USING pg_temp.historical_task t
                  WHERE f.interaction_id = t.interaction_id RETURNING f.*)
    INSERT INTO iwddm.h_task_event_fact SELECT * FROM gone;
    WITH gone AS (DELETE FROM iwddm.i_task_work_fact f USING pg_temp.historical_task t
                  WHERE f.interaction_id = t.interaction_id RETURNING f.*)
    INSERT INTO iwddm.h_task_work_fact SELECT * FROM gone;
    DROP TABLE pg_temp.historical_task;

    CALL iwddm.extend_calendar(cfg.last_event_ts, cfg.last_event_ts + interval '7 days');
    -- A move empties much of the i_ tables at once, faster than autovacuum notices. With
    -- nothing moved (most runs) the statistics still hold, and sampling ~30,000 rows of
    -- each table would be most of an idle run's time.
    IF moved > 0 THEN
        ANALYZE iwddm.i_task_fact;
        ANALYZE iwddm.i_task_event_fact;
        ANALYZE iwddm.i_task_work_fact;
    END IF;
END
$$;
