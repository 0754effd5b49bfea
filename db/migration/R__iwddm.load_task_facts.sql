-- iwddm.load_task_facts(): step 6 of load_staged. Recomputes the task_fact row of every
-- touched task from pg_temp.load_history (SPEC §5): the state after its last event, the
-- timestamps and durations of its whole history. Task attributes that only the feed's task
-- snapshot carries (capture id, customer, custom attributes, ...) come from the last event
-- when it is new in this batch, else they stay as stored. Their keys are member_key() of
-- the natural key (the dimension rows were added by load_dimensions), computed in the final
-- projection so only one row per task pays for the hashing.
CREATE OR REPLACE PROCEDURE iwddm.load_task_facts()
LANGUAGE plpgsql
AS $$
BEGIN
    CREATE TEMP TABLE load_task ON COMMIT DROP AS
    WITH summary AS (
        SELECT interaction_id,
               count(*) AS event_count,
               min(event_ts) AS created_ts,
               max(seq) AS last_seq,
               min(event_ts) FILTER (WHERE starts_work) AS first_assigned_ts,
               max(seq) FILTER (WHERE starts_work) AS last_work_seq,
               coalesce(sum(work_time_sec) FILTER (WHERE ends_work), 0) AS total_work_time_sec,
               coalesce(sum(held_time_sec) FILTER (WHERE ends_hold), 0) AS total_held_time_sec,
               max(event_ts) FILTER (WHERE enters_final AND status_name = 'completed') AS last_completion_ts,
               max(event_ts) FILTER (WHERE enters_final) AS last_final_entry_ts
        FROM pg_temp.load_history GROUP BY interaction_id
    ), slots AS (
        SELECT max(data_key) FILTER (WHERE slot = 1) AS k1, max(data_key) FILTER (WHERE slot = 2) AS k2,
               max(data_key) FILTER (WHERE slot = 3) AS k3, max(data_key) FILTER (WHERE slot = 4) AS k4,
               max(data_key) FILTER (WHERE slot = 5) AS k5, max(data_key) FILTER (WHERE slot = 6) AS k6,
               max(data_key) FILTER (WHERE slot = 7) AS k7, max(data_key) FILTER (WHERE slot = 8) AS k8,
               max(data_key) FILTER (WHERE slot = 9) AS k9, max(data_key) FILTER (WHERE slot = 10) AS k10
        FROM iwddm.custom_attribute_map
    ), task AS (
        SELECT s.*, l.task_event_id AS last_task_event_id, l.event_ts AS last_event_ts,
               l.status_key, l.status_name, l.is_final, l.priority_key, l.queue_key, l.business_value_key,
               l.tenant_key, l.solution_key, l.department_key, l.process_key, l.category_key,
               l.capture_point_key, l.media_type_key, l.due_ts, l.priority, l.business_value,
               coalesce(w.assigned_agent_key, 0) AS last_assigned_agent_key,
               CASE WHEN l.status_name = 'completed' THEN s.last_completion_ts END AS completed_ts,
               CASE WHEN l.is_final THEN s.last_final_entry_ts END AS final_ts,
               l.is_new AS snapshot_is_new,
               e.capture_id AS new_capture_id, e.task_created_ts AS new_task_created_ts,
               e.custom_data AS new_custom_data, e.media_channel_name, e.customer_id, e.customer_segment_name,
               e.product_type, e.product_subtype, e.skill_name, e.result_code_name, e.source_process_type,
               e.source_process_subtype, e.source_tenant_name, e.custom_dim_value
        FROM summary s
        JOIN pg_temp.load_history l ON l.interaction_id = s.interaction_id AND l.seq = s.last_seq
        LEFT JOIN pg_temp.load_history w ON w.interaction_id = s.interaction_id AND w.seq = s.last_work_seq
        LEFT JOIN pg_temp.load_event e ON l.is_new AND e.task_event_id = l.task_event_id
    )
    SELECT t.interaction_id,
           CASE WHEN t.snapshot_is_new THEN t.new_capture_id ELSE o.capture_id END AS capture_id,
           t.last_task_event_id, t.last_event_ts, t.event_count::integer,
           t.status_key AS current_status_key, t.priority_key AS current_priority_key,
           t.queue_key AS current_queue_key, t.business_value_key,
           t.tenant_key, t.solution_key, t.department_key, t.process_key, t.category_key,
           t.capture_point_key, t.media_type_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.media_channel_name) ELSE o.media_channel_key END AS media_channel_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.customer_id) ELSE o.customer_key END AS customer_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.customer_segment_name) ELSE o.customer_segment_key END AS customer_segment_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.product_type, t.product_subtype) ELSE o.product_key END AS product_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.skill_name) ELSE o.skill_key END AS skill_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.result_code_name) ELSE o.result_code_key END AS result_code_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.source_process_type, t.source_process_subtype) ELSE o.source_process_key END AS source_process_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.source_tenant_name) ELSE o.source_tenant_key END AS source_tenant_key,
           CASE WHEN t.snapshot_is_new THEN iwddm.member_key(t.custom_dim_value) ELSE o.custom_dim_key END AS custom_dim_key,
           t.last_assigned_agent_key, t.created_ts, t.first_assigned_ts, t.completed_ts, t.final_ts, t.due_ts,
           CASE WHEN t.snapshot_is_new THEN t.new_task_created_ts ELSE o.task_created_ts END AS task_created_ts,
           t.priority, t.business_value,
           iwddm.whole_seconds(t.created_ts, t.first_assigned_ts) AS assign_time_from_created_sec,
           iwddm.whole_seconds(t.created_ts, t.completed_ts) AS complete_time_from_created_sec,
           t.total_work_time_sec::integer, t.total_held_time_sec::integer,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k1 ELSE o.custom_attribute1 END AS custom_attribute1,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k2 ELSE o.custom_attribute2 END AS custom_attribute2,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k3 ELSE o.custom_attribute3 END AS custom_attribute3,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k4 ELSE o.custom_attribute4 END AS custom_attribute4,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k5 ELSE o.custom_attribute5 END AS custom_attribute5,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k6 ELSE o.custom_attribute6 END AS custom_attribute6,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k7 ELSE o.custom_attribute7 END AS custom_attribute7,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k8 ELSE o.custom_attribute8 END AS custom_attribute8,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k9 ELSE o.custom_attribute9 END AS custom_attribute9,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ->> m.k10 ELSE o.custom_attribute10 END AS custom_attribute10,
           CASE WHEN t.snapshot_is_new THEN t.new_custom_data ELSE o.custom_data END AS custom_data
    FROM task t
    CROSS JOIN slots m
    LEFT JOIN iwddm.i_task_fact o ON o.interaction_id = t.interaction_id;

    DELETE FROM iwddm.i_task_fact f USING pg_temp.load_touched t WHERE f.interaction_id = t.interaction_id;
    INSERT INTO iwddm.i_task_fact (interaction_id, capture_id, last_task_event_id, last_event_ts, event_count,
        current_status_key, current_priority_key, current_queue_key, business_value_key,
        tenant_key, solution_key, department_key, process_key, category_key, capture_point_key, media_type_key,
        media_channel_key, customer_key, customer_segment_key, product_key, skill_key, result_code_key,
        source_process_key, source_tenant_key, custom_dim_key, last_assigned_agent_key,
        created_ts, first_assigned_ts, completed_ts, final_ts, due_ts, task_created_ts, priority, business_value,
        assign_time_from_created_sec, complete_time_from_created_sec, total_work_time_sec, total_held_time_sec,
        custom_attribute1, custom_attribute2, custom_attribute3, custom_attribute4, custom_attribute5,
        custom_attribute6, custom_attribute7, custom_attribute8, custom_attribute9, custom_attribute10,
        custom_data, created_date_key, created_time_key, created_interval,
        first_assigned_date_key, first_assigned_time_key, first_assigned_interval,
        completed_date_key, completed_time_key, completed_interval, due_date_key, due_time_key, due_interval)
    SELECT t.interaction_id, t.capture_id, t.last_task_event_id, t.last_event_ts, t.event_count,
        t.current_status_key, t.current_priority_key, t.current_queue_key, t.business_value_key,
        t.tenant_key, t.solution_key, t.department_key, t.process_key, t.category_key, t.capture_point_key,
        t.media_type_key, t.media_channel_key, t.customer_key, t.customer_segment_key, t.product_key,
        t.skill_key, t.result_code_key, t.source_process_key, t.source_tenant_key, t.custom_dim_key,
        t.last_assigned_agent_key, t.created_ts, t.first_assigned_ts, t.completed_ts, t.final_ts, t.due_ts,
        t.task_created_ts, t.priority, t.business_value,
        t.assign_time_from_created_sec, t.complete_time_from_created_sec, t.total_work_time_sec, t.total_held_time_sec,
        t.custom_attribute1, t.custom_attribute2, t.custom_attribute3, t.custom_attribute4, t.custom_attribute5,
        t.custom_attribute6, t.custom_attribute7, t.custom_attribute8, t.custom_attribute9, t.custom_attribute10,
        t.custom_data,
        iwddm.local_date_key(t.created_ts, c.timezone), iwddm.local_time_key(t.created_ts, c.timezone),
        iwddm.interval_key(t.created_ts),
        iwddm.local_date_key(t.first_assigned_ts, c.timezone), iwddm.local_time_key(t.first_assigned_ts, c.timezone),
        iwddm.interval_key(t.first_assigned_ts),
        iwddm.local_date_key(t.completed_ts, c.timezone), iwddm.local_time_key(t.completed_ts, c.timezone),
        iwddm.interval_key(t.completed_ts),
        iwddm.local_date_key(t.due_ts, c.timezone), iwddm.local_time_key(t.due_ts, c.timezone),
        iwddm.interval_key(t.due_ts)
    FROM pg_temp.load_task t CROSS JOIN iwddm.mart_config c;
END
$$;
