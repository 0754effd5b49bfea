-- Batches that mix in-order and late events (issue 14, SPEC §5, §6): an event is in order
-- when it comes after its task's last stored event (timestamp, id), late otherwise; a late
-- event may even come before the task's first stored event. Each mix gives the hand-worked
-- facts and 15-minute rows; iwddm.rebuild_aggregates finds nothing to change after batches
-- 1, 2, 3 and 5; and the facts and aggregates equal those of loading all the events in one
-- batch. Times are 2026-11-20 UTC unless dated. Every scenario has its own groups, so its rows stand alone:
-- department Mx (process P, category C-Mx), media type mx, queues Qx1, Qx2, QxD, agents Ex1, Ex2.
--
-- A: one batch with, for T-A1, a late event and in-order ones; for T-A2 only in-order ones;
--    for T-A3 only a late one.
--    T-A1 2401 10:00 new QA1 (b1); 2403 10:10 held QA1 (b2, late); 2402 10:20 assigned EA1 (b1);
--         2404 10:40 queued QA2 (b2); 2405 10:50 completed QAD (b2)
--    T-A2 2411 10:05 new QA1 (b1); 2412 10:30 assigned EA1 (b2); 2413 10:45 completed QAD EA1 (b2)
--    T-A3 2421 10:15 new QA1 (b1); 2422 10:25 assigned EA2 (b2, late); 2423 10:35 queued QA2 (b1)
-- B: late events before a task's first stored event.
--    T-B1 2430 09:40 new QB2 (b2, before 2431); 2431 10:30 queued QB1 (b1); 2432 10:50 completed QBD (b1)
--    T-B2 2445 10:05 new QB1 (b2, before 2446); 2446 11:00 queued QB1 (b1); 2447 11:20 completed QBD (b2)
-- C: in-order events across batches.
--    T-C1 (due 10:40) 2451 10:00 new QC1 (b1); 2452 11:10 completed QCD (b2): crosses its due time
--    T-C2 2461 10:00 new QC1 (b1); 2462 11:30 completed QCD (b2): crosses the 1 h age band
--    T-C3 2471 10:00 new QC1, 2472 10:10 assigned EC1 (b1); 2473 10:25 held (b2);
--         2474 10:55 assigned EC1, 2475 11:05 completed QCD EC1 (b3): an assignment and a hold
--         each end in the batch after the one that started them
--    T-C4 2481 10:00 new QC1, 2482 10:20 completed QCD (b1); 2483 10:50 queued QC2 (b2, reopens);
--         2484 11:20 canceled QCD (b3)
-- D: a task moved to h_ gets, in one batch, an event before its first stored one and an
--    in-order one that reopens it.
--    T-D1 2490 10:00 new QD2 (b5); 2491 10:30 new QD1, 2492 10:45 completed QDD (b4);
--         2493 2026-11-21 03:10 queued QD1 (b5)
--    T-D9 2499 2026-11-21 03:00 new QZ1 (b4, department MZ) closes 2026-11-20, so that
--         run_historical after batch 4 moves T-D1.
-- Batch 0 (T-P0, 08:00) names every dimension member first, so that comparing the batched loads
-- with the one-batch load (in a savepoint rolled back) does not depend on how surrogate keys
-- are assigned (hashes of natural keys today; a sequence would not roll back).
BEGIN;
SELECT plan(65);

-- A scenario event at hms on 2026-11-20 (or at a full date-time): the group letter defaults to
-- the task's (T-A1 -> A).
CREATE FUNCTION pg_temp.ev(id bigint, task text, hms text, status text, event_type text, queue text,
                           agent text DEFAULT NULL, grp text DEFAULT NULL, extra jsonb DEFAULT '{}')
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT iwddm_test.event(id, task, CASE WHEN hms LIKE '%T%' THEN hms ELSE '2026-11-20T' || hms END || 'Z', status, event_type, queue, agent,
                            jsonb_build_object(
                                'category', jsonb_build_object('id', 'C-M' || coalesce(grp, substr(task, 3, 1)),
                                                               'path', jsonb_build_array('M' || coalesce(grp, substr(task, 3, 1)), 'P')),
                                'mediaType', 'm' || coalesce(grp, substr(task, 3, 1))) || extra)
$$;

CREATE TEMP TABLE scenario (id bigint PRIMARY KEY, batch int, raw text);
INSERT INTO scenario VALUES
    (2380, 0, pg_temp.ev(2380, 'T-P0', '08:00:00', 'new', 'Created', 'QA1', grp => 'A')),
    (2381, 0, pg_temp.ev(2381, 'T-P0', '08:00:01', 'queued', 'Queued', 'QA2', 'EA1', 'A')),
    (2382, 0, pg_temp.ev(2382, 'T-P0', '08:00:02', 'queued', 'Queued', 'QAD', 'EA2', 'A')),
    (2383, 0, pg_temp.ev(2383, 'T-P0', '08:00:03', 'queued', 'Classified', 'QB1', grp => 'B')),
    (2384, 0, pg_temp.ev(2384, 'T-P0', '08:00:04', 'queued', 'Queued', 'QB2', grp => 'B')),
    (2385, 0, pg_temp.ev(2385, 'T-P0', '08:00:05', 'queued', 'Queued', 'QBD', grp => 'B')),
    (2386, 0, pg_temp.ev(2386, 'T-P0', '08:00:06', 'queued', 'Classified', 'QC1', 'EC1', 'C')),
    (2387, 0, pg_temp.ev(2387, 'T-P0', '08:00:07', 'queued', 'Queued', 'QC2', grp => 'C')),
    (2388, 0, pg_temp.ev(2388, 'T-P0', '08:00:08', 'queued', 'Queued', 'QCD', grp => 'C')),
    (2389, 0, pg_temp.ev(2389, 'T-P0', '08:00:09', 'queued', 'Classified', 'QD1', grp => 'D')),
    (2390, 0, pg_temp.ev(2390, 'T-P0', '08:00:10', 'queued', 'Queued', 'QD2', grp => 'D')),
    (2391, 0, pg_temp.ev(2391, 'T-P0', '08:00:11', 'queued', 'Classified', 'QZ1', grp => 'Z')),
    (2392, 0, pg_temp.ev(2392, 'T-P0', '08:00:12', 'canceled', 'Canceled', 'QDD', grp => 'D')),
    -- A
    (2401, 1, pg_temp.ev(2401, 'T-A1', '10:00:00', 'new', 'Created', 'QA1')),
    (2402, 1, pg_temp.ev(2402, 'T-A1', '10:20:00', 'assigned', 'Assigned', 'QA1', 'EA1')),
    (2403, 2, pg_temp.ev(2403, 'T-A1', '10:10:00', 'held', 'Held', 'QA1')),
    (2404, 2, pg_temp.ev(2404, 'T-A1', '10:40:00', 'queued', 'Unassigned', 'QA2')),
    (2405, 2, pg_temp.ev(2405, 'T-A1', '10:50:00', 'completed', 'Completed', 'QAD')),
    (2411, 1, pg_temp.ev(2411, 'T-A2', '10:05:00', 'new', 'Created', 'QA1')),
    (2412, 2, pg_temp.ev(2412, 'T-A2', '10:30:00', 'assigned', 'Assigned', 'QA1', 'EA1')),
    (2413, 2, pg_temp.ev(2413, 'T-A2', '10:45:00', 'completed', 'Completed', 'QAD', 'EA1')),
    (2421, 1, pg_temp.ev(2421, 'T-A3', '10:15:00', 'new', 'Created', 'QA1')),
    (2422, 2, pg_temp.ev(2422, 'T-A3', '10:25:00', 'assigned', 'Assigned', 'QA1', 'EA2')),
    (2423, 1, pg_temp.ev(2423, 'T-A3', '10:35:00', 'queued', 'Queued', 'QA2')),
    -- B
    (2430, 2, pg_temp.ev(2430, 'T-B1', '09:40:00', 'new', 'Created', 'QB2')),
    (2431, 1, pg_temp.ev(2431, 'T-B1', '10:30:00', 'queued', 'Queued', 'QB1')),
    (2432, 1, pg_temp.ev(2432, 'T-B1', '10:50:00', 'completed', 'Completed', 'QBD')),
    (2445, 2, pg_temp.ev(2445, 'T-B2', '10:05:00', 'new', 'Created', 'QB1')),
    (2446, 1, pg_temp.ev(2446, 'T-B2', '11:00:00', 'queued', 'Queued', 'QB1')),
    (2447, 2, pg_temp.ev(2447, 'T-B2', '11:20:00', 'completed', 'Completed', 'QBD')),
    -- C
    (2451, 1, pg_temp.ev(2451, 'T-C1', '10:00:00', 'new', 'Created', 'QC1', extra => '{"dueDateTime": "2026-11-20T10:40:00Z"}')),
    (2452, 2, pg_temp.ev(2452, 'T-C1', '11:10:00', 'completed', 'Completed', 'QCD', extra => '{"dueDateTime": "2026-11-20T10:40:00Z"}')),
    (2461, 1, pg_temp.ev(2461, 'T-C2', '10:00:00', 'new', 'Created', 'QC1')),
    (2462, 2, pg_temp.ev(2462, 'T-C2', '11:30:00', 'completed', 'Completed', 'QCD')),
    (2471, 1, pg_temp.ev(2471, 'T-C3', '10:00:00', 'new', 'Created', 'QC1')),
    (2472, 1, pg_temp.ev(2472, 'T-C3', '10:10:00', 'assigned', 'Assigned', 'QC1', 'EC1')),
    (2473, 2, pg_temp.ev(2473, 'T-C3', '10:25:00', 'held', 'Held', 'QC1')),
    (2474, 3, pg_temp.ev(2474, 'T-C3', '10:55:00', 'assigned', 'Resumed', 'QC1', 'EC1')),
    (2475, 3, pg_temp.ev(2475, 'T-C3', '11:05:00', 'completed', 'Completed', 'QCD', 'EC1')),
    (2481, 1, pg_temp.ev(2481, 'T-C4', '10:00:00', 'new', 'Created', 'QC1')),
    (2482, 1, pg_temp.ev(2482, 'T-C4', '10:20:00', 'completed', 'Completed', 'QCD')),
    (2483, 2, pg_temp.ev(2483, 'T-C4', '10:50:00', 'queued', 'Restarted', 'QC2')),
    (2484, 3, pg_temp.ev(2484, 'T-C4', '11:20:00', 'canceled', 'Canceled', 'QCD')),
    -- D
    (2490, 5, pg_temp.ev(2490, 'T-D1', '10:00:00', 'new', 'Created', 'QD2')),
    (2491, 4, pg_temp.ev(2491, 'T-D1', '10:30:00', 'new', 'Created', 'QD1')),
    (2492, 4, pg_temp.ev(2492, 'T-D1', '10:45:00', 'completed', 'Completed', 'QDD')),
    (2493, 5, pg_temp.ev(2493, 'T-D1', '2026-11-21T03:10:00', 'queued', 'Restarted', 'QD1')),
    (2499, 4, pg_temp.ev(2499, 'T-D9', '2026-11-21T03:00:00', 'new', 'Created', 'QZ1', grp => 'Z'));

-- One batch of the scenario, staged in reverse id order.
CREATE FUNCTION pg_temp.load_batch(n int) RETURNS void LANGUAGE sql AS $$
    SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id DESC) FROM scenario WHERE batch = n))
$$;

-- Non-zero 15-minute rows from 09:00 on (T-P0's 08:00 rows left out), with readable groups.
CREATE TEMP VIEW classif AS
SELECT to_timestamp(a.date_time_key) AS interval_start, d.department_name AS dept,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.completed_overdue::int,
       a.complete_time_sum_sec::int AS ct_sum, a.backlog::int, a.overdue_backlog::int
FROM iwddm.iwd_agg_task_classif_15min a
JOIN iwddm.department d ON d.department_key = a.department_key
WHERE a.date_time_key >= iwddm_test.epoch('2026-11-20 09:00Z')
  AND (a.entered, a.completed, a.canceled, a.rejected, a.completed_overdue, a.complete_time_sum_sec,
       a.backlog, a.overdue_backlog) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0);

CREATE TEMP VIEW capt AS
SELECT to_timestamp(a.date_time_key) AS interval_start, mt.media_type_name AS media,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.backlog::int
FROM iwddm.iwd_agg_task_capt_15min a
JOIN iwddm.media_type mt ON mt.media_type_key = a.media_type_key
WHERE a.date_time_key >= iwddm_test.epoch('2026-11-20 09:00Z')
  AND (a.entered, a.completed, a.canceled, a.rejected, a.backlog) IS DISTINCT FROM (0, 0, 0, 0, 0);

CREATE TEMP VIEW queue AS
SELECT to_timestamp(a.date_time_key) AS interval_start, q.queue_name AS queue,
       a.entered_queue::int, a.exited_queue::int, a.queue_time_sum_sec::int AS qt_sum, a.in_queue::int
FROM iwddm.iwd_agg_task_queue_15min a
JOIN iwddm.queue q ON q.queue_key = a.queue_key
WHERE a.date_time_key >= iwddm_test.epoch('2026-11-20 09:00Z')
  AND (a.entered_queue, a.exited_queue, a.queue_time_sum_sec, a.in_queue) IS DISTINCT FROM (0, 0, 0, 0);

CREATE TEMP VIEW agent AS
SELECT to_timestamp(a.date_time_key) AS interval_start, g.employee_id AS agent,
       a.assigned::int, a.finished::int, a.abandoned::int, a.work_time_sum_sec::int AS wt_sum
FROM iwddm.iwd_agg_task_agent_15min a
JOIN iwddm.agent g ON g.agent_key = a.agent_key
WHERE a.date_time_key >= iwddm_test.epoch('2026-11-20 09:00Z')
  AND (a.assigned, a.finished, a.abandoned, a.work_time_sum_sec) IS DISTINCT FROM (0, 0, 0, 0);

CREATE TEMP VIEW age AS
SELECT to_timestamp(a.date_time_key) AS interval_start, d.department_name AS dept, g.age_name AS band, a.backlog::int
FROM iwddm.iwd_agg_task_age_15min a
JOIN iwddm.department d ON d.department_key = a.department_key
JOIN iwddm.age g ON g.age_key = a.age_key
WHERE a.date_time_key >= iwddm_test.epoch('2026-11-20 09:00Z') AND a.backlog IS DISTINCT FROM 0;

-- Everything a load computes, as (part, row): the three facts without their audit keys (they
-- name the batch that wrote a row) and every non-zero row of each area's 15-minute view.
CREATE FUNCTION pg_temp.without_audit_keys(r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_object_agg(key, value) FROM jsonb_each(r) WHERE key NOT LIKE '%etl\_audit\_key'
$$;
CREATE FUNCTION pg_temp.agg_state() RETURNS TABLE (part text, r jsonb) LANGUAGE plpgsql AS $$
DECLARE
    area_name text;
BEGIN
    FOR area_name IN SELECT unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) LOOP
        RETURN QUERY EXECUTE format(
            $q$SELECT %L, x FROM (SELECT to_jsonb(v) AS x FROM iwddm.%I v) v
               WHERE EXISTS (SELECT 1 FROM jsonb_each(x) e WHERE e.key NOT LIKE '%%\_key' AND e.value <> '0'::jsonb)$q$,
            area_name, 'iwd_agg_' || area_name || '_15min');
    END LOOP;
END
$$;
CREATE FUNCTION pg_temp.state() RETURNS TABLE (part text, r jsonb) LANGUAGE sql AS $$
    SELECT 'task_fact', pg_temp.without_audit_keys(to_jsonb(t)) FROM iwddm.task_fact t
    UNION ALL SELECT 'task_event_fact', pg_temp.without_audit_keys(to_jsonb(e)) FROM iwddm.task_event_fact e
    UNION ALL SELECT 'task_work_fact', pg_temp.without_audit_keys(to_jsonb(w)) FROM iwddm.task_work_fact w
    UNION ALL SELECT * FROM pg_temp.agg_state()
$$;

-- Rebuilds the aggregates over the whole covered range; returns the 15-minute rows that the
-- rebuild removed ('-') or added ('+'), empty when it changed nothing. Called in a savepoint
-- rolled back afterwards, so that the next batch builds on the loads' own state; the result
-- is kept in a psql variable (pgTAP records no result inside such a savepoint).
CREATE FUNCTION pg_temp.rebuild_changes() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    cfg     iwddm.mart_config;
    changes text;
BEGIN
    CREATE TEMP TABLE before_rebuild AS SELECT * FROM pg_temp.agg_state();
    SELECT * INTO cfg FROM iwddm.mart_config;
    CALL iwddm.rebuild_aggregates(to_timestamp(cfg.agg_from), to_timestamp(cfg.agg_to));
    SELECT string_agg(change, E'\n' ORDER BY change) INTO changes FROM (
        (SELECT '- ' || part || ' ' || r::text AS change FROM (SELECT * FROM before_rebuild EXCEPT ALL SELECT * FROM pg_temp.agg_state()) o)
        UNION ALL
        (SELECT '+ ' || part || ' ' || r::text FROM (SELECT * FROM pg_temp.agg_state() EXCEPT ALL SELECT * FROM before_rebuild) n)) c;
    DROP TABLE before_rebuild;
    RETURN coalesce(changes, '');
END
$$;

-- ---------------------------------------------------------------------------------------
-- Batch 0, then the references: every event of A, B and C in one batch, and T-D1's events in
-- one batch, each kept in a psql variable while its savepoint is rolled back.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT pg_temp.load_batch(0)$$, 'batch 0 names every queue, agent, department and media type');

SAVEPOINT one_batch;
SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id) FROM scenario WHERE batch BETWEEN 1 AND 3));
SELECT (SELECT jsonb_agg(jsonb_build_array(part, r)) FROM pg_temp.state()) AS one_batch_state \gset
ROLLBACK TO SAVEPOINT one_batch;
SAVEPOINT one_batch_d;
SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id) FROM scenario WHERE batch IN (4, 5)));
SELECT (SELECT jsonb_agg(jsonb_build_array(part, r)) FROM pg_temp.state()
        WHERE part LIKE 'task%fact' AND r->>'interaction_id' = 'T-D1') AS one_batch_d1 \gset
ROLLBACK TO SAVEPOINT one_batch_d;
CREATE TEMP TABLE one_batch_d1 AS SELECT e->1 AS r FROM jsonb_array_elements(:'one_batch_d1'::jsonb) e;

CREATE TEMP TABLE one_batch_state AS
SELECT e->>0 AS part, e->1 AS r FROM jsonb_array_elements(:'one_batch_state'::jsonb) e;
SELECT results_eq(
    $$SELECT part, count(*)::int FROM one_batch_state WHERE r->>'interaction_id' <> 'T-P0' GROUP BY part ORDER BY part$$,
    $$VALUES ('task_event_fact', 30), ('task_fact', 9), ('task_work_fact', 5)$$,
    'the one-batch reference holds the 30 events, 9 tasks and 5 assignments of A, B and C');
SELECT is((SELECT count(*)::int FROM one_batch_d1), 5, 'the one-batch reference of T-D1 holds its task fact and four event facts');
SELECT is((SELECT count(*)::int FROM iwddm.task_fact WHERE interaction_id <> 'T-P0'), 0,
          'the savepoint rolled the one-batch load back');

-- ---------------------------------------------------------------------------------------
-- Batch 1
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT pg_temp.load_batch(1)$$, 'batch 1 loads');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id IN ('T-A1', 'T-C3') ORDER BY 1$$,
    $$VALUES (2402::bigint, NULL::bigint, iwddm_test.agent_key('EA1'), NULL::int, NULL::int),
             (2472, NULL, iwddm_test.agent_key('EC1'), NULL, NULL)$$,
    'after batch 1 the assignments of T-A1 and T-C3 are running');
SELECT results_eq(
    $$SELECT created_ts, created_interval, start_date_time_key, created_time_key, complete_time_from_created_sec
      FROM iwddm.task_fact WHERE interaction_id = 'T-B1'$$,
    $$VALUES ('2026-11-20 10:30Z'::timestamptz, iwddm_test.epoch('2026-11-20 10:30Z'), iwddm_test.epoch('2026-11-20 10:30Z'),
              103000, 1200)$$,
    'after batch 1 T-B1 starts at 10:30 and took 1200 s to complete');
SELECT results_eq(
    $$SELECT interval_start, overdue_backlog FROM classif WHERE dept = 'MC' AND overdue_backlog <> 0 ORDER BY 1$$,
    $$VALUES ('2026-11-20 10:30Z'::timestamptz, 1), ('2026-11-20 10:45Z', 1), ('2026-11-20 11:00Z', 1)$$,
    'after batch 1 T-C1 (due 10:40, open) is overdue at the ends of 10:30, 10:45 and 11:00 (the covered range ends with 11:00)');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, final_ts FROM iwddm.task_fact WHERE interaction_id = 'T-C4'$$,
    $$VALUES (iwddm_test.status_key('completed')::int, '2026-11-20 10:20Z'::timestamptz, '2026-11-20 10:20Z'::timestamptz)$$,
    'after batch 1 T-C4 is completed at 10:20');
SAVEPOINT rebuild_1;
SELECT pg_temp.rebuild_changes() AS rebuild_changes_1 \gset
ROLLBACK TO SAVEPOINT rebuild_1;
SELECT is(:'rebuild_changes_1'::text, '', 'after batch 1 rebuild_aggregates changes no 15-minute row');

-- ---------------------------------------------------------------------------------------
-- Batch 2
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT pg_temp.load_batch(2)$$, 'batch 2 (in-order and late events mixed) loads');

-- A: the mixed task.
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key, work_time_sec, held_time_sec
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-A1' ORDER BY event_ts, task_event_id$$,
    $$VALUES (2401::bigint, iwddm_test.queue_key('QA1'), NULL::bigint, 0, 0),
             (2403, NULL, NULL, 0, 0),
             (2402, NULL, NULL, 0, 600),
             (2404, iwddm_test.queue_key('QA2'), iwddm_test.queue_key('QA1'), 1200, 0),
             (2405, iwddm_test.queue_key('QAD'), iwddm_test.queue_key('QA2'), 0, 0)$$,
    'T-A1: the late hold ends at the stored assignment (600 s held); the in-order unassign ends it (1200 s), then the queue moves QA1 -> QA2 -> QAD');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, assign_ts, finish_ts, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id LIKE 'T-A_' ORDER BY 1$$,
    $$VALUES (2402::bigint, 2404::bigint, iwddm_test.agent_key('EA1'), '2026-11-20 10:20Z'::timestamptz,
              '2026-11-20 10:40Z'::timestamptz, 1200, 1),
             (2412, 2413, iwddm_test.agent_key('EA1'), '2026-11-20 10:30Z', '2026-11-20 10:45Z', 900, 0),
             (2422, 2423, iwddm_test.agent_key('EA2'), '2026-11-20 10:25Z', '2026-11-20 10:35Z', 600, 1)$$,
    'T-A1''s running assignment ends abandoned in batch 2; T-A2''s in-order one finishes; T-A3''s late one is ended by its stored queued event');
SELECT results_eq(
    $$SELECT interaction_id, last_task_event_id, event_count, current_status_key::int, current_queue_key, created_ts,
             first_assigned_ts, assign_time_from_created_sec, completed_ts, complete_time_from_created_sec,
             total_work_time_sec, total_held_time_sec, last_assigned_agent_key
      FROM iwddm.task_fact WHERE interaction_id LIKE 'T-A_' ORDER BY 1$$,
    $$VALUES ('T-A1', 2405::bigint, 5, iwddm_test.status_key('completed')::int, iwddm_test.queue_key('QAD'),
              '2026-11-20 10:00Z'::timestamptz, '2026-11-20 10:20Z'::timestamptz, 1200, '2026-11-20 10:50Z'::timestamptz,
              3000, 1200, 600, iwddm_test.agent_key('EA1')),
             ('T-A2', 2413, 3, iwddm_test.status_key('completed')::int, iwddm_test.queue_key('QAD'),
              '2026-11-20 10:05Z', '2026-11-20 10:30Z', 1500, '2026-11-20 10:45Z', 2400, 900, 0, iwddm_test.agent_key('EA1')),
             ('T-A3', 2423, 3, iwddm_test.status_key('queued')::int, iwddm_test.queue_key('QA2'),
              '2026-11-20 10:15Z', '2026-11-20 10:25Z', 600, NULL, NULL, 600, 0, iwddm_test.agent_key('EA2'))$$,
    'the task facts of A after the mixed batch');

-- B: before the first stored event.
SELECT results_eq(
    $$SELECT interaction_id, created_ts, created_date_key, created_time_key, created_interval, start_date_time_key,
             completed_ts, completed_interval, complete_time_from_created_sec, event_count, last_task_event_id
      FROM iwddm.task_fact WHERE interaction_id LIKE 'T-B_' ORDER BY 1$$,
    $$VALUES ('T-B1', '2026-11-20 09:40Z'::timestamptz, 20261120, 94000, iwddm_test.epoch('2026-11-20 09:30Z'),
              iwddm_test.epoch('2026-11-20 09:30Z'), '2026-11-20 10:50Z'::timestamptz, iwddm_test.epoch('2026-11-20 10:45Z'),
              4200, 3, 2432::bigint),
             ('T-B2', '2026-11-20 10:05Z', 20261120, 100500, iwddm_test.epoch('2026-11-20 10:00Z'),
              iwddm_test.epoch('2026-11-20 10:00Z'), '2026-11-20 11:20Z', iwddm_test.epoch('2026-11-20 11:15Z'), 4500, 3, 2447)$$,
    'a late event before the first stored one becomes the creation: created keys, start interval and complete time move');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key, start_date_time_key
      FROM iwddm.task_event_fact WHERE interaction_id LIKE 'T-B_' ORDER BY interaction_id, event_ts$$,
    $$VALUES (2430::bigint, iwddm_test.queue_key('QB2'), NULL::bigint, iwddm_test.epoch('2026-11-20 09:30Z')),
             (2431, iwddm_test.queue_key('QB1'), iwddm_test.queue_key('QB2'), iwddm_test.epoch('2026-11-20 10:30Z')),
             (2432, iwddm_test.queue_key('QBD'), iwddm_test.queue_key('QB1'), iwddm_test.epoch('2026-11-20 10:45Z')),
             (2445, iwddm_test.queue_key('QB1'), NULL, iwddm_test.epoch('2026-11-20 10:00Z')),
             (2446, NULL, NULL, iwddm_test.epoch('2026-11-20 11:00Z')),
             (2447, iwddm_test.queue_key('QBD'), iwddm_test.queue_key('QB1'), iwddm_test.epoch('2026-11-20 11:15Z'))$$,
    'the new first event enters the queue; the old first event now exits QB2 (T-B1) or, in the same queue, enters nothing (T-B2)');

-- C: across batches.
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-C3' ORDER BY 1$$,
    $$VALUES (2472::bigint, 2473::bigint, 900, 1)$$,
    'T-C3''s assignment started in batch 1 ends at the hold of batch 2 after 900 s, abandoned');
SELECT results_eq(
    $$SELECT current_status_key::int, total_work_time_sec, total_held_time_sec FROM iwddm.task_fact WHERE interaction_id = 'T-C3'$$,
    $$VALUES (iwddm_test.status_key('held')::int, 900, 0)$$,
    'T-C3 is held; the running hold adds nothing yet');
SELECT results_eq(
    $$SELECT current_status_key::int, current_queue_key, completed_ts, complete_time_from_created_sec, final_ts,
             stopped_date_key, completed_interval
      FROM iwddm.task_fact WHERE interaction_id = 'T-C4'$$,
    $$VALUES (iwddm_test.status_key('queued')::int, iwddm_test.queue_key('QC2'), NULL::timestamptz, NULL::int,
              NULL::timestamptz, NULL::int, NULL::bigint)$$,
    'the in-order restart reopens T-C4: queued in QC2, no completed or final time');
SELECT results_eq(
    $$SELECT interval_start, backlog, overdue_backlog, completed, completed_overdue, ct_sum
      FROM classif WHERE dept = 'MC' AND interval_start >= '2026-11-20 10:30Z' ORDER BY 1$$,
    $$VALUES ('2026-11-20 10:30Z'::timestamptz, 3, 1, 0, 0, 0),
             ('2026-11-20 10:45Z', 4, 1, 0, 0, 0),
             ('2026-11-20 11:00Z', 3, 0, 1, 1, 4200),
             ('2026-11-20 11:15Z', 3, 0, 0, 0, 0),
             ('2026-11-20 11:30Z', 2, 0, 1, 0, 5400)$$,
    'after batch 2: T-C1''s completion at 11:10 ends its overdue flow (completed overdue); T-C4 is back from 10:45; T-C3 and T-C4 stay open');
SAVEPOINT rebuild_2;
SELECT pg_temp.rebuild_changes() AS rebuild_changes_2 \gset
ROLLBACK TO SAVEPOINT rebuild_2;
SELECT is(:'rebuild_changes_2'::text, '', 'after batch 2 rebuild_aggregates changes no 15-minute row');

-- ---------------------------------------------------------------------------------------
-- Batch 3
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT pg_temp.load_batch(3)$$, 'batch 3 loads');
SELECT results_eq(
    $$SELECT task_event_id, work_time_sec, held_time_sec FROM iwddm.task_event_fact WHERE interaction_id = 'T-C3' ORDER BY 1$$,
    $$VALUES (2471::bigint, 0, 0), (2472, 0, 0), (2473, 900, 0), (2474, 0, 1800), (2475, 600, 0)$$,
    'T-C3''s hold started in batch 2 ends in batch 3 after 1800 s; the new assignment finishes after 600 s');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-C3' ORDER BY 1$$,
    $$VALUES (2472::bigint, 2473::bigint, 900, 1), (2474, 2475, 600, 0)$$,
    'T-C3 has two assignments: abandoned, then finished');
SELECT results_eq(
    $$SELECT first_assigned_ts, assign_time_from_created_sec, total_work_time_sec, total_held_time_sec, completed_ts,
             complete_time_from_created_sec, last_assigned_agent_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-C3'$$,
    $$VALUES ('2026-11-20 10:10Z'::timestamptz, 600, 1500, 1800, '2026-11-20 11:05Z'::timestamptz, 3900, iwddm_test.agent_key('EC1'))$$,
    'T-C3 totals 1500 s of work and 1800 s held');
SELECT results_eq(
    $$SELECT current_status_key::int, current_queue_key, completed_ts, final_ts, stopped_date_key, event_count
      FROM iwddm.task_fact WHERE interaction_id = 'T-C4'$$,
    $$VALUES (iwddm_test.status_key('canceled')::int, iwddm_test.queue_key('QCD'), NULL::timestamptz,
              '2026-11-20 11:20Z'::timestamptz, 20261120, 4)$$,
    'T-C4 is canceled at 11:20: final again, with no completed time');
SELECT results_eq(
    $$SELECT interaction_id, completed_ts, complete_time_from_created_sec, due_ts FROM iwddm.task_fact
      WHERE interaction_id IN ('T-C1', 'T-C2') ORDER BY 1$$,
    $$VALUES ('T-C1', '2026-11-20 11:10Z'::timestamptz, 4200, '2026-11-20 10:40Z'::timestamptz),
             ('T-C2', '2026-11-20 11:30Z', 5400, NULL)$$,
    'T-C1 and T-C2 completed by their in-order events');

-- Final 15-minute rows, scenario by scenario ---------------------------------------------------
SELECT results_eq(
    $$SELECT * FROM classif WHERE dept = 'MA' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MA', 2, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:15Z', 'MA', 1, 0, 0, 0, 0, 0, 3, 0),
             ('2026-11-20 10:30Z', 'MA', 0, 0, 0, 0, 0, 0, 3, 0),
             ('2026-11-20 10:45Z', 'MA', 0, 2, 0, 0, 0, 5400, 1, 0),
             ('2026-11-20 11:00Z', 'MA', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:15Z', 'MA', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:30Z', 'MA', 0, 0, 0, 0, 0, 0, 1, 0)$$,
    'A task_classif: T-A1 and T-A2 complete in 10:45 (3000 + 2400 s); T-A3 stays open to the end');
SELECT results_eq(
    $$SELECT * FROM capt WHERE media = 'mA' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'mA', 2, 0, 0, 0, 2),
             ('2026-11-20 10:15Z', 'mA', 1, 0, 0, 0, 3),
             ('2026-11-20 10:30Z', 'mA', 0, 0, 0, 0, 3),
             ('2026-11-20 10:45Z', 'mA', 0, 2, 0, 0, 1),
             ('2026-11-20 11:00Z', 'mA', 0, 0, 0, 0, 1),
             ('2026-11-20 11:15Z', 'mA', 0, 0, 0, 0, 1),
             ('2026-11-20 11:30Z', 'mA', 0, 0, 0, 0, 1)$$,
    'A task_capt');
SELECT results_eq(
    $$SELECT * FROM queue WHERE queue LIKE 'QA%' ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'QA1', 2, 0, 0, 2),
             ('2026-11-20 10:15Z', 'QA1', 1, 0, 0, 3),
             ('2026-11-20 10:30Z', 'QA1', 0, 2, 3600, 1),
             ('2026-11-20 10:30Z', 'QA2', 2, 0, 0, 2),
             ('2026-11-20 10:45Z', 'QA1', 0, 1, 2400, 0),
             ('2026-11-20 10:45Z', 'QA2', 0, 1, 600, 1),
             ('2026-11-20 10:45Z', 'QAD', 2, 0, 0, 0),
             ('2026-11-20 11:00Z', 'QA2', 0, 0, 0, 1),
             ('2026-11-20 11:15Z', 'QA2', 0, 0, 0, 1),
             ('2026-11-20 11:30Z', 'QA2', 0, 0, 0, 1)$$,
    'A task_queue: T-A1 leaves QA1 after 2400 s and QA2 after 600 s, T-A3 leaves QA1 after 1200 s, T-A2 after 2400 s');
SELECT results_eq(
    $$SELECT * FROM agent WHERE agent LIKE 'EA%' ORDER BY interval_start, agent COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:15Z'::timestamptz, 'EA1', 1, 0, 0, 0),
             ('2026-11-20 10:15Z', 'EA2', 1, 0, 0, 0),
             ('2026-11-20 10:30Z', 'EA1', 1, 0, 1, 1200),
             ('2026-11-20 10:30Z', 'EA2', 0, 0, 1, 600),
             ('2026-11-20 10:45Z', 'EA1', 0, 1, 0, 900)$$,
    'A task_agent: T-A1''s and T-A3''s assignments abandoned in 10:30, T-A2''s finished in 10:45');
SELECT results_eq(
    $$SELECT * FROM age WHERE dept = 'MA' ORDER BY interval_start, band COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MA', '<1h', 2),
             ('2026-11-20 10:15Z', 'MA', '<1h', 3),
             ('2026-11-20 10:30Z', 'MA', '<1h', 3),
             ('2026-11-20 10:45Z', 'MA', '<1h', 1),
             ('2026-11-20 11:00Z', 'MA', '1-4h', 1),
             ('2026-11-20 11:15Z', 'MA', '1-4h', 1),
             ('2026-11-20 11:30Z', 'MA', '1-4h', 1)$$,
    'A task_age: T-A3 (created 10:15) is 1 h old at the end of 11:00');

SELECT results_eq(
    $$SELECT * FROM classif WHERE dept = 'MB' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, 'MB', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 09:45Z', 'MB', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:00Z', 'MB', 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:15Z', 'MB', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:30Z', 'MB', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:45Z', 'MB', 0, 1, 0, 0, 0, 4200, 1, 0),
             ('2026-11-20 11:00Z', 'MB', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:15Z', 'MB', 0, 1, 0, 0, 0, 4500, 0, 0)$$,
    'B task_classif: the entries move to 09:30 and 10:00 (none left in 10:30 or 11:00), complete times from the new creation');
SELECT results_eq(
    $$SELECT * FROM capt WHERE media = 'mB' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, 'mB', 1, 0, 0, 0, 1),
             ('2026-11-20 09:45Z', 'mB', 0, 0, 0, 0, 1),
             ('2026-11-20 10:00Z', 'mB', 1, 0, 0, 0, 2),
             ('2026-11-20 10:15Z', 'mB', 0, 0, 0, 0, 2),
             ('2026-11-20 10:30Z', 'mB', 0, 0, 0, 0, 2),
             ('2026-11-20 10:45Z', 'mB', 0, 1, 0, 0, 1),
             ('2026-11-20 11:00Z', 'mB', 0, 0, 0, 0, 1),
             ('2026-11-20 11:15Z', 'mB', 0, 1, 0, 0, 0)$$,
    'B task_capt');
SELECT results_eq(
    $$SELECT * FROM queue WHERE queue LIKE 'QB%' ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, 'QB2', 1, 0, 0, 1),
             ('2026-11-20 09:45Z', 'QB2', 0, 0, 0, 1),
             ('2026-11-20 10:00Z', 'QB1', 1, 0, 0, 1),
             ('2026-11-20 10:00Z', 'QB2', 0, 0, 0, 1),
             ('2026-11-20 10:15Z', 'QB1', 0, 0, 0, 1),
             ('2026-11-20 10:15Z', 'QB2', 0, 0, 0, 1),
             ('2026-11-20 10:30Z', 'QB1', 1, 0, 0, 2),
             ('2026-11-20 10:30Z', 'QB2', 0, 1, 3000, 0),
             ('2026-11-20 10:45Z', 'QB1', 0, 1, 1200, 1),
             ('2026-11-20 10:45Z', 'QBD', 1, 0, 0, 0),
             ('2026-11-20 11:00Z', 'QB1', 0, 0, 0, 1),
             ('2026-11-20 11:15Z', 'QB1', 0, 1, 4500, 0),
             ('2026-11-20 11:15Z', 'QBD', 1, 0, 0, 0)$$,
    'B task_queue: T-B1 sits 3000 s in QB2 first; T-B2 enters QB1 at 10:05, not 11:00, and leaves it after 4500 s');
SELECT results_eq(
    $$SELECT * FROM age WHERE dept = 'MB' ORDER BY interval_start, band COLLATE "C"$$,
    $$VALUES ('2026-11-20 09:30Z'::timestamptz, 'MB', '<1h', 1),
             ('2026-11-20 09:45Z', 'MB', '<1h', 1),
             ('2026-11-20 10:00Z', 'MB', '<1h', 2),
             ('2026-11-20 10:15Z', 'MB', '<1h', 2),
             ('2026-11-20 10:30Z', 'MB', '1-4h', 1),
             ('2026-11-20 10:30Z', 'MB', '<1h', 1),
             ('2026-11-20 10:45Z', 'MB', '<1h', 1),
             ('2026-11-20 11:00Z', 'MB', '1-4h', 1)$$,
    'B task_age: the ages count from the new creations (T-B1 65 min old at 10:45, T-B2 70 min at 11:15)');
SELECT is((SELECT count(*)::int FROM agent WHERE agent LIKE 'EB%'), 0, 'B has no assignment');

SELECT results_eq(
    $$SELECT * FROM classif WHERE dept = 'MC' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MC', 4, 0, 0, 0, 0, 0, 4, 0),
             ('2026-11-20 10:15Z', 'MC', 0, 1, 0, 0, 0, 1200, 3, 0),
             ('2026-11-20 10:30Z', 'MC', 0, 0, 0, 0, 0, 0, 3, 1),
             ('2026-11-20 10:45Z', 'MC', 0, 0, 0, 0, 0, 0, 4, 1),
             ('2026-11-20 11:00Z', 'MC', 0, 2, 0, 0, 1, 8100, 2, 0),
             ('2026-11-20 11:15Z', 'MC', 0, 0, 1, 0, 0, 0, 1, 0),
             ('2026-11-20 11:30Z', 'MC', 0, 1, 0, 0, 0, 5400, 0, 0)$$,
    'C task_classif: T-C4 completed in 10:15, back from 10:45, canceled in 11:15; T-C1 (overdue) and T-C3 complete in 11:00; T-C2 in 11:30');
SELECT results_eq(
    $$SELECT * FROM capt WHERE media = 'mC' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'mC', 4, 0, 0, 0, 4),
             ('2026-11-20 10:15Z', 'mC', 0, 1, 0, 0, 3),
             ('2026-11-20 10:30Z', 'mC', 0, 0, 0, 0, 3),
             ('2026-11-20 10:45Z', 'mC', 0, 0, 0, 0, 4),
             ('2026-11-20 11:00Z', 'mC', 0, 2, 0, 0, 2),
             ('2026-11-20 11:15Z', 'mC', 0, 0, 1, 0, 1),
             ('2026-11-20 11:30Z', 'mC', 0, 1, 0, 0, 0)$$,
    'C task_capt');
SELECT results_eq(
    $$SELECT * FROM queue WHERE queue LIKE 'QC%' ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'QC1', 4, 0, 0, 4),
             ('2026-11-20 10:15Z', 'QC1', 0, 1, 1200, 3),
             ('2026-11-20 10:15Z', 'QCD', 1, 0, 0, 0),
             ('2026-11-20 10:30Z', 'QC1', 0, 0, 0, 3),
             ('2026-11-20 10:45Z', 'QC1', 0, 0, 0, 3),
             ('2026-11-20 10:45Z', 'QC2', 1, 0, 0, 1),
             ('2026-11-20 10:45Z', 'QCD', 0, 1, 1800, 0),
             ('2026-11-20 11:00Z', 'QC1', 0, 2, 8100, 1),
             ('2026-11-20 11:00Z', 'QC2', 0, 0, 0, 1),
             ('2026-11-20 11:00Z', 'QCD', 2, 0, 0, 0),
             ('2026-11-20 11:15Z', 'QC1', 0, 0, 0, 1),
             ('2026-11-20 11:15Z', 'QC2', 0, 1, 1800, 0),
             ('2026-11-20 11:15Z', 'QCD', 1, 0, 0, 0),
             ('2026-11-20 11:30Z', 'QC1', 0, 1, 5400, 0),
             ('2026-11-20 11:30Z', 'QCD', 1, 0, 0, 0)$$,
    'C task_queue: T-C4 leaves QCD after 1800 s on its reopen and QC2 after 1800 s; T-C1 and T-C3 leave QC1 after 4200 + 3900 s');
SELECT results_eq(
    $$SELECT * FROM agent WHERE agent LIKE 'EC%' ORDER BY interval_start, agent COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'EC1', 1, 0, 0, 0),
             ('2026-11-20 10:15Z', 'EC1', 0, 0, 1, 900),
             ('2026-11-20 10:45Z', 'EC1', 1, 0, 0, 0),
             ('2026-11-20 11:00Z', 'EC1', 0, 1, 0, 600)$$,
    'C task_agent: T-C3''s two assignments, each ended in the batch after its start');
SELECT results_eq(
    $$SELECT * FROM age WHERE dept = 'MC' ORDER BY interval_start, band COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MC', '<1h', 4),
             ('2026-11-20 10:15Z', 'MC', '<1h', 3),
             ('2026-11-20 10:30Z', 'MC', '<1h', 3),
             ('2026-11-20 10:45Z', 'MC', '1-4h', 4),
             ('2026-11-20 11:00Z', 'MC', '1-4h', 2),
             ('2026-11-20 11:15Z', 'MC', '1-4h', 1)$$,
    'C task_age: every open task of C is exactly 1 h old at the end of 10:45, so 1-4h from there');

-- ---------------------------------------------------------------------------------------
-- The batched loads equal the one-batch load, and rebuild_aggregates changes nothing.
-- ---------------------------------------------------------------------------------------
SELECT results_eq(
    format($$SELECT r FROM pg_temp.state() WHERE part = %L ORDER BY r::text$$, p),
    format($$SELECT r FROM one_batch_state WHERE part = %L ORDER BY r::text$$, p),
    format('%s after batches 0-3 equals %s after batch 0 and one batch of everything else', p, p))
FROM unnest('{task_fact,task_event_fact,task_work_fact,task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) p;
SAVEPOINT rebuild_3;
SELECT pg_temp.rebuild_changes() AS rebuild_changes_3 \gset
ROLLBACK TO SAVEPOINT rebuild_3;
SELECT is(:'rebuild_changes_3'::text, '', 'after batch 3 rebuild_aggregates changes no 15-minute row');

-- Reloading every batch again, in reverse order, changes nothing either.
SELECT lives_ok($$SELECT pg_temp.load_batch(3), pg_temp.load_batch(2), pg_temp.load_batch(1)$$, 'batches 3, 2, 1 load again');
SELECT results_eq(
    $$SELECT part, r FROM pg_temp.state() ORDER BY part, r::text$$,
    $$SELECT part, r FROM one_batch_state ORDER BY part, r::text$$,
    'the reloads leave facts and aggregates as one batch gives them');

-- ---------------------------------------------------------------------------------------
-- D: batch 4, the historical move, batch 5.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT pg_temp.load_batch(4)$$, 'batch 4 loads');
SELECT lives_ok($$CALL iwddm.run_historical()$$, 'run_historical runs');
SELECT results_eq(
    $$SELECT (SELECT count(*)::int FROM iwddm.i_task_fact WHERE interaction_id = 'T-D1'),
             (SELECT count(*)::int FROM iwddm.h_task_fact WHERE interaction_id = 'T-D1')$$,
    $$VALUES (0, 1)$$,
    'T-D1, completed on the closed 2026-11-20, moved to h_task_fact');
SELECT lives_ok($$SELECT pg_temp.load_batch(5)$$, 'batch 5 (before the first stored event, and in order) loads');
SELECT results_eq(
    $$SELECT (SELECT count(*)::int FROM iwddm.i_task_fact WHERE interaction_id = 'T-D1'),
             (SELECT count(*)::int FROM iwddm.h_task_fact WHERE interaction_id = 'T-D1'),
             (SELECT count(*)::int FROM iwddm.h_task_event_fact WHERE interaction_id = 'T-D1')$$,
    $$VALUES (1, 0, 0)$$,
    'the reopened T-D1 is back in i_ only, all its events with it');
SELECT results_eq(
    $$SELECT created_ts, created_interval, start_date_time_key, current_status_key::int, current_queue_key, completed_ts,
             final_ts, complete_time_from_created_sec, event_count, last_task_event_id
      FROM iwddm.task_fact WHERE interaction_id = 'T-D1'$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, iwddm_test.epoch('2026-11-20 10:00Z'), iwddm_test.epoch('2026-11-20 10:00Z'),
              iwddm_test.status_key('queued')::int, iwddm_test.queue_key('QD1'), NULL::timestamptz, NULL::timestamptz,
              NULL::int, 4, 2493::bigint)$$,
    'T-D1 is created at 10:00 and open again in QD1');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-D1' ORDER BY event_ts$$,
    $$VALUES (2490::bigint, iwddm_test.queue_key('QD2'), NULL::bigint),
             (2491, iwddm_test.queue_key('QD1'), iwddm_test.queue_key('QD2')),
             (2492, iwddm_test.queue_key('QDD'), iwddm_test.queue_key('QD1')),
             (2493, iwddm_test.queue_key('QD1'), iwddm_test.queue_key('QDD'))$$,
    'T-D1''s queue path: QD2, QD1, QDD, QD1');
SELECT results_eq(
    $$SELECT r FROM pg_temp.state() WHERE part LIKE 'task%fact' AND r->>'interaction_id' = 'T-D1' ORDER BY r::text$$,
    $$SELECT r FROM one_batch_d1 ORDER BY r::text$$,
    'T-D1''s task, event and work facts equal those of its events loaded in one batch');
SELECT results_eq(
    $$SELECT * FROM classif WHERE dept = 'MD' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MD', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'MD', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:30Z', 'MD', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'MD', 0, 1, 0, 0, 0, 2700, 0, 0),
             ('2026-11-21 03:00Z', 'MD', 0, 0, 0, 0, 0, 0, 1, 0)$$,
    'D task_classif: entered at 10:00 (not 10:30), completed after 2700 s, open again from 03:10 without a second entry');
SELECT results_eq(
    $$SELECT * FROM queue WHERE queue LIKE 'QD%' ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'QD2', 1, 0, 0, 1),
             ('2026-11-20 10:15Z', 'QD2', 0, 0, 0, 1),
             ('2026-11-20 10:30Z', 'QD1', 1, 0, 0, 1),
             ('2026-11-20 10:30Z', 'QD2', 0, 1, 1800, 0),
             ('2026-11-20 10:45Z', 'QD1', 0, 1, 900, 0),
             ('2026-11-20 10:45Z', 'QDD', 1, 0, 0, 0),
             ('2026-11-21 03:00Z', 'QD1', 1, 0, 0, 1),
             ('2026-11-21 03:00Z', 'QDD', 0, 1, 59100, 0)$$,
    'D task_queue: 1800 s in QD2, 900 s in QD1, 16 h 25 min (59100 s) in QDD before the reopen');
SELECT results_eq(
    $$SELECT * FROM age WHERE dept = 'MD' ORDER BY interval_start, band COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'MD', '<1h', 1),
             ('2026-11-20 10:15Z', 'MD', '<1h', 1),
             ('2026-11-20 10:30Z', 'MD', '<1h', 1),
             ('2026-11-21 03:00Z', 'MD', '8-24h', 1)$$,
    'D task_age: back in the backlog at 17 h 15 min from its new creation');
SAVEPOINT rebuild_5;
SELECT pg_temp.rebuild_changes() AS rebuild_changes_5 \gset
ROLLBACK TO SAVEPOINT rebuild_5;
SELECT is(:'rebuild_changes_5'::text, '', 'after batch 5 rebuild_aggregates changes no 15-minute row');

SELECT * FROM finish();
ROLLBACK;
