-- iwddm.load_task_histories(): step 5 of load_staged. Reads the whole history of every
-- touched task (stored events plus the batch's new ones, ordered by event_ts then id) into
-- pg_temp.load_history with the state flags of SPEC §5, then writes what follows from it:
-- the new event facts, changed queue/work/held columns of stored event facts, and the
-- tasks' work facts (one per assignment).
CREATE OR REPLACE PROCEDURE iwddm.load_task_histories()
LANGUAGE plpgsql
AS $$
BEGIN
    CREATE TEMP TABLE load_history ON COMMIT DROP AS
    WITH history AS (
        SELECT f.task_event_id, f.interaction_id, f.task_event_type_key, f.event_ts, f.event_interval,
               f.event_date_key, f.event_time_key, f.status_key, f.priority_key, f.business_value_key,
               f.queue_key, f.assigned_agent_key, f.priority, f.business_value, f.due_ts,
               f.tenant_key, f.solution_key, f.department_key, f.process_key, f.category_key,
               f.capture_point_key, f.media_type_key, false AS is_new
        FROM iwddm.i_task_event_fact f
        WHERE f.interaction_id IN (SELECT interaction_id FROM pg_temp.load_touched)
        UNION ALL
        SELECT n.*, true FROM pg_temp.load_new_fact n
    ), flagged AS (
        SELECT h.*, s.status_name, s.is_final, s.is_held, s.status_name = 'assigned' AS is_assigned,
               row_number() OVER w AS seq,
               lag(h.queue_key) OVER w AS prev_queue_key,
               coalesce(lag(s.is_final) OVER w, false) AS prev_final,
               coalesce(lag(s.is_held) OVER w, false) AS prev_held,
               coalesce(lag(s.status_name = 'assigned') OVER w, false) AS prev_assigned,
               lag(h.assigned_agent_key) OVER w AS prev_agent_key
        FROM history h JOIN iwddm.status s USING (status_key)
        WINDOW w AS (PARTITION BY h.interaction_id ORDER BY h.event_ts, h.task_event_id)
    ), marked AS (
        SELECT f.*,
               f.is_assigned AND NOT (f.prev_assigned AND f.prev_agent_key = f.assigned_agent_key) AS starts_work,
               f.prev_assigned AND NOT (f.is_assigned AND f.prev_agent_key = f.assigned_agent_key) AS ends_work,
               f.is_held AND NOT f.prev_held AS starts_hold,
               f.prev_held AND NOT f.is_held AS ends_hold,
               f.is_final AND NOT f.prev_final AS enters_final
        FROM flagged f
    ), running AS (
        -- The assignment / hold open before each event: the latest start among earlier events.
        SELECT m.*,
               max(CASE WHEN m.starts_work THEN m.seq END) OVER before AS open_work_seq,
               max(CASE WHEN m.starts_work THEN m.event_ts END) OVER before AS open_work_ts,
               max(CASE WHEN m.starts_hold THEN m.event_ts END) OVER before AS open_hold_ts
        FROM marked m
        WINDOW before AS (PARTITION BY m.interaction_id ORDER BY m.event_ts, m.task_event_id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    )
    SELECT r.*,
           CASE WHEN r.seq = 1 OR r.prev_queue_key <> r.queue_key THEN r.queue_key END AS entered_queue_key,
           CASE WHEN r.seq > 1 AND r.prev_queue_key <> r.queue_key THEN r.prev_queue_key END AS exited_queue_key,
           CASE WHEN r.ends_work THEN iwddm.whole_seconds(r.open_work_ts, r.event_ts) ELSE 0 END AS work_time_sec,
           CASE WHEN r.ends_hold THEN iwddm.whole_seconds(r.open_hold_ts, r.event_ts) ELSE 0 END AS held_time_sec
    FROM running r;
    ANALYZE pg_temp.load_history;

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
