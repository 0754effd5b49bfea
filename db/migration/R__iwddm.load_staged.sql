-- iwddm.load_staged(run_id): loads every event staged in iwddm.stage_task_event, set-wise,
-- in the caller's transaction (it never commits, so the driver commits the data and the feed
-- cursor together). Bad events go to iwddm.rejected_event with every reason; events already
-- loaded are ignored; the facts of every touched task are recomputed from its full history
-- (SPEC §5), and so are the aggregates they feed (SPEC §6). Idempotent: the same events in
-- any split and order give the same database.
-- Loads never overlap: a transaction-level advisory lock serializes them.
-- The audit row's step_seconds says how long each step took (docs/loading.md).
-- DBA use:  \copy iwddm.stage_task_event(raw) FROM 'events.ndjson' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
--           CALL iwddm.load_staged();
CREATE OR REPLACE PROCEDURE iwddm.load_staged(run_id uuid DEFAULT NULL)
LANGUAGE plpgsql
-- JIT compiles each big statement anew (hundreds of ms each) and never pays back here.
SET jit = off
AS $$
DECLARE
    started_at  timestamptz := clock_timestamp();
    new_members jsonb;
    first_ts    timestamptz;
    last_ts     timestamptz;
    -- clock_timestamp() after the lock and after each step: step i took marks[i+1] - marks[i].
    marks       timestamptz[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('iwddm'), 1);
    marks := ARRAY[clock_timestamp()];
    CALL iwddm.load_parse_staged();
    CALL iwddm.load_reject_purged();
    marks := marks || clock_timestamp();
    IF NOT EXISTS (SELECT 1 FROM pg_temp.load_raw) THEN
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

    INSERT INTO iwddm.etl_audit (run_id, entry_kind, status, started_at, finished_at, first_event_id,
        last_event_id, events_staged, events_loaded, events_duplicate, events_rejected, tasks_touched,
        dimensions_new, step_seconds)
    SELECT run_id, 'batch', 'loaded', started_at, clock_timestamp(),
           min((r.doc ->> 'id')::bigint) FILTER (WHERE cardinality(r.problems) = 0),
           max((r.doc ->> 'id')::bigint) FILTER (WHERE cardinality(r.problems) = 0),
           count(*), (SELECT count(*) FROM pg_temp.load_event),
           count(*) FILTER (WHERE cardinality(r.problems) = 0) - (SELECT count(*) FROM pg_temp.load_event),
           count(*) FILTER (WHERE cardinality(r.problems) > 0),
           (SELECT count(*) FROM pg_temp.load_touched),
           (SELECT jsonb_object_agg(key, value) FROM jsonb_each(new_members) WHERE value <> '0'),
           (SELECT jsonb_object_agg(step, round(extract(epoch FROM marks[i + 1] - marks[i]), 3))
            FROM unnest(ARRAY['parse', 'calendar', 'dimensions', 'key_events', 'reactivate', 'histories',
                              'task_facts', 'aggregates']) WITH ORDINALITY AS s(step, i))
    FROM pg_temp.load_raw r;
    -- The step tables would be dropped at commit; dropping now lets a caller load twice in one transaction.
    DROP TABLE pg_temp.load_raw, pg_temp.load_event, pg_temp.load_group, pg_temp.load_new_fact,
               pg_temp.load_touched, pg_temp.load_history, pg_temp.load_task;
END
$$;
