-- iwddm schema, version 13: the per-task flow tables (agg_<area>_flow) are found by task, not
-- by their full key (issue 14, loader throughput).
-- Every reader of a flow table goes either by task (a load or rebuild retracting the touched
-- tasks' flows, explain_measure's per-task lookups, purge_expired) or by interval (the
-- carry-forward of a load, explain_measure, rebuild_area_range: agg_<area>_flow_interval_idx).
-- None needs the 7-column primary key (interaction_id, date_time_key, group keys): a load
-- deletes a task's rows and writes them again, so every row written checked that key against
-- the dead rows it had just deleted, and its wide entries cost more than the heap row. One row
-- per task, interval and group holds by construction (iwddm.build_task_flows groups by exactly
-- that), so the key is replaced by a plain index on the task.
DO $$
DECLARE
    a text;
BEGIN
    FOR a IN SELECT area FROM iwddm.agg_area ORDER BY area LOOP
        EXECUTE format('ALTER TABLE iwddm.%I DROP CONSTRAINT %I',
                       'agg_' || a || '_flow', 'agg_' || a || '_flow_pkey');
        EXECUTE format('CREATE INDEX %I ON iwddm.%I (interaction_id)',
                       'agg_' || a || '_flow_task_idx', 'agg_' || a || '_flow');
    END LOOP;
END
$$;
