-- Audit keys an export can trust (SPEC §3.1): etl_audit's iWD columns, and which rows a batch
-- stamps with its key. created_etl_audit_key is the batch that inserted a row; updated_etl_audit_key
-- moves only when one of the row's values changed. Worked out by hand:
--   batch A: T-A1  1701 10:00 new Q1; 1702 10:10 assigned E1; 1703 10:30 completed Done
--            T-A2  1711 10:00 new Q1
--   batch B: the same events again: nothing moves.
--   batch C: T-A1  1704 10:20 queued Q2 (late): E1's assignment now ends at 10:20, abandoned.
--   batch D: T-A2  1710 09:30 new Q1 (late, before its first event): the department's validity
--            and T-A2's creation move back.
BEGIN;
SELECT plan(26);

CREATE TEMP TABLE batch_key (name text PRIMARY KEY, etl_audit_key bigint);
CREATE FUNCTION pg_temp.latest_batch() RETURNS bigint LANGUAGE sql AS
    $$ SELECT max(etl_audit_key) FROM iwddm.etl_audit WHERE entry_kind = 'batch' $$;
CREATE FUNCTION pg_temp.k(batch text) RETURNS bigint LANGUAGE sql AS
    $$ SELECT etl_audit_key FROM batch_key WHERE name = batch $$;

-- A run row as the job writes it, so the batches have a parent.
INSERT INTO iwddm.etl_audit (run_id, entry_kind, execution_chain, run_status, started_at, process_name, data_source_name)
VALUES ('00000000-0000-0000-0000-000000001700', 'run', 'intraday', 'running', now(), 'intraday',
        'http://iwd.example:4024/iwd/v3');

SELECT iwddm_test.stage(
    iwddm_test.event(1701, 'T-A1', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(1702, 'T-A1', '2026-11-20T10:10:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
    iwddm_test.event(1703, 'T-A1', '2026-11-20T10:30:00Z', 'completed', 'Completed', 'Done', 'E1'),
    iwddm_test.event(1711, 'T-A2', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
    '{"id": 1712, "taskId": "T-A-BAD"}');
CALL iwddm.load_staged('00000000-0000-0000-0000-000000001700');
INSERT INTO batch_key VALUES ('A', pg_temp.latest_batch());

-- etl_audit's iWD columns ---------------------------------------------------------------------
SELECT results_eq(
    $$SELECT b.parent_etl_audit_key = r.etl_audit_key, b.etl_audit_key > r.etl_audit_key, b.batch_id, b.status,
             b.data_source_type, b.data_source_name, b.process_name, b.first_extracted_event_id,
             b.last_extracted_event_id, b.batch_last_event_id, b.last_interval_date_key, b.last_interval_time_key
      FROM iwddm.etl_audit b JOIN iwddm.etl_audit r ON r.run_id = b.run_id AND r.entry_kind = 'run'
      WHERE b.etl_audit_key = pg_temp.k('A')$$,
    $$VALUES (true, true, 1, 'FINISHED', 'task', 'http://iwd.example:4024/iwd/v3', 'intraday', 1701::bigint,
              1712::bigint, 1712::bigint, 20261120, 103000)$$,
    'the batch row: child of its run, first batch, FINISHED, the feed it read, the ids it extracted (the bad one too), the last interval');
SELECT results_eq(
    $$SELECT etl_audit_start_time = started_at, etl_audit_finish_time = finished_at,
             duration = extract(epoch FROM finished_at - started_at), duration >= 0
      FROM iwddm.etl_audit WHERE etl_audit_key = pg_temp.k('A')$$,
    $$VALUES (true, true, true, true)$$,
    'start and finish times, and the duration in seconds');
SELECT results_eq(
    $$SELECT status FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-000000001700' AND entry_kind = 'run'$$,
    $$VALUES ('IN PROGRESS')$$,
    'a run still running is IN PROGRESS');
UPDATE iwddm.etl_audit SET run_status = 'failed' WHERE run_id = '00000000-0000-0000-0000-000000001700' AND entry_kind = 'run';
SELECT results_eq(
    $$SELECT status FROM iwddm.etl_audit WHERE run_id = '00000000-0000-0000-0000-000000001700' AND entry_kind = 'run'$$,
    $$VALUES ('FAILED')$$,
    'a failed run is FAILED');

-- Batch A stamped everything it inserted -------------------------------------------------------
SELECT results_eq(
    $$SELECT count(*) FILTER (WHERE created_etl_audit_key = pg_temp.k('A') AND updated_etl_audit_key = pg_temp.k('A')),
             count(*)
      FROM iwddm.task_event_fact WHERE interaction_id IN ('T-A1', 'T-A2')$$,
    $$VALUES (4::bigint, 4::bigint)$$,
    'batch A created the four event facts');
SELECT results_eq(
    $$SELECT interaction_id, created_etl_audit_key = pg_temp.k('A'), updated_etl_audit_key = pg_temp.k('A')
      FROM iwddm.task_fact WHERE interaction_id IN ('T-A1', 'T-A2') ORDER BY 1$$,
    $$VALUES ('T-A1', true, true), ('T-A2', true, true)$$,
    'batch A created both task facts');
SELECT results_eq(
    $$SELECT created_etl_audit_key = pg_temp.k('A'), updated_etl_audit_key = pg_temp.k('A')
      FROM iwddm.agent WHERE employee_id = 'E1'
      UNION ALL SELECT created_etl_audit_key = pg_temp.k('A'), updated_etl_audit_key = pg_temp.k('A')
      FROM iwddm.queue WHERE queue_name = 'Q1'$$,
    $$VALUES (true, true), (true, true)$$,
    'batch A created agent E1 and queue Q1');

-- Batch B: a reload moves nothing ----------------------------------------------------------------
SELECT iwddm_test.load(
    iwddm_test.event(1701, 'T-A1', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(1702, 'T-A1', '2026-11-20T10:10:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
    iwddm_test.event(1703, 'T-A1', '2026-11-20T10:30:00Z', 'completed', 'Completed', 'Done', 'E1'),
    iwddm_test.event(1711, 'T-A2', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'));
INSERT INTO batch_key VALUES ('B', pg_temp.latest_batch());
SELECT ok(pg_temp.k('B') > pg_temp.k('A'), 'etl_audit_key increases with every batch');
SELECT is(
    (SELECT count(*) FROM (
        SELECT updated_etl_audit_key FROM iwddm.task_fact UNION ALL SELECT updated_etl_audit_key FROM iwddm.task_event_fact
        UNION ALL SELECT updated_etl_audit_key FROM iwddm.task_work_fact UNION ALL SELECT updated_etl_audit_key FROM iwddm.agent
        UNION ALL SELECT updated_etl_audit_key FROM iwddm.queue UNION ALL SELECT updated_etl_audit_key FROM iwddm.department
        UNION ALL SELECT updated_etl_audit_key FROM iwddm.process UNION ALL SELECT updated_etl_audit_key FROM iwddm.tenant) k
     WHERE updated_etl_audit_key = pg_temp.k('B')),
    0::bigint,
    'reloading the same batch changes no row, so no row carries batch B''s key');

-- Batch C: a late event changes some rows of T-A1, and only those -----------------------------
SELECT iwddm_test.load(iwddm_test.event(1704, 'T-A1', '2026-11-20T10:20:00Z', 'queued', 'Unassigned', 'Q2'));
INSERT INTO batch_key VALUES ('C', pg_temp.latest_batch());
SELECT results_eq(
    $$SELECT task_event_id, created_etl_audit_key = pg_temp.k('A'), updated_etl_audit_key = pg_temp.k('C')
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-A1' AND task_event_id <> 1704 ORDER BY 1$$,
    $$VALUES (1701::bigint, true, false), (1702, true, false), (1703, true, true)$$,
    'only 1703 changed (it no longer ends the assignment and now leaves Q2): it alone gets batch C''s key');
SELECT results_eq(
    $$SELECT work_time_sec, exited_queue_key = iwddm_test.queue_key('Q2') FROM iwddm.task_event_fact WHERE task_event_id = 1703$$,
    $$VALUES (0, true)$$,
    '1703 as recomputed: no work time, exits Q2');
SELECT results_eq(
    $$SELECT created_etl_audit_key = pg_temp.k('C'), updated_etl_audit_key = pg_temp.k('C')
      FROM iwddm.task_event_fact WHERE task_event_id = 1704$$,
    $$VALUES (true, true)$$,
    'the late event''s fact is created by batch C');
SELECT results_eq(
    $$SELECT id, finish_task_event_id, work_time_sec, is_abandon::int, created_etl_audit_key = pg_temp.k('A'),
             updated_etl_audit_key = pg_temp.k('C')
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-A1'$$,
    $$VALUES (1702::bigint, 1704::bigint, 600, 1, true, true)$$,
    'E1''s work fact keeps its id and creator, now ends at 1704 after 600 s, abandoned: updated by C');
SELECT results_eq(
    $$SELECT interaction_id, total_work_time_sec, updated_etl_audit_key = pg_temp.k('C'), created_etl_audit_key = pg_temp.k('A')
      FROM iwddm.task_fact WHERE interaction_id IN ('T-A1', 'T-A2') ORDER BY 1$$,
    $$VALUES ('T-A1', 600, true, true), ('T-A2', 0, false, true)$$,
    'T-A1''s task fact changed (600 s of work): updated by C; T-A2 untouched keeps A');
SELECT results_eq(
    $$SELECT queue_name, created_etl_audit_key = pg_temp.k('C'), updated_etl_audit_key = pg_temp.k('C')
      FROM iwddm.queue WHERE queue_name IN ('Q1', 'Q2') ORDER BY 1$$,
    $$VALUES ('Q1', false, false), ('Q2', true, true)$$,
    'queue Q2 is new in batch C; Q1 keeps its keys');

-- Batch D: a late event before a task's first one ------------------------------------------------
SELECT iwddm_test.load(iwddm_test.event(1710, 'T-A2', '2026-11-20T09:30:00Z', 'new', 'Created', 'Q1'));
INSERT INTO batch_key VALUES ('D', pg_temp.latest_batch());
SELECT results_eq(
    $$SELECT valid_from, valid_from_time_key, created_etl_audit_key = pg_temp.k('A'), updated_etl_audit_key = pg_temp.k('D')
      FROM iwddm.department WHERE department_name = 'Billing'$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, 93000, true, true)$$,
    'the department is now valid from 09:30: updated by D');
SELECT results_eq(
    $$SELECT created_ts, start_date_time_key, updated_etl_audit_key = pg_temp.k('D')
      FROM iwddm.task_fact WHERE interaction_id = 'T-A2'$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, extract(epoch FROM '2026-11-20 09:30Z'::timestamptz)::bigint, true)$$,
    'T-A2 now starts at 09:30: updated by D');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key IS NOT NULL, updated_etl_audit_key = pg_temp.k('D')
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-A2' ORDER BY 1$$,
    $$VALUES (1710::bigint, true, true), (1711, false, true)$$,
    '1711 no longer enters Q1 (1710 does): both carry D');

-- The "changed since" export: rows of batches C and D --------------------------------------------
SELECT results_eq(
    $$SELECT task_event_id FROM iwddm.task_event_fact
      WHERE updated_etl_audit_key BETWEEN pg_temp.k('C') AND pg_temp.k('D') ORDER BY 1$$,
    $$VALUES (1703::bigint), (1704), (1710), (1711)$$,
    'event facts changed since C: exactly those the late events changed');

-- The historical move and back: ids and keys stay -------------------------------------------------
SELECT iwddm_test.load(iwddm_test.event(1721, 'T-A3', '2026-11-21T12:00:00Z', 'new', 'Created', 'Q1'));
CREATE TEMP TABLE before_move AS
SELECT id, task_event_id AS row_key, created_etl_audit_key, updated_etl_audit_key FROM iwddm.task_event_fact
WHERE interaction_id = 'T-A1'
UNION ALL SELECT id, -assign_task_event_id, created_etl_audit_key, updated_etl_audit_key FROM iwddm.task_work_fact
WHERE interaction_id = 'T-A1';
CALL iwddm.run_historical(NULL);
SELECT is((SELECT count(*) FROM iwddm.h_task_event_fact WHERE interaction_id = 'T-A1'), 4::bigint,
          'T-A1 (final on a closed day) moved to the h_ tables');
SELECT results_eq(
    $$SELECT id, task_event_id, created_etl_audit_key, updated_etl_audit_key FROM iwddm.h_task_event_fact
      WHERE interaction_id = 'T-A1'
      UNION ALL SELECT id, -assign_task_event_id, created_etl_audit_key, updated_etl_audit_key FROM iwddm.h_task_work_fact
      WHERE interaction_id = 'T-A1' ORDER BY 2$$,
    $$SELECT * FROM before_move ORDER BY 2$$,
    'the move keeps every id and audit key');
SELECT iwddm_test.load(iwddm_test.event(1705, 'T-A1', '2026-11-20T10:35:00Z', 'completed', 'Updated', 'Done', NULL,
                                        '{"resultCode": "late"}'));
INSERT INTO batch_key VALUES ('E', pg_temp.latest_batch());
SELECT results_eq(
    $$SELECT id, task_event_id, created_etl_audit_key, updated_etl_audit_key FROM iwddm.i_task_event_fact
      WHERE interaction_id = 'T-A1' AND task_event_id <> 1705
      UNION ALL SELECT id, -assign_task_event_id, created_etl_audit_key, updated_etl_audit_key FROM iwddm.i_task_work_fact
      WHERE interaction_id = 'T-A1' ORDER BY 2$$,
    $$SELECT * FROM before_move ORDER BY 2$$,
    'a late event moves T-A1 back to i_; its unchanged rows keep their ids and keys');
SELECT results_eq(
    $$SELECT last_task_event_id, last_result_code_key = iwddm.member_key('late'), updated_etl_audit_key = pg_temp.k('E')
      FROM iwddm.task_fact WHERE interaction_id = 'T-A1'$$,
    $$VALUES (1705::bigint, true, true)$$,
    'T-A1''s task fact now ends at 1705 with its result code: updated by E');

-- A time-zone change stamps what it changes with its own audit row -------------------------------
CALL iwddm.set_timezone('Europe/Berlin');
SELECT results_eq(
    $$SELECT entry_kind, status, process_name FROM iwddm.etl_audit WHERE etl_audit_key = (SELECT max(etl_audit_key) FROM iwddm.etl_audit)$$,
    $$VALUES ('maintenance', 'FINISHED', 'set_timezone')$$,
    'set_timezone writes a maintenance audit row');
SELECT results_eq(
    $$SELECT count(*) FILTER (WHERE updated_etl_audit_key = (SELECT max(etl_audit_key) FROM iwddm.etl_audit)), count(*),
             count(*) FILTER (WHERE event_time_key = 110000 AND task_event_id = 1701)
      FROM iwddm.task_event_fact$$,
    $$VALUES (8::bigint, 8::bigint, 1::bigint)$$,
    'every event fact''s time key moved an hour (10:00Z is 11:00 in Berlin): all carry its key');
SELECT results_eq(
    $$SELECT cal_date, label_yyyy_mm_dd FROM iwddm.date_time WHERE date_time_key = extract(epoch FROM '2026-11-20 23:30Z'::timestamptz)$$,
    $$VALUES ('2026-11-21'::date, '2026-11-21')$$,
    'in Berlin the interval starting 23:30Z lies on the 21st');

SELECT * FROM finish();
ROLLBACK;
