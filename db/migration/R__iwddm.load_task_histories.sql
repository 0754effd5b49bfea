-- iwddm.load_task_histories(): step 5 of load_staged. Builds the whole history of every
-- touched task (iwddm.build_task_history), then writes what follows from it: the new event
-- facts, changed queue/work/held columns of stored event facts, and the tasks' work facts
-- (one per assignment, classified as the task was at the assignment's start, SPEC §3.1).
-- Audit keys: new rows carry the batch's key; a stored row gets it as updated_etl_audit_key
-- only when one of its values changed. Surrogate ids are the rows' own event ids, so they stay
-- the same across reloads, recomputes and the historical move.
CREATE OR REPLACE PROCEDURE iwddm.load_task_histories()
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key bigint := iwddm.batch_audit_key('load_task_histories');
    tz text := (SELECT timezone FROM iwddm.mart_config);
BEGIN
    CALL iwddm.build_task_history();
    -- The task snapshot after each event that starts an assignment or ends the history (what the
    -- work and task facts read), from the batch for new events, else from the stored event fact.
    CREATE TEMP TABLE load_snapshot ON COMMIT DROP AS
    SELECT n.task_event_id, n.capture_id, n.task_created_ts, n.activation_ts, n.activation_date_key,
           n.activation_time_key, n.due_date_key, n.due_time_key, n.source_created_ts, n.source_first_created_ts,
           n.media_channel_key, n.customer_key, n.customer_segment_key, n.product_key, n.requested_skill_key,
           n.requested_agent_key, n.result_code_key, n.source_process_key, n.source_tenant_key, n.custom_dim_key,
           n.custom_attribute1, n.custom_attribute2, n.custom_attribute3, n.custom_attribute4, n.custom_attribute5,
           n.custom_attribute6, n.custom_attribute7, n.custom_attribute8, n.custom_attribute9, n.custom_attribute10
    FROM pg_temp.load_history h JOIN pg_temp.load_new_fact n USING (task_event_id)
    WHERE h.is_new AND (h.starts_work OR h.next_interval IS NULL)
    UNION ALL
    SELECT f.task_event_id, f.capture_id, f.task_created_ts, f.activation_ts, f.activation_date_key,
           f.activation_time_key, f.due_date_key, f.due_time_key, f.source_created_ts, f.source_first_created_ts,
           f.media_channel_key, f.customer_key, f.customer_segment_key, f.product_key, f.requested_skill_key,
           f.requested_agent_key, f.result_code_key, f.source_process_key, f.source_tenant_key, f.custom_dim_key,
           f.custom_attribute1, f.custom_attribute2, f.custom_attribute3, f.custom_attribute4, f.custom_attribute5,
           f.custom_attribute6, f.custom_attribute7, f.custom_attribute8, f.custom_attribute9, f.custom_attribute10
    FROM pg_temp.load_history h JOIN iwddm.i_task_event_fact f USING (task_event_id)
    WHERE NOT h.is_new AND (h.starts_work OR h.next_interval IS NULL);
    CREATE UNIQUE INDEX ON pg_temp.load_snapshot (task_event_id);

    INSERT INTO iwddm.i_task_event_fact (task_event_id, interaction_id, task_event_type_key, event_ts,
        event_interval, event_date_key, event_time_key, status_key, priority_key, business_value_key,
        queue_key, entered_queue_key, exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec,
        priority, business_value, due_ts, tenant_key, solution_key, department_key, process_key,
        category_key, capture_point_key, media_type_key,
        id, start_date_time_key, capture_id, task_created_ts, activation_ts, activation_date_key,
        activation_time_key, due_date_key, due_time_key, source_created_ts, source_first_created_ts,
        media_channel_key, customer_key, customer_segment_key, product_key, requested_skill_key,
        requested_agent_key, result_code_key, source_process_key, source_tenant_key, custom_dim_key,
        custom_attribute1, custom_attribute2, custom_attribute3, custom_attribute4, custom_attribute5,
        custom_attribute6, custom_attribute7, custom_attribute8, custom_attribute9, custom_attribute10,
        created_etl_audit_key, updated_etl_audit_key)
    SELECT h.task_event_id, h.interaction_id, h.task_event_type_key, h.event_ts,
        h.event_interval, h.event_date_key, h.event_time_key, h.status_key, h.priority_key, h.business_value_key,
        h.queue_key, h.entered_queue_key, h.exited_queue_key, h.assigned_agent_key, h.work_time_sec, h.held_time_sec,
        h.priority, h.business_value, h.due_ts, h.tenant_key, h.solution_key, h.department_key, h.process_key,
        h.category_key, h.capture_point_key, h.media_type_key,
        h.task_event_id, h.event_interval, n.capture_id, n.task_created_ts, n.activation_ts, n.activation_date_key,
        n.activation_time_key, n.due_date_key, n.due_time_key, n.source_created_ts, n.source_first_created_ts,
        n.media_channel_key, n.customer_key, n.customer_segment_key, n.product_key, n.requested_skill_key,
        n.requested_agent_key, n.result_code_key, n.source_process_key, n.source_tenant_key, n.custom_dim_key,
        n.custom_attribute1, n.custom_attribute2, n.custom_attribute3, n.custom_attribute4, n.custom_attribute5,
        n.custom_attribute6, n.custom_attribute7, n.custom_attribute8, n.custom_attribute9, n.custom_attribute10,
        audit_key, audit_key
    FROM pg_temp.load_history h JOIN pg_temp.load_new_fact n USING (task_event_id) WHERE h.is_new;

    UPDATE iwddm.i_task_event_fact f
    SET entered_queue_key = h.entered_queue_key, exited_queue_key = h.exited_queue_key,
        work_time_sec = h.work_time_sec, held_time_sec = h.held_time_sec, updated_etl_audit_key = audit_key
    FROM pg_temp.load_history h
    WHERE NOT h.is_new AND f.task_event_id = h.task_event_id
      AND (f.entered_queue_key, f.exited_queue_key, f.work_time_sec, f.held_time_sec)
          IS DISTINCT FROM (h.entered_queue_key, h.exited_queue_key, h.work_time_sec, h.held_time_sec);

    -- Every column of i_task_work_fact but the audit keys (merge_fact_rows adds those).
    CREATE TEMP TABLE load_work ON COMMIT DROP AS
    SELECT s.task_event_id AS assign_task_event_id, s.interaction_id, e.task_event_id AS finish_task_event_id,
           s.assigned_agent_key, s.event_ts AS assign_ts, e.event_ts AS finish_ts,
           s.event_interval AS assign_interval, e.event_interval AS finish_interval, e.work_time_sec,
           CASE WHEN e.task_event_id IS NULL THEN NULL WHEN e.status_name = 'completed' THEN 0 ELSE 1 END::smallint
               AS is_abandon,
           s.task_event_id AS id, s.event_interval AS start_date_time_key, a.capture_id,
           s.tenant_key, s.solution_key, s.department_key, s.process_key, s.capture_point_key, s.category_key,
           a.customer_key, a.customer_segment_key, a.product_key, 0::bigint AS interaction_type_key,
           a.media_channel_key, s.media_type_key, s.priority_key, s.business_value_key, a.result_code_key,
           a.source_process_key, a.source_tenant_key, a.custom_dim_key,
           a.custom_attribute1, a.custom_attribute2, a.custom_attribute3, a.custom_attribute4, a.custom_attribute5,
           a.custom_attribute6, a.custom_attribute7, a.custom_attribute8, a.custom_attribute9, a.custom_attribute10,
           s.queue_key,
           iwddm.local_date_key(s.event_ts, tz) AS assign_date_key, iwddm.local_time_key(s.event_ts, tz) AS assign_time_key,
           iwddm.local_date_key(e.event_ts, tz) AS finish_date_key, iwddm.local_time_key(e.event_ts, tz) AS finish_time_key,
           NULL::text AS ucs_interaction_id
    FROM pg_temp.load_history s
    JOIN pg_temp.load_snapshot a USING (task_event_id)
    LEFT JOIN pg_temp.load_history e
           ON e.interaction_id = s.interaction_id AND e.ends_work AND e.open_work_seq = s.seq
    WHERE s.starts_work;
    CALL iwddm.merge_fact_rows('iwddm.i_task_work_fact', 'pg_temp.load_work', 'assign_task_event_id', audit_key, true);
    DROP TABLE pg_temp.load_work;
END
$$;
