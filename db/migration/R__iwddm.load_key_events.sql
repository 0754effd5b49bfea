-- iwddm.load_key_events(): step 3 of load_staged. Turns the batch's new events
-- (pg_temp.load_event) into task_event_fact rows with every dimension key resolved, in
-- pg_temp.load_new_fact; history-derived columns (queue entries, work and held time) are
-- filled later from the task's whole history. Also lists the touched tasks (pg_temp.load_touched).
CREATE OR REPLACE PROCEDURE iwddm.load_key_events()
LANGUAGE plpgsql
AS $$
DECLARE
    tz text := (SELECT timezone FROM iwddm.mart_config);
BEGIN
    CREATE TEMP TABLE load_new_fact ON COMMIT DROP AS
    SELECT e.task_event_id, e.interaction_id, coalesce(et.task_event_type_key, 0) AS task_event_type_key,
           e.event_ts, iwddm.interval_key(e.event_ts) AS event_interval,
           iwddm.local_date_key(e.event_ts, tz) AS event_date_key,
           iwddm.local_time_key(e.event_ts, tz) AS event_time_key,
           s.status_key, pb.priority_key, bb.business_value_key,
           coalesce(q.queue_key, 0) AS queue_key, coalesce(a.agent_key, 0) AS assigned_agent_key,
           e.priority, e.business_value, e.due_ts,
           g.tenant_key, g.solution_key, g.department_key, g.process_key, g.category_key,
           coalesce(cp.capture_point_key, 0) AS capture_point_key,
           coalesce(mt.media_type_key, 0) AS media_type_key
    FROM pg_temp.load_event e
    JOIN pg_temp.load_group g USING (tenant_runtime_id, solution_runtime_id, category_levels)
    JOIN iwddm.status s USING (status_name)
    JOIN iwddm.priority pb
      ON CASE WHEN e.priority IS NULL THEN pb.priority_key = 0
              ELSE pb.priority_key <> 0 AND e.priority BETWEEN coalesce(pb.lower_value, e.priority)
                                                           AND coalesce(pb.upper_value, e.priority) END
    JOIN iwddm.business_value bb
      ON CASE WHEN e.business_value IS NULL THEN bb.business_value_key = 0
              ELSE bb.business_value_key <> 0 AND e.business_value BETWEEN coalesce(bb.lower_value, e.business_value)
                                                                       AND coalesce(bb.upper_value, e.business_value) END
    LEFT JOIN iwddm.task_event_type et USING (task_event_type_name)
    LEFT JOIN iwddm.queue q USING (queue_name)
    LEFT JOIN iwddm.agent a USING (employee_id)
    LEFT JOIN iwddm.capture_point cp USING (capture_point_runtime_id)
    LEFT JOIN iwddm.media_type mt USING (media_type_name);

    CREATE TEMP TABLE load_touched (interaction_id text PRIMARY KEY) ON COMMIT DROP;
    INSERT INTO pg_temp.load_touched SELECT DISTINCT interaction_id FROM pg_temp.load_new_fact;
    ANALYZE pg_temp.load_new_fact;
    ANALYZE pg_temp.load_touched;
END
$$;
