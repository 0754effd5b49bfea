-- iwddm schema, version 14: the age area's stored flows stop at the covered range end
-- (mart_config.agg_to); the aging of open tasks beyond it is kept as one row per task
-- (issue 14, loader throughput).
-- An open task moves into the next age band at fixed points after its creation (1 h, 4 h, ...,
-- 30 days): its open state gave up to 21 flow rows, most of them in the future. Every new task
-- wrote them and every task that changed group or closed rewrote them: about 25,000 row writes
-- and 12,000 deletes a 10,000-event page, for rows no 15-minute row read yet. Now each open
-- task has one row in agg_task_age_open (its creation and its current group), and the load that
-- moves the range end writes the band moves that fall in the new intervals
-- (iwddm.extend_age_flows), before it applies its own tasks' flows.
CREATE TABLE iwddm.agg_task_age_open (
    interaction_id text    PRIMARY KEY,
    -- When the task was created (its first event), in epoch seconds: its age counts from here.
    created_epoch  numeric NOT NULL,
    tenant_key     bigint  NOT NULL,
    solution_key   bigint  NOT NULL,
    department_key bigint  NOT NULL,
    process_key    bigint  NOT NULL
);
-- The band moves in a range of intervals are those of the tasks created in a window per band
-- limit: one range scan each.
CREATE INDEX agg_task_age_open_created_idx ON iwddm.agg_task_age_open (created_epoch);

-- build_task_flows takes the range end now (its flows stop there); the old procedure would stay
-- beside the new one as an overload.
DO $$
BEGIN
    IF to_regprocedure('iwddm.build_task_flows()') IS NOT NULL THEN
        DROP PROCEDURE iwddm.build_task_flows();
    END IF;
END
$$;

-- An existing mart: every open task gets its row, and the age flows after the range end go.
-- The open tasks are those whose age flows sum to one (a final task's sum to zero); their open
-- state comes from their history, as a load computes it.
DO $$
DECLARE
    range_to bigint := (SELECT agg_to FROM iwddm.mart_config);
BEGIN
    IF range_to IS NULL THEN
        RETURN;
    END IF;
    CREATE TEMP TABLE load_touched ON COMMIT DROP AS
    SELECT interaction_id FROM iwddm.agg_task_age_flow GROUP BY interaction_id HAVING sum(backlog) <> 0;
    CALL iwddm.build_task_history();
    INSERT INTO iwddm.agg_task_age_open
    SELECT interaction_id, extract(epoch FROM first_event_ts), tenant_key, solution_key, department_key, process_key
    FROM pg_temp.load_history
    WHERE next_interval IS NULL AND NOT is_final;
    DELETE FROM iwddm.agg_task_age_flow WHERE date_time_key > range_to;
    DROP TABLE pg_temp.load_touched, pg_temp.load_new_fact, pg_temp.load_history;
END
$$;
