-- iwddm.load_task_facts(): step 6 of load_staged. Recomputes the task_fact row of every
-- touched task from pg_temp.load_history (SPEC §5, §3.1): the state and the task snapshot
-- (pg_temp.load_snapshot) after its last event, the timestamps and durations of its whole
-- history, and the date, time and interval keys of each timestamp in the mart time zone. Only
-- custom_data (the raw task.data object, not kept per event) comes from the last event when
-- it is new in this batch and otherwise stays as stored. iwddm.merge_fact_rows writes the rows: a task whose values did
-- not change keeps its row and its updated_etl_audit_key.
CREATE OR REPLACE PROCEDURE iwddm.load_task_facts()
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key bigint := iwddm.batch_audit_key('load_task_facts');
    tz        text := (SELECT timezone FROM iwddm.mart_config);
    tz_key    integer := (SELECT timezone_key FROM iwddm.timezone
                          WHERE timezone_name = (SELECT timezone FROM iwddm.mart_config));
BEGIN
    CREATE TEMP TABLE load_task ON COMMIT DROP AS
    WITH summary AS (
        SELECT interaction_id,
               count(*) AS event_count,
               min(event_ts) AS created_ts,
               max(seq) AS last_seq,
               min(event_ts) FILTER (WHERE starts_work) AS first_assigned_ts,
               -- the agent of the last assignment start: seq is unique in a task, so the
               -- greatest [seq, agent] pair carries it (no second join with the history)
               (max(ARRAY[seq, assigned_agent_key]) FILTER (WHERE starts_work))[2] AS last_work_agent_key,
               coalesce(sum(work_time_sec) FILTER (WHERE ends_work), 0) AS total_work_time_sec,
               coalesce(sum(held_time_sec) FILTER (WHERE ends_hold), 0) AS total_held_time_sec,
               max(event_ts) FILTER (WHERE enters_final AND status_name = 'completed') AS last_completion_ts,
               max(event_ts) FILTER (WHERE enters_final) AS last_final_entry_ts
        FROM pg_temp.load_history GROUP BY interaction_id
    ), task AS (
        SELECT l.*, a.capture_id, a.task_created_ts, a.activation_ts, a.activation_date_key, a.activation_time_key,
               a.due_date_key, a.due_time_key, a.source_created_ts, a.source_first_created_ts, a.media_channel_key,
               a.customer_key, a.customer_segment_key, a.product_key, a.requested_skill_key, a.requested_agent_key,
               a.result_code_key, a.source_process_key, a.source_tenant_key, a.custom_dim_key,
               a.custom_attribute1, a.custom_attribute2, a.custom_attribute3, a.custom_attribute4, a.custom_attribute5,
               a.custom_attribute6, a.custom_attribute7, a.custom_attribute8, a.custom_attribute9, a.custom_attribute10,
               s.event_count, s.created_ts, s.first_assigned_ts, s.total_work_time_sec, s.total_held_time_sec,
               coalesce(s.last_work_agent_key, 0) AS last_assigned_agent_key,
               CASE WHEN l.status_name = 'completed' THEN s.last_completion_ts END AS completed_ts,
               CASE WHEN l.is_final THEN s.last_final_entry_ts END AS final_ts,
               -- looked up only for a task whose last event is not new (a few per page)
               CASE WHEN l.is_new THEN e.custom_data
                    ELSE (SELECT o.custom_data FROM iwddm.i_task_fact o WHERE o.interaction_id = s.interaction_id)
               END AS custom_data
        FROM summary s
        JOIN pg_temp.load_history l ON l.interaction_id = s.interaction_id AND l.seq = s.last_seq
        JOIN pg_temp.load_snapshot a ON a.task_event_id = l.task_event_id
        LEFT JOIN pg_temp.load_event e ON l.is_new AND e.task_event_id = l.task_event_id
    )
    SELECT t.interaction_id, t.capture_id, t.task_event_id AS last_task_event_id, t.event_ts AS last_event_ts,
           t.event_count::integer,
           t.status_key AS current_status_key, t.priority_key AS current_priority_key,
           t.queue_key AS current_queue_key, t.business_value_key,
           t.tenant_key, t.solution_key, t.department_key, t.process_key, t.category_key,
           t.capture_point_key, t.media_type_key, t.media_channel_key, t.customer_key, t.customer_segment_key,
           t.product_key, t.requested_skill_key AS skill_key, t.result_code_key, t.source_process_key,
           t.source_tenant_key, t.custom_dim_key,
           t.last_assigned_agent_key, t.created_ts, t.first_assigned_ts, t.completed_ts, t.final_ts, t.due_ts,
           t.task_created_ts, t.priority, t.business_value,
           iwddm.whole_seconds(t.created_ts, t.first_assigned_ts) AS assign_time_from_created_sec,
           iwddm.whole_seconds(t.created_ts, t.completed_ts) AS complete_time_from_created_sec,
           t.total_work_time_sec::integer, t.total_held_time_sec::integer,
           t.custom_attribute1, t.custom_attribute2, t.custom_attribute3, t.custom_attribute4, t.custom_attribute5,
           t.custom_attribute6, t.custom_attribute7, t.custom_attribute8, t.custom_attribute9, t.custom_attribute10,
           t.custom_data,
           iwddm.local_date_key(t.created_ts, tz) AS created_date_key,
           iwddm.local_time_key(t.created_ts, tz) AS created_time_key,
           iwddm.interval_key(t.created_ts) AS created_interval,
           iwddm.local_date_key(t.first_assigned_ts, tz) AS first_assigned_date_key,
           iwddm.local_time_key(t.first_assigned_ts, tz) AS first_assigned_time_key,
           iwddm.interval_key(t.first_assigned_ts) AS first_assigned_interval,
           iwddm.local_date_key(t.completed_ts, tz) AS completed_date_key,
           iwddm.local_time_key(t.completed_ts, tz) AS completed_time_key,
           iwddm.interval_key(t.completed_ts) AS completed_interval,
           t.due_date_key, t.due_time_key, iwddm.interval_key(t.due_ts) AS due_interval,
           -- SPEC §3.1
           iwddm.interval_key(t.created_ts) AS start_date_time_key,
           0::bigint AS interaction_type_key,
           t.activation_ts, t.activation_date_key, t.activation_time_key,
           iwddm.interval_key(t.activation_ts) AS activation_interval,
           iwddm.local_date_key(t.first_assigned_ts, tz) AS assigned_date_key,
           iwddm.local_time_key(t.first_assigned_ts, tz) AS assigned_time_key,
           iwddm.interval_key(t.first_assigned_ts) AS assigned_interval,
           iwddm.whole_seconds(t.created_ts, t.activation_ts) AS activate_time_from_created_sec,
           iwddm.whole_seconds(t.source_created_ts, t.created_ts) AS crt_time_fr_src_crtd_sec,
           iwddm.whole_seconds(t.source_first_created_ts, t.source_created_ts) AS src_crt_time_fr_first_crtd_sec,
           t.source_created_ts,
           iwddm.local_date_key(t.source_created_ts, tz) AS source_created_date_key,
           iwddm.local_time_key(t.source_created_ts, tz) AS source_created_time_key,
           iwddm.interval_key(t.source_created_ts) AS source_created_interval,
           t.source_first_created_ts,
           iwddm.local_date_key(t.source_first_created_ts, tz) AS source_first_created_date_key,
           iwddm.local_time_key(t.source_first_created_ts, tz) AS source_first_created_time_key,
           iwddm.interval_key(t.source_first_created_ts) AS source_first_created_interval,
           NULL::integer AS source_due_date_key, NULL::integer AS source_due_time_key,
           0::bigint AS current_queue_target_key,
           t.result_code_key AS last_result_code_key,
           t.requested_agent_key, t.requested_skill_key,
           iwddm.local_date_key(t.final_ts, tz) AS stopped_date_key,
           tz_key AS timezone_key
    FROM task t;

    CALL iwddm.merge_fact_rows('iwddm.i_task_fact', 'pg_temp.load_task', 'interaction_id', audit_key, false);
END
$$;
