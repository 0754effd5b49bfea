-- iwddm schema, version 3: 15-minute aggregates (SPEC §6), maintained incrementally.
--
-- Each touched task's contribution is kept as flow rows (agg_<area>_flow): per interval and
-- group, the counts that happen there (entered, completed, ...) and the signed changes of
-- snapshot measures (+1 backlog where the task becomes open in a group, -1 where it stops;
-- +1 overdue_backlog in the interval holding its due time while open; age band moves).
-- A load retracts a task's old flows and adds its new ones; the net difference updates the
-- dense physical table agg_<area>_15min, which holds every non-zero row of the covered range
-- [mart_config.agg_from, agg_to] (the intervals of the earliest and latest loaded events).
-- Snapshot measures there are running sums of the flows, so views read them directly.

-- The covered range (interval keys) and the latest loaded event time, which decides which
-- days are closed for the historical chain.
ALTER TABLE iwddm.mart_config
    ADD COLUMN agg_from      bigint,
    ADD COLUMN agg_to        bigint,
    ADD COLUMN last_event_ts timestamptz;

-- The five subject areas: their group columns and measures drive the generic maintenance
-- routines and the views.
CREATE TABLE iwddm.agg_area (
    area              text PRIMARY KEY,
    group_columns     text[] NOT NULL,
    flow_measures     text[] NOT NULL,
    snapshot_measures text[] NOT NULL
);
INSERT INTO iwddm.agg_area VALUES
    ('task_classif', ARRAY['tenant_key', 'solution_key', 'department_key', 'process_key'],
        ARRAY['entered', 'completed', 'canceled', 'rejected', 'completed_overdue', 'complete_time_sum_sec'],
        ARRAY['backlog', 'overdue_backlog']),
    ('task_capt', ARRAY['tenant_key', 'solution_key', 'capture_point_key', 'media_type_key'],
        ARRAY['entered', 'completed', 'canceled', 'rejected'],
        ARRAY['backlog']),
    ('task_queue', ARRAY['queue_key'],
        ARRAY['entered_queue', 'exited_queue', 'queue_time_sum_sec'],
        ARRAY['in_queue']),
    ('task_agent', ARRAY['agent_key'],
        ARRAY['assigned', 'finished', 'abandoned', 'work_time_sum_sec'],
        ARRAY[]::text[]),
    ('task_age', ARRAY['tenant_key', 'solution_key', 'department_key', 'process_key', 'age_key'],
        ARRAY[]::text[],
        ARRAY['backlog']);

-- One flow table and one 15-minute table per area, built from the registry.
DO $$
DECLARE
    a record;
    group_defs   text;
    measure_defs text;
    group_list   text;
BEGIN
    FOR a IN SELECT * FROM iwddm.agg_area LOOP
        SELECT string_agg(format('%I bigint NOT NULL', c), ', '), string_agg(format('%I', c), ', ')
          INTO group_defs, group_list FROM unnest(a.group_columns) c;
        SELECT string_agg(format('%I bigint NOT NULL DEFAULT 0', m), ', ')
          INTO measure_defs FROM unnest(a.flow_measures || a.snapshot_measures) m;
        EXECUTE format('CREATE TABLE iwddm.%I (interaction_id text NOT NULL, date_time_key bigint NOT NULL, %s, %s,
                            PRIMARY KEY (interaction_id, date_time_key, %s))',
                       'agg_' || a.area || '_flow', group_defs, measure_defs, group_list);
        EXECUTE format('CREATE INDEX %I ON iwddm.%I (date_time_key)',
                       'agg_' || a.area || '_flow_interval_idx', 'agg_' || a.area || '_flow');
        EXECUTE format('CREATE TABLE iwddm.%I (date_time_key bigint NOT NULL, %s, %s,
                            PRIMARY KEY (date_time_key, %s))',
                       'agg_' || a.area || '_15min', group_defs, measure_defs, group_list);
    END LOOP;
END
$$;
