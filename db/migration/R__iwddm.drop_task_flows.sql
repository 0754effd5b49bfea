-- iwddm.drop_task_flows(): drops the temp tables iwddm.build_task_flows creates (the flows of
-- each area, the open tasks' ages, the tasks with stored events), so that its callers
-- (load_aggregates, rebuild_aggregates, verify_aggregates) can build them again in the same
-- transaction. The list lives here, beside the routine that creates the tables; ON COMMIT DROP
-- covers a caller that fails before it gets here.
CREATE OR REPLACE PROCEDURE iwddm.drop_task_flows()
LANGUAGE plpgsql
AS $$
BEGIN
    DROP TABLE pg_temp.flow_task_classif, pg_temp.flow_task_capt, pg_temp.flow_task_queue,
               pg_temp.flow_task_agent, pg_temp.flow_task_age, pg_temp.flow_task_age_open,
               pg_temp.flow_task_stored;
END
$$;
