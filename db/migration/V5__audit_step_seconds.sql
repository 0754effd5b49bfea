-- iwddm schema, version 5: where a batch's time goes. load_staged records the seconds each of
-- its steps took in the batch's etl_audit row, so an operator (and bench/run) can see which
-- step dominates without a profiler: {"parse": 9.35, "dimensions": 0.96, ...}.
ALTER TABLE iwddm.etl_audit ADD COLUMN step_seconds jsonb;
COMMENT ON COLUMN iwddm.etl_audit.step_seconds IS
    'batch rows: seconds per load_staged step (parse, calendar, dimensions, key_events, reactivate, histories, task_facts, aggregates)';
