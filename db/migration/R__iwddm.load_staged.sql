-- iwddm.load_staged(run_id): loads every event staged in iwddm.stage_task_event (and the job's
-- typed staging: its transaction's own table, or the slot the setting iwddm.staged_ahead names;
-- iwddm.load_parse_staged), set-wise, in the caller's transaction (it never commits, so the
-- driver commits the data and the feed cursor together). Bad events go to iwddm.rejected_event
-- with every reason; events already loaded are ignored; the facts of every touched task are
-- recomputed from its full history (SPEC §5), and so are the aggregates they feed (SPEC §6).
-- Idempotent: the same events in any split and order give the same database.
-- Loads never overlap: they lock iwddm.load_lock (EXCLUSIVE) for their transaction.
-- The batch's etl_audit row is written first (IN PROGRESS), so every row the steps write carries
-- its etl_audit_key (SPEC §3.1), and completed at the end with the counts and step_seconds
-- (how long each step took, docs/loading.md). Its parent is the run's row when run_id names one.
-- DBA use:  \copy iwddm.stage_task_event(raw) FROM 'events.ndjson' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
--           CALL iwddm.load_staged();
CREATE OR REPLACE PROCEDURE iwddm.load_staged(run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
-- JIT compiles each big statement anew (hundreds of ms each) and never pays back here.
SET jit = off
-- The rows a load reads by index (the touched tasks' stored events, facts and flows) were
-- mostly written by the last batches and are in cache: at the default 4 the planner scanned
-- whole fact tables instead of looking up a few thousand rows (issue 14).
SET random_page_cost = 1.1
AS $$
DECLARE
    batch_started timestamptz := clock_timestamp();
    new_members jsonb;
    first_ts    timestamptz;
    last_ts     timestamptz;
    -- clock_timestamp() after the lock and after each step: step i took marks[i+1] - marks[i].
    marks       timestamptz[];
    batch_key   bigint;
BEGIN
    LOCK TABLE iwddm.load_lock IN EXCLUSIVE MODE;
    INSERT INTO iwddm.etl_audit (run_id, entry_kind, run_status, started_at, parent_etl_audit_key, batch_id,
                                 data_source_name, process_name)
    SELECT load_staged.run_id, 'batch', 'loading', batch_started, r.etl_audit_key,
           (SELECT count(*) + 1 FROM iwddm.etl_audit b WHERE b.run_id = load_staged.run_id AND b.entry_kind = 'batch'),
           coalesce(r.data_source_name, 'iwddm.stage_task_event'),
           CASE WHEN r.etl_audit_key IS NULL THEN 'load_staged' ELSE 'intraday' END
    FROM (SELECT 1) one
    LEFT JOIN iwddm.etl_audit r ON r.run_id = load_staged.run_id AND r.entry_kind = 'run'
    RETURNING etl_audit_key INTO batch_key;
    -- Every step reads the key here (iwddm.batch_audit_key), and refuses to run without it.
    PERFORM set_config('iwddm.etl_audit_key', batch_key::text, true);
    marks := ARRAY[clock_timestamp()];
    CALL iwddm.load_parse_staged();
    CALL iwddm.load_reject_purged();
    marks := marks || clock_timestamp();
    IF NOT EXISTS (SELECT 1 FROM pg_temp.load_raw) THEN
        -- Nothing was staged: no batch, no audit row.
        DELETE FROM iwddm.etl_audit WHERE etl_audit_key = batch_key;
        PERFORM set_config('iwddm.etl_audit_key', '', true);
        DROP TABLE pg_temp.load_raw, pg_temp.load_event;
        RETURN;
    END IF;

    SELECT min(event_ts), max(event_ts) INTO first_ts, last_ts FROM pg_temp.load_event;
    IF first_ts IS NOT NULL THEN
        CALL iwddm.extend_calendar(first_ts, last_ts);
    END IF;
    marks := marks || clock_timestamp();
    CALL iwddm.load_dimensions(new_members);
    marks := marks || clock_timestamp();
    CALL iwddm.load_key_events();
    marks := marks || clock_timestamp();
    CALL iwddm.load_reactivate_tasks();
    marks := marks || clock_timestamp();
    CALL iwddm.load_task_histories();
    marks := marks || clock_timestamp();
    CALL iwddm.load_task_facts();
    marks := marks || clock_timestamp();
    CALL iwddm.load_aggregates();
    marks := marks || clock_timestamp();

    UPDATE iwddm.etl_audit a
    SET run_status = 'loaded', finished_at = clock_timestamp(), first_event_id = f.first_id,
        last_event_id = f.last_id, events_staged = f.staged, events_loaded = f.loaded,
        events_duplicate = f.good - f.loaded, events_rejected = f.bad,
        tasks_touched = (SELECT count(*) FROM pg_temp.load_touched),
        dimensions_new = (SELECT jsonb_object_agg(key, value) FROM jsonb_each(new_members) WHERE value <> '0'),
        step_seconds = (SELECT jsonb_object_agg(step, round(extract(epoch FROM marks[i + 1] - marks[i]), 3))
                        FROM unnest(ARRAY['parse', 'calendar', 'dimensions', 'key_events', 'reactivate', 'histories',
                                          'task_facts', 'aggregates']) WITH ORDINALITY AS s(step, i)),
        first_extracted_event_id = f.first_extracted, last_extracted_event_id = f.last_extracted,
        batch_last_event_id = f.last_extracted,
        last_interval_date_key = iwddm.local_date_key(to_timestamp(c.agg_to), c.timezone),
        last_interval_time_key = iwddm.local_time_key(to_timestamp(c.agg_to), c.timezone)
    FROM (SELECT min(r.id) FILTER (WHERE cardinality(r.problems) = 0) AS first_id,
                 max(r.id) FILTER (WHERE cardinality(r.problems) = 0) AS last_id,
                 min(r.id) AS first_extracted, max(r.id) AS last_extracted,
                 count(*) AS staged, (SELECT count(*) FROM pg_temp.load_event) AS loaded,
                 count(*) FILTER (WHERE cardinality(r.problems) = 0) AS good,
                 count(*) FILTER (WHERE cardinality(r.problems) > 0) AS bad
          FROM (SELECT problems, plain_id AS id FROM pg_temp.load_raw) r) f,
         iwddm.mart_config c
    WHERE a.etl_audit_key = batch_key;
    PERFORM set_config('iwddm.etl_audit_key', '', true);
    -- The step tables would be dropped at commit; dropping now lets a caller load twice in one transaction.
    DROP TABLE pg_temp.load_raw, pg_temp.load_event, pg_temp.load_group, pg_temp.load_new_fact,
               pg_temp.load_touched, pg_temp.load_history, pg_temp.load_snapshot, pg_temp.load_task;
END
$$;
