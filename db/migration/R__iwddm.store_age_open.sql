-- iwddm.store_age_open(): replaces the iwddm.agg_task_age_open rows of the recomputed tasks
-- with their open states as iwddm.build_task_flows computed them (pg_temp.flow_task_age_open: a
-- task that is final now has none; only a task with stored events, pg_temp.flow_task_stored,
-- can have a row to replace). Step of load_aggregates and
-- rebuild_aggregates, after the areas' flows; only rows that differ are written.
CREATE OR REPLACE PROCEDURE iwddm.store_age_open()
LANGUAGE plpgsql
AS $$
BEGIN
    IF to_regclass('pg_temp.flow_task_age_open') IS NULL OR to_regclass('pg_temp.flow_task_stored') IS NULL THEN
        RAISE EXCEPTION 'iwddm.store_age_open() needs pg_temp.flow_task_stored and pg_temp.flow_task_age_open'
            USING HINT = 'It is a step of iwddm.load_staged and iwddm.rebuild_aggregates; call those instead.';
    END IF;
    -- The touched tasks' rows by index: joined as a set, the whole table (every open task of the
    -- mart) was scanned.
    DELETE FROM iwddm.agg_task_age_open o
    WHERE o.interaction_id = ANY (ARRAY(SELECT t.interaction_id FROM pg_temp.flow_task_stored t))
      AND NOT EXISTS (SELECT 1 FROM pg_temp.flow_task_age_open n
                      WHERE n.interaction_id = o.interaction_id AND n.created_epoch = o.created_epoch
                        AND n.tenant_key = o.tenant_key AND n.solution_key = o.solution_key
                        AND n.department_key = o.department_key AND n.process_key = o.process_key);
    INSERT INTO iwddm.agg_task_age_open (interaction_id, created_epoch, tenant_key, solution_key, department_key,
                                         process_key)
    SELECT interaction_id, created_epoch, tenant_key, solution_key, department_key, process_key
    FROM pg_temp.flow_task_age_open
    ON CONFLICT (interaction_id) DO NOTHING;
END
$$;
