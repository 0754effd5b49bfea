-- iwddm.load_key_events(): step 3 of load_staged. Turns the batch's new events
-- (pg_temp.load_event) into task_event_fact rows with every dimension key resolved, in
-- pg_temp.load_new_fact: the event and the whole task snapshot after it (SPEC §3.1: a task's
-- attributes are those after its last event; a work fact's classification is the one at its
-- start event). History-derived columns (queue entries, work and held time) are filled later
-- from the task's whole history. Also lists the touched tasks (pg_temp.load_touched).
-- Keys are iwddm.member_key(natural key), as load_dimensions created the members: one way only.
-- The feed-fed ones come with the event (pg_temp.load_event: computed by the job for the events it
-- typed, by load_parse_staged for the others); the custom dimension's is computed here, from the
-- mapped task.data keys.
-- The column list matches iwddm.build_task_history's reading of stored event facts.
CREATE OR REPLACE PROCEDURE iwddm.load_key_events()
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key bigint := iwddm.batch_audit_key('load_key_events');
    tz text := (SELECT timezone FROM iwddm.mart_config);
BEGIN
    -- Statistics for the group join: without them PostgreSQL took the three-column join for one
    -- row and ran the page through the band joins inner-side, materialized once per band
    -- (66 -> 45 ms a page; the ANALYZE costs under 1 ms).
    ANALYZE pg_temp.load_group (tenant_runtime_id, solution_runtime_id, category_levels);
    CREATE TEMP TABLE load_new_fact ON COMMIT DROP AS
    SELECT e.task_event_id, e.interaction_id, e.task_event_type_key,
           e.event_ts, iwddm.interval_key(e.event_ts) AS event_interval,
           iwddm.local_date_key(e.event_ts, tz) AS event_date_key,
           iwddm.local_time_key(e.event_ts, tz) AS event_time_key,
           s.status_key, pb.priority_key, bb.business_value_key,
           e.queue_key, e.assigned_agent_key,
           e.priority, e.business_value, e.due_ts,
           g.tenant_key, g.solution_key, g.department_key, g.process_key, g.category_key,
           e.capture_point_key,
           e.media_type_key,
           e.capture_id, e.task_created_ts, e.activation_ts,
           iwddm.local_date_key(e.activation_ts, tz) AS activation_date_key,
           iwddm.local_time_key(e.activation_ts, tz) AS activation_time_key,
           iwddm.local_date_key(e.due_ts, tz) AS due_date_key,
           iwddm.local_time_key(e.due_ts, tz) AS due_time_key,
           e.source_created_ts, e.source_first_created_ts,
           e.media_channel_key,
           e.customer_key,
           e.customer_segment_key,
           e.product_key,
           e.requested_skill_key,
           e.requested_agent_key,
           e.result_code_key,
           e.source_process_key,
           e.source_tenant_key,
           iwddm.member_key(e.custom_dim_attribute1, e.custom_dim_attribute2, e.custom_dim_attribute3,
                            e.custom_dim_attribute4, e.custom_dim_attribute5) AS custom_dim_key,
           e.custom_attribute1, e.custom_attribute2, e.custom_attribute3, e.custom_attribute4, e.custom_attribute5,
           e.custom_attribute6, e.custom_attribute7, e.custom_attribute8, e.custom_attribute9, e.custom_attribute10
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
                                                                       AND coalesce(bb.upper_value, e.business_value) END;

    CREATE TEMP TABLE load_touched (interaction_id text PRIMARY KEY) ON COMMIT DROP;
    INSERT INTO pg_temp.load_touched SELECT DISTINCT interaction_id FROM pg_temp.load_new_fact;
    -- Statistics (and the row count) only for the id later steps join on (a full ANALYZE cost
    -- ~50 ms a page).
    ANALYZE pg_temp.load_new_fact (task_event_id);
    ANALYZE pg_temp.load_touched;
END
$$;
