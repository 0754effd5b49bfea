-- iwddm.load_task_histories(): step 5 of load_staged. Builds the whole history of every
-- touched task (iwddm.build_task_history), then writes what follows from it: the new event
-- facts, changed queue/work/held columns of stored event facts, and the tasks' work facts
-- (one per assignment).
CREATE OR REPLACE PROCEDURE iwddm.load_task_histories()
LANGUAGE plpgsql
AS $$
BEGIN
    CALL iwddm.build_task_history();

    INSERT INTO iwddm.i_task_event_fact (task_event_id, interaction_id, task_event_type_key, event_ts,
        event_interval, event_date_key, event_time_key, status_key, priority_key, business_value_key,
        queue_key, entered_queue_key, exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec,
        priority, business_value, due_ts, tenant_key, solution_key, department_key, process_key,
        category_key, capture_point_key, media_type_key)
    SELECT task_event_id, interaction_id, task_event_type_key, event_ts,
        event_interval, event_date_key, event_time_key, status_key, priority_key, business_value_key,
        queue_key, entered_queue_key, exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec,
        priority, business_value, due_ts, tenant_key, solution_key, department_key, process_key,
        category_key, capture_point_key, media_type_key
    FROM pg_temp.load_history WHERE is_new;

    UPDATE iwddm.i_task_event_fact f
    SET entered_queue_key = h.entered_queue_key, exited_queue_key = h.exited_queue_key,
        work_time_sec = h.work_time_sec, held_time_sec = h.held_time_sec
    FROM pg_temp.load_history h
    WHERE NOT h.is_new AND f.task_event_id = h.task_event_id
      AND (f.entered_queue_key, f.exited_queue_key, f.work_time_sec, f.held_time_sec)
          IS DISTINCT FROM (h.entered_queue_key, h.exited_queue_key, h.work_time_sec, h.held_time_sec);

    DELETE FROM iwddm.i_task_work_fact w USING pg_temp.load_touched t WHERE w.interaction_id = t.interaction_id;
    INSERT INTO iwddm.i_task_work_fact (assign_task_event_id, interaction_id, finish_task_event_id,
        assigned_agent_key, assign_ts, finish_ts, assign_interval, finish_interval, work_time_sec, is_abandon)
    SELECT s.task_event_id, s.interaction_id, e.task_event_id, s.assigned_agent_key, s.event_ts, e.event_ts,
           s.event_interval, e.event_interval, e.work_time_sec,
           CASE WHEN e.task_event_id IS NULL THEN NULL WHEN e.status_name = 'completed' THEN 0 ELSE 1 END
    FROM pg_temp.load_history s
    LEFT JOIN pg_temp.load_history e
           ON e.interaction_id = s.interaction_id AND e.ends_work AND e.open_work_seq = s.seq
    WHERE s.starts_work;
END
$$;
