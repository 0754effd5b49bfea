-- iwddm.build_task_history(): the whole history of every task in pg_temp.load_touched
-- (its stored events, intraday or historical, plus the batch's new ones in
-- pg_temp.load_new_fact), ordered by
-- event_ts then id, into pg_temp.load_history: one row per event with the state after it
-- and the flags of SPEC §5 (assignment / hold starts and ends, entries into a final status
-- and into a queue), when the open assignment, hold and queue stay began, the next event's
-- interval (where the state after this event stops holding; null after the last event) and the
-- task's creation time.
-- Used by the load and by rebuild_aggregates; writes nothing.
CREATE OR REPLACE PROCEDURE iwddm.build_task_history()
LANGUAGE plpgsql
AS $$
BEGIN
    IF to_regclass('pg_temp.load_touched') IS NULL THEN
        RAISE EXCEPTION 'iwddm.build_task_history() needs the tasks to read in pg_temp.load_touched'
            USING HINT = 'It is a step of iwddm.load_staged and iwddm.rebuild_aggregates; call those instead.';
    END IF;
    -- Callers that only recompute stored tasks (rebuild_aggregates) have no new events.
    IF to_regclass('pg_temp.load_new_fact') IS NULL THEN
        CREATE TEMP TABLE load_new_fact ON COMMIT DROP AS
        SELECT task_event_id, interaction_id, task_event_type_key, event_ts, event_interval,
               event_date_key, event_time_key, status_key, priority_key, business_value_key,
               queue_key, assigned_agent_key, priority, business_value, due_ts,
               tenant_key, solution_key, department_key, process_key, category_key,
               capture_point_key, media_type_key
        FROM iwddm.i_task_event_fact WHERE false;
    END IF;
    -- Only the columns the rules of SPEC §5 and §6 read: the windows sort every column they
    -- carry. The task snapshot of an event (customer, custom attributes, ...) stays in the event
    -- fact, or in load_new_fact for a new event, and is joined where a row needs it.
    CREATE TEMP TABLE load_history ON COMMIT DROP AS
    -- The stored events are looked up task by task in i_ and h_ (OFFSET 0 keeps each lookup a
    -- lookup): joined as sets, the planner misjudged how many rows match and scanned whole
    -- fact tables, a cost that grows with the mart instead of with the batch (issue 14).
    WITH stored AS (
        SELECT f.* FROM pg_temp.load_touched t
        CROSS JOIN LATERAL (SELECT * FROM iwddm.i_task_event_fact i WHERE i.interaction_id = t.interaction_id OFFSET 0) f
        UNION ALL
        SELECT f.* FROM pg_temp.load_touched t
        CROSS JOIN LATERAL (SELECT * FROM iwddm.h_task_event_fact h WHERE h.interaction_id = t.interaction_id OFFSET 0) f
    ), history AS (
        SELECT task_event_id, interaction_id, task_event_type_key, event_ts, event_interval,
               event_date_key, event_time_key, status_key, priority_key, business_value_key,
               queue_key, assigned_agent_key, priority, business_value, due_ts,
               tenant_key, solution_key, department_key, process_key, category_key,
               capture_point_key, media_type_key, false AS is_new
        FROM stored
        UNION ALL
        SELECT task_event_id, interaction_id, task_event_type_key, event_ts, event_interval,
               event_date_key, event_time_key, status_key, priority_key, business_value_key,
               queue_key, assigned_agent_key, priority, business_value, due_ts,
               tenant_key, solution_key, department_key, process_key, category_key,
               capture_point_key, media_type_key, true
        FROM pg_temp.load_new_fact n
    ), flagged AS (
        SELECT h.*, s.status_name, s.is_final, s.is_held, s.status_name = 'assigned' AS is_assigned,
               row_number() OVER w AS seq,
               lag(h.queue_key) OVER w AS prev_queue_key,
               coalesce(lag(s.is_final) OVER w, false) AS prev_final,
               coalesce(lag(s.is_held) OVER w, false) AS prev_held,
               coalesce(lag(s.status_name = 'assigned') OVER w, false) AS prev_assigned,
               lag(h.assigned_agent_key) OVER w AS prev_agent_key,
               lead(h.event_interval) OVER w AS next_interval,
               first_value(h.event_ts) OVER w AS first_event_ts
        FROM history h JOIN iwddm.status s USING (status_key)
        WINDOW w AS (PARTITION BY h.interaction_id ORDER BY h.event_ts, h.task_event_id)
    ), marked AS (
        SELECT f.*,
               f.is_assigned AND NOT (f.prev_assigned AND f.prev_agent_key = f.assigned_agent_key) AS starts_work,
               f.prev_assigned AND NOT (f.is_assigned AND f.prev_agent_key = f.assigned_agent_key) AS ends_work,
               f.is_held AND NOT f.prev_held AS starts_hold,
               f.prev_held AND NOT f.is_held AS ends_hold,
               f.is_final AND NOT f.prev_final AS enters_final,
               f.seq = 1 OR f.prev_queue_key <> f.queue_key AS enters_queue
        FROM flagged f
    ), running AS (
        -- The assignment / hold open before each event: the latest start among earlier events.
        SELECT m.*,
               max(CASE WHEN m.starts_work THEN m.seq END) OVER before AS open_work_seq,
               max(CASE WHEN m.starts_work THEN m.event_ts END) OVER before AS open_work_ts,
               max(CASE WHEN m.starts_hold THEN m.event_ts END) OVER before AS open_hold_ts,
               max(CASE WHEN m.enters_queue THEN m.event_ts END) OVER before AS open_queue_ts
        FROM marked m
        WINDOW before AS (PARTITION BY m.interaction_id ORDER BY m.event_ts, m.task_event_id
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    )
    SELECT r.*,
           CASE WHEN r.enters_queue THEN r.queue_key END AS entered_queue_key,
           CASE WHEN r.seq > 1 AND r.prev_queue_key <> r.queue_key THEN r.prev_queue_key END AS exited_queue_key,
           CASE WHEN r.ends_work THEN iwddm.whole_seconds(r.open_work_ts, r.event_ts) ELSE 0 END AS work_time_sec,
           CASE WHEN r.ends_hold THEN iwddm.whole_seconds(r.open_hold_ts, r.event_ts) ELSE 0 END AS held_time_sec
    FROM running r;
    -- Statistics (and the row count) only for the columns the readers join on: a full ANALYZE
    -- cost ~85 ms a page, as much as building the table, and each column ~2 ms.
    ANALYZE pg_temp.load_history (task_event_id, interaction_id, seq, is_new);
END
$$;
