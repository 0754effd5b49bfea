-- iwddm.load_aggregates(): step 7 of load_staged. Widens the covered range to the batch's
-- new events, recomputes the touched tasks' flows (iwddm.build_task_flows), writes the open
-- tasks' age band moves into the new intervals (iwddm.extend_age_flows), applies the flows to
-- every area (iwddm.apply_area_flows) and keeps the touched tasks' open states
-- (iwddm.store_age_open). Runs after load_task_histories, whose pg_temp.load_history it reads.
CREATE OR REPLACE PROCEDURE iwddm.load_aggregates()
LANGUAGE plpgsql
AS $$
DECLARE
    old_to     bigint := (SELECT agg_to FROM iwddm.mart_config);
    range_from bigint;
    range_to   bigint;
    area_name  text;
BEGIN
    PERFORM iwddm.batch_audit_key('load_aggregates');
    IF NOT EXISTS (SELECT 1 FROM pg_temp.load_touched) THEN
        RETURN;
    END IF;
    SELECT least(c.agg_from, n.first_interval), greatest(c.agg_to, n.last_interval)
      INTO range_from, range_to
      FROM iwddm.mart_config c,
           (SELECT min(event_interval) AS first_interval, max(event_interval) AS last_interval
            FROM pg_temp.load_new_fact) n;
    CALL iwddm.build_task_flows(range_to);
    IF old_to < range_to THEN
        CALL iwddm.extend_age_flows(old_to, range_to);
    END IF;
    FOR area_name IN SELECT area FROM iwddm.agg_area ORDER BY area LOOP
        CALL iwddm.apply_area_flows(area_name, range_from, range_to);
    END LOOP;
    CALL iwddm.store_age_open();
    UPDATE iwddm.mart_config
    SET agg_from = range_from, agg_to = range_to,
        last_event_ts = greatest(last_event_ts, (SELECT max(event_ts) FROM pg_temp.load_new_fact));
    CALL iwddm.drop_task_flows();
END
$$;
