-- iwddm.refresh_task_time_keys(task_table): recompute the date and time keys of every
-- timestamp of a task fact table (i_task_fact or h_task_fact) in the mart time zone.
CREATE OR REPLACE PROCEDURE iwddm.refresh_task_time_keys(task_table regclass)
LANGUAGE plpgsql
AS $$
DECLARE
    tz text := (SELECT timezone FROM iwddm.mart_config);
BEGIN
    IF task_table NOT IN ('iwddm.i_task_fact'::regclass, 'iwddm.h_task_fact'::regclass) THEN
        RAISE EXCEPTION 'refresh_task_time_keys: % is not a task fact table', task_table
            USING HINT = 'Pass iwddm.i_task_fact or iwddm.h_task_fact.';
    END IF;
    EXECUTE format($sql$
        UPDATE %s SET
            created_date_key        = iwddm.local_date_key(created_ts, %L),
            created_time_key        = iwddm.local_time_key(created_ts, %L),
            first_assigned_date_key = iwddm.local_date_key(first_assigned_ts, %L),
            first_assigned_time_key = iwddm.local_time_key(first_assigned_ts, %L),
            completed_date_key      = iwddm.local_date_key(completed_ts, %L),
            completed_time_key      = iwddm.local_time_key(completed_ts, %L),
            due_date_key            = iwddm.local_date_key(due_ts, %L),
            due_time_key            = iwddm.local_time_key(due_ts, %L)
        $sql$, task_table, tz, tz, tz, tz, tz, tz, tz, tz);
END
$$;
