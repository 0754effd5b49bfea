-- The batch audit row (docs/loading.md): every load_staged call writes one etl_audit row
-- with its counts and the seconds each step took, so an operator can see where time goes.
BEGIN;
SELECT plan(6);

SELECT iwddm_test.stage(
    iwddm_test.event(9001, 'T-AUDIT-1', '2026-11-20T10:00:00Z', 'new'),
    iwddm_test.event(9002, 'T-AUDIT-1', '2026-11-20T10:05:00Z', 'queued', 'Queued', 'Q1'),
    iwddm_test.event(9002, 'T-AUDIT-1', '2026-11-20T10:05:00Z', 'queued', 'Queued', 'Q1'),
    '{"id": 9003, "taskId": "T-AUDIT-BAD"}');
CALL iwddm.load_staged('00000000-0000-0000-0000-000000000009');

SELECT results_eq(
    $$SELECT entry_kind, run_status, events_staged, events_loaded, events_duplicate, events_rejected,
             tasks_touched, first_event_id, last_event_id
      FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-000000000009'$$,
    $$VALUES ('batch', 'loaded', 4, 2, 1, 1, 1, 9001::bigint, 9002::bigint)$$,
    'the batch row counts staged, loaded, duplicate and rejected events and the tasks touched');

SELECT is(
    (SELECT array_agg(step ORDER BY step) FROM iwddm.etl_audit, jsonb_object_keys(step_seconds) AS step
     WHERE run_id = '00000000-0000-0000-0000-000000000009'),
    ARRAY['aggregates', 'calendar', 'dimensions', 'histories', 'key_events', 'parse', 'reactivate', 'task_facts'],
    'step_seconds names every step of load_staged');

SELECT ok(
    (SELECT bool_and(jsonb_typeof(value) = 'number' AND value::numeric >= 0)
     FROM iwddm.etl_audit, jsonb_each(step_seconds)
     WHERE run_id = '00000000-0000-0000-0000-000000000009'),
    'every step duration is a non-negative number of seconds');

SELECT ok(
    (SELECT (SELECT sum(value::numeric) FROM jsonb_each(step_seconds))
            <= extract(epoch FROM finished_at - started_at) + 0.001
     FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-000000000009'),
    'the steps together take no longer than the batch');

-- A batch of nothing but events already loaded still gets a row, with every step timed.
SELECT iwddm_test.stage(iwddm_test.event(9001, 'T-AUDIT-1', '2026-11-20T10:00:00Z', 'new'));
CALL iwddm.load_staged('00000000-0000-0000-0000-00000000000a');

SELECT results_eq(
    $$SELECT events_staged, events_loaded, events_duplicate, (SELECT count(*) FROM jsonb_object_keys(step_seconds))::int
      FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-00000000000a'$$,
    $$VALUES (1, 0, 1, 8)$$,
    'a batch of duplicates is audited with all eight steps timed');

-- A call with nothing staged writes no row at all.
CALL iwddm.load_staged('00000000-0000-0000-0000-00000000000b');
SELECT is_empty(
    $$SELECT 1 FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-00000000000b'$$,
    'an empty call writes no batch row');

SELECT * FROM finish();
ROLLBACK;
