-- Incremental maintenance of the aggregates (SPEC §5, §6, §8): loading a history in batches in
-- reverse order, or a late event that changes earlier intervals, gives the hand-computed
-- contents of a single load; iwddm.rebuild_aggregates recomputes a range from the facts (a
-- correct range is left unchanged, a damaged one is repaired); iwddm.run_historical moves
-- final tasks of closed days to h_ tables without changing any view, and a late event for a
-- moved task is still applied. Reloading changes nothing, a bad event extends no range, an
-- earlier event extends it backwards. Absent rows read as zero: only non-zero rows are compared.
BEGIN;
SELECT plan(54);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC). BR = Billing/Refunds, SL = Sales/Leads; no capture point, media workitem.
-- T-R1 1501 10:00 new Q1; 1502 10:20 assigned E1; 1503 10:40 completed Done
-- T-R2 1511 10:05 new Q1; 1512 10:35 queued Q2, reclassified to SL; 1513 11:10 canceled, in Q2
-- T-R3 1521 10:50 new Q2; 1522 11:05 assigned E2 (the last event: intervals 10:00 .. 11:00)
-- Batch 1 = the later half (1503, 1512, 1513, 1522), batch 2 = the rest, each staged in reverse.
-- Late batch: 1504 T-R1 10:25 held in Q1 (E1's assignment now ends here, abandoned);
--             1523 T-R3 10:55 completed in Done (so 1522 reopens it).
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE scenario (id bigint, part text, raw text);
INSERT INTO scenario VALUES
    (1501, 'batch 2', iwddm_test.event(1501, 'T-R1', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1')),
    (1502, 'batch 2', iwddm_test.event(1502, 'T-R1', '2026-11-20T10:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1')),
    (1503, 'batch 1', iwddm_test.event(1503, 'T-R1', '2026-11-20T10:40:00Z', 'completed', 'Completed', 'Done', 'E1')),
    (1504, 'late', iwddm_test.event(1504, 'T-R1', '2026-11-20T10:25:00Z', 'held', 'Held', 'Q1')),
    (1511, 'batch 2', iwddm_test.event(1511, 'T-R2', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1')),
    (1512, 'batch 1', iwddm_test.event(1512, 'T-R2', '2026-11-20T10:35:00Z', 'queued', 'Classified', 'Q2', NULL,
                                       '{"category": {"id": "C-SL", "path": ["Sales", "Leads"]}}')),
    (1513, 'batch 1', iwddm_test.event(1513, 'T-R2', '2026-11-20T11:10:00Z', 'canceled', 'Canceled', 'Q2', NULL,
                                       '{"category": {"id": "C-SL", "path": ["Sales", "Leads"]}}')),
    (1521, 'batch 2', iwddm_test.event(1521, 'T-R3', '2026-11-20T10:50:00Z', 'new', 'Created', 'Q2')),
    (1522, 'batch 1', iwddm_test.event(1522, 'T-R3', '2026-11-20T11:05:00Z', 'assigned', 'Assigned', 'Q2', 'E2')),
    (1523, 'late', iwddm_test.event(1523, 'T-R3', '2026-11-20T10:55:00Z', 'completed', 'Completed', 'Done'));

-- Non-zero 15-minute rows of each area, with readable groups.
CREATE TEMP VIEW classif AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       CASE d.department_name || '/' || p.process_name WHEN 'Billing/Refunds' THEN 'BR' WHEN 'Sales/Leads' THEN 'SL'
            ELSE d.department_name || '/' || p.process_name END AS process,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.completed_overdue::int,
       a.complete_time_sum_sec::int AS ct_sum, a.backlog::int, a.overdue_backlog::int
FROM iwddm.iwd_agg_task_classif_15min a
LEFT JOIN iwddm.department d ON d.department_key = a.department_key
LEFT JOIN iwddm.process p ON p.process_key = a.process_key
WHERE (a.entered, a.completed, a.canceled, a.rejected, a.completed_overdue, a.complete_time_sum_sec,
       a.backlog, a.overdue_backlog) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0);

CREATE TEMP VIEW queue AS
SELECT to_timestamp(a.date_time_key) AS interval_start, q.queue_name AS queue,
       a.entered_queue::int, a.exited_queue::int, a.queue_time_sum_sec::int AS qt_sum, a.in_queue::int
FROM iwddm.iwd_agg_task_queue_15min a
LEFT JOIN iwddm.queue q ON q.queue_key = a.queue_key
WHERE (a.entered_queue, a.exited_queue, a.queue_time_sum_sec, a.in_queue) IS DISTINCT FROM (0, 0, 0, 0);

CREATE TEMP VIEW agent AS
SELECT to_timestamp(a.date_time_key) AS interval_start, g.employee_id AS agent,
       a.assigned::int, a.finished::int, a.abandoned::int, a.work_time_sum_sec::int AS wt_sum
FROM iwddm.iwd_agg_task_agent_15min a
LEFT JOIN iwddm.agent g ON g.agent_key = a.agent_key
WHERE (a.assigned, a.finished, a.abandoned, a.work_time_sum_sec) IS DISTINCT FROM (0, 0, 0, 0);

CREATE TEMP VIEW age AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       CASE d.department_name || '/' || p.process_name WHEN 'Billing/Refunds' THEN 'BR' WHEN 'Sales/Leads' THEN 'SL'
            ELSE d.department_name || '/' || p.process_name END AS process,
       g.age_name AS band, a.backlog::int
FROM iwddm.iwd_agg_task_age_15min a
LEFT JOIN iwddm.department d ON d.department_key = a.department_key
LEFT JOIN iwddm.process p ON p.process_key = a.process_key
LEFT JOIN iwddm.age g ON g.age_key = a.age_key
WHERE a.backlog IS DISTINCT FROM 0;

CREATE TEMP VIEW capt AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       coalesce(cp.capture_point_runtime_id, '-') || '/' || coalesce(mt.media_type_name, '-') AS capture,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.backlog::int
FROM iwddm.iwd_agg_task_capt_15min a
LEFT JOIN iwddm.capture_point cp ON cp.capture_point_key = a.capture_point_key
LEFT JOIN iwddm.media_type mt ON mt.media_type_key = a.media_type_key
WHERE (a.entered, a.completed, a.canceled, a.rejected, a.backlog) IS DISTINCT FROM (0, 0, 0, 0, 0);

-- Every non-zero row of an aggregate view as jsonb (a measure is any column not named *_key),
-- for comparisons of a view before and after an operation that must not change it.
CREATE FUNCTION pg_temp.agg_rows(view_name text) RETURNS TABLE (agg_row jsonb)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        $q$SELECT r FROM (SELECT to_jsonb(v) AS r FROM iwddm.%I v) x
           WHERE EXISTS (SELECT 1 FROM jsonb_each(r) e WHERE e.key NOT LIKE '%%\_key' AND e.value <> '0'::jsonb)$q$,
        view_name);
END
$$;

-- ---------------------------------------------------------------------------------------
-- Two batches, later half first, each staged in reverse id order.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id DESC) FROM scenario WHERE part = 'batch 1'))$$,
                'the later half of the history loads first');
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id DESC) FROM scenario WHERE part = 'batch 2'))$$,
                'the earlier half loads second');

-- Columns: interval start, process, entered, completed, canceled, rejected, completed_overdue,
-- complete_time_sum_sec, backlog, overdue_backlog.
SELECT results_eq(
    $$SELECT * FROM classif ORDER BY interval_start, process$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'BR', 2, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:15Z', 'BR', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-11-20 10:30Z', 'BR', 0, 1, 0, 0, 0, 2400, 0, 0),
             ('2026-11-20 10:30Z', 'SL', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'BR', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'SL', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:00Z', 'BR', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:00Z', 'SL', 0, 0, 1, 0, 0, 0, 0, 0)$$,
    'after the two batches task_classif is what one load gives');
-- Columns: interval start, queue, entered_queue, exited_queue, queue_time_sum_sec, in_queue.
SELECT results_eq(
    $$SELECT * FROM queue ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Q1', 2, 0, 0, 2),
             ('2026-11-20 10:15Z', 'Q1', 0, 0, 0, 2),
             ('2026-11-20 10:30Z', 'Done', 1, 0, 0, 0),
             ('2026-11-20 10:30Z', 'Q1', 0, 2, 4200, 0),
             ('2026-11-20 10:30Z', 'Q2', 1, 0, 0, 1),
             ('2026-11-20 10:45Z', 'Q2', 1, 0, 0, 2),
             ('2026-11-20 11:00Z', 'Q2', 0, 0, 0, 1)$$,
    'after the two batches task_queue is what one load gives (exits after 1800 s and 2400 s)');
-- Columns: interval start, agent, assigned, finished, abandoned, work_time_sum_sec.
SELECT results_eq(
    $$SELECT * FROM agent ORDER BY interval_start, agent COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:15Z'::timestamptz, 'E1', 1, 0, 0, 0),
             ('2026-11-20 10:30Z', 'E1', 0, 1, 0, 1200),
             ('2026-11-20 11:00Z', 'E2', 1, 0, 0, 0)$$,
    'after the two batches task_agent is what one load gives');
-- Columns: interval start, process, band, backlog.
SELECT results_eq(
    $$SELECT * FROM age ORDER BY interval_start, process$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'BR', '<1h', 2),
             ('2026-11-20 10:15Z', 'BR', '<1h', 2),
             ('2026-11-20 10:30Z', 'SL', '<1h', 1),
             ('2026-11-20 10:45Z', 'BR', '<1h', 1),
             ('2026-11-20 10:45Z', 'SL', '<1h', 1),
             ('2026-11-20 11:00Z', 'BR', '<1h', 1)$$,
    'after the two batches task_age is what one load gives');
-- Columns: interval start, capture point/media, entered, completed, canceled, rejected, backlog.
SELECT results_eq(
    $$SELECT * FROM capt ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, '-/workitem', 2, 0, 0, 0, 2),
             ('2026-11-20 10:15Z', '-/workitem', 0, 0, 0, 0, 2),
             ('2026-11-20 10:30Z', '-/workitem', 0, 1, 0, 0, 1),
             ('2026-11-20 10:45Z', '-/workitem', 1, 0, 0, 0, 2),
             ('2026-11-20 11:00Z', '-/workitem', 0, 0, 1, 0, 1)$$,
    'after the two batches task_capt is what one load gives');

-- ---------------------------------------------------------------------------------------
-- Late events that change earlier intervals. Expected contents, kept for the repair below.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id) FROM scenario WHERE part = 'late'))$$,
                'the late events load');

CREATE TEMP TABLE late_classif (interval_start timestamptz, process text, entered int, completed int, canceled int,
                                rejected int, completed_overdue int, ct_sum int, backlog int, overdue_backlog int);
INSERT INTO late_classif VALUES
    ('2026-11-20 10:00Z', 'BR', 2, 0, 0, 0, 0, 0, 2, 0),
    ('2026-11-20 10:15Z', 'BR', 0, 0, 0, 0, 0, 0, 2, 0),
    ('2026-11-20 10:30Z', 'BR', 0, 1, 0, 0, 0, 2400, 0, 0),
    ('2026-11-20 10:30Z', 'SL', 0, 0, 0, 0, 0, 0, 1, 0),
    ('2026-11-20 10:45Z', 'BR', 1, 1, 0, 0, 0, 300, 0, 0),
    ('2026-11-20 10:45Z', 'SL', 0, 0, 0, 0, 0, 0, 1, 0),
    ('2026-11-20 11:00Z', 'BR', 0, 0, 0, 0, 0, 0, 1, 0),
    ('2026-11-20 11:00Z', 'SL', 0, 0, 1, 0, 0, 0, 0, 0);
CREATE TEMP TABLE late_queue (interval_start timestamptz, queue text, entered_queue int, exited_queue int,
                              qt_sum int, in_queue int);
INSERT INTO late_queue VALUES
    ('2026-11-20 10:00Z', 'Q1', 2, 0, 0, 2),
    ('2026-11-20 10:15Z', 'Q1', 0, 0, 0, 2),
    ('2026-11-20 10:30Z', 'Done', 1, 0, 0, 0),
    ('2026-11-20 10:30Z', 'Q1', 0, 2, 4200, 0),
    ('2026-11-20 10:30Z', 'Q2', 1, 0, 0, 1),
    ('2026-11-20 10:45Z', 'Done', 1, 0, 0, 0),
    ('2026-11-20 10:45Z', 'Q2', 1, 1, 300, 1),
    ('2026-11-20 11:00Z', 'Done', 0, 1, 600, 0),
    ('2026-11-20 11:00Z', 'Q2', 1, 0, 0, 1);

SELECT results_eq(
    $$SELECT * FROM classif ORDER BY interval_start, process$$,
    $$SELECT * FROM late_classif ORDER BY interval_start, process$$,
    'the late completion of T-R3 at 10:55 counts in 10:45 and empties its backlog there; the reopen at '
    '11:05 brings it back; T-R1''s completion from held still counts');
SELECT results_eq(
    $$SELECT * FROM queue ORDER BY interval_start, queue COLLATE "C"$$,
    $$SELECT * FROM late_queue ORDER BY interval_start, queue COLLATE "C"$$,
    'T-R3 now leaves Q2 for Done after 300 s and comes back after 600 s');
SELECT results_eq(
    $$SELECT * FROM agent ORDER BY interval_start, agent COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:15Z'::timestamptz, 'E1', 1, 0, 1, 300),
             ('2026-11-20 11:00Z', 'E2', 1, 0, 0, 0)$$,
    'the late hold ends E1''s assignment in 10:15 after 300 s, abandoned; 10:30 no longer has a finish');
SELECT results_eq(
    $$SELECT * FROM age ORDER BY interval_start, process$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'BR', '<1h', 2),
             ('2026-11-20 10:15Z', 'BR', '<1h', 2),
             ('2026-11-20 10:30Z', 'SL', '<1h', 1),
             ('2026-11-20 10:45Z', 'SL', '<1h', 1),
             ('2026-11-20 11:00Z', 'BR', '<1h', 1)$$,
    'T-R3 leaves the age backlog at 11:00 and is back at 11:15');
SELECT results_eq(
    $$SELECT * FROM capt ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, '-/workitem', 2, 0, 0, 0, 2),
             ('2026-11-20 10:15Z', '-/workitem', 0, 0, 0, 0, 2),
             ('2026-11-20 10:30Z', '-/workitem', 0, 1, 0, 0, 1),
             ('2026-11-20 10:45Z', '-/workitem', 1, 1, 0, 0, 1),
             ('2026-11-20 11:00Z', '-/workitem', 0, 0, 1, 0, 1)$$,
    'task_capt after the late events');

-- Loading every event again, all in one batch, changes nothing.
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY id) FROM scenario))$$,
                'the whole history loads again as one batch');
SELECT results_eq(
    $$SELECT * FROM classif ORDER BY interval_start, process$$,
    $$SELECT * FROM late_classif ORDER BY interval_start, process$$,
    'reloading the history leaves task_classif unchanged');
SELECT results_eq(
    $$SELECT * FROM queue ORDER BY interval_start, queue COLLATE "C"$$,
    $$SELECT * FROM late_queue ORDER BY interval_start, queue COLLATE "C"$$,
    'reloading the history leaves task_queue unchanged');

-- A bad event (unknown status) at 23:00 does not extend the covered range.
SELECT lives_ok($$SELECT iwddm_test.load(iwddm_test.event(1599, 'T-BAD', '2026-11-20T23:00:00Z', 'Bogus', 'Created', 'Q1'))$$,
                'a bad event loads into the quarantine');
SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_classif_15min
     WHERE date_time_key > iwddm_test.epoch('2026-11-20 11:00Z')),
    0,
    'the bad event''s timestamp adds no interval after 11:00');

-- ---------------------------------------------------------------------------------------
-- rebuild_aggregates: a correct range is left unchanged; a damaged one is repaired.
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE snap_agg AS
SELECT area, agg_row
FROM unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) area,
     pg_temp.agg_rows('iwd_agg_' || area || '_15min');

SELECT is((SELECT count(DISTINCT area)::int FROM snap_agg), 5,
          'every area has non-zero rows to compare before and after');
SELECT lives_ok($$CALL iwddm.rebuild_aggregates('2026-11-20 10:00Z', '2026-11-20 11:14:59Z')$$,
                'rebuild_aggregates runs over the whole covered range');
SELECT results_eq(
    format($$SELECT agg_row FROM pg_temp.agg_rows('iwd_agg_%s_15min') ORDER BY agg_row::text$$, area),
    format($$SELECT agg_row FROM snap_agg WHERE area = %L ORDER BY agg_row::text$$, area),
    format('rebuild_aggregates over the whole range leaves iwd_agg_%s_15min unchanged', area))
FROM unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) area;

-- Rows edited or deleted by hand in the physical 15-minute tables (docs/aggregates.md: repair).
SELECT lives_ok($$
    DELETE FROM iwddm.agg_task_classif_15min
    WHERE date_time_key IN (iwddm_test.epoch('2026-11-20 10:30Z'), iwddm_test.epoch('2026-11-20 10:45Z'));
    UPDATE iwddm.agg_task_queue_15min SET in_queue = in_queue + 7, exited_queue = exited_queue + 1
    WHERE date_time_key IN (iwddm_test.epoch('2026-11-20 10:30Z'), iwddm_test.epoch('2026-11-20 10:45Z'));
    CALL iwddm.rebuild_aggregates('2026-11-20 10:30Z', '2026-11-20 10:59:59Z');
$$, 'rows of 10:30 and 10:45 are damaged by hand, then that range is rebuilt');
SELECT results_eq(
    $$SELECT * FROM classif ORDER BY interval_start, process$$,
    $$SELECT * FROM late_classif ORDER BY interval_start, process$$,
    'the rebuilt range restores the deleted task_classif rows');
SELECT results_eq(
    $$SELECT * FROM queue ORDER BY interval_start, queue COLLATE "C"$$,
    $$SELECT * FROM late_queue ORDER BY interval_start, queue COLLATE "C"$$,
    'the rebuilt range restores the edited task_queue rows');

-- ---------------------------------------------------------------------------------------
-- The historical chain. T-R4 1531 2026-11-21 03:00Z new Q1 closes 2026-11-20 (its end + 2 h
-- grace = 02:00Z has passed): final T-R1 and T-R2 move to h_, open T-R3 and T-R4 stay.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$SELECT iwddm_test.load(iwddm_test.event(1531, 'T-R4', '2026-11-21T03:00:00Z', 'new', 'Created', 'Q1'))$$,
                'an event past the end of 2026-11-20 plus the grace loads');

DELETE FROM snap_agg;
INSERT INTO snap_agg
SELECT area, agg_row
FROM unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) area,
     pg_temp.agg_rows('iwd_agg_' || area || '_15min');
CREATE TEMP TABLE snap_task_fact AS SELECT * FROM iwddm.task_fact;
CREATE TEMP TABLE snap_event_fact AS SELECT * FROM iwddm.task_event_fact;
CREATE TEMP TABLE snap_work_fact AS SELECT * FROM iwddm.task_work_fact;
CREATE TEMP TABLE snap_classif_day AS SELECT * FROM pg_temp.agg_rows('iwd_agg_task_classif_day');

SELECT lives_ok($$CALL iwddm.run_historical()$$, 'run_historical runs');
SELECT results_eq(
    $$SELECT * FROM (SELECT 'h' AS t, interaction_id FROM iwddm.h_task_fact
                     UNION ALL SELECT 'i', interaction_id FROM iwddm.i_task_fact) f
      ORDER BY t, interaction_id COLLATE "C"$$,
    $$VALUES ('h', 'T-R1'), ('h', 'T-R2'), ('i', 'T-R3'), ('i', 'T-R4')$$,
    'the final tasks of the closed day move to h_task_fact, the open ones stay in i_task_fact');
SELECT results_eq(
    format($$SELECT agg_row FROM pg_temp.agg_rows('iwd_agg_%s_15min') ORDER BY agg_row::text$$, area),
    format($$SELECT agg_row FROM snap_agg WHERE area = %L ORDER BY agg_row::text$$, area),
    format('run_historical leaves iwd_agg_%s_15min unchanged', area))
FROM unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) area;
SELECT results_eq(
    $$SELECT agg_row FROM pg_temp.agg_rows('iwd_agg_task_classif_day') ORDER BY agg_row::text$$,
    $$SELECT agg_row FROM snap_classif_day ORDER BY agg_row::text$$,
    'run_historical leaves iwd_agg_task_classif_day unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_fact ORDER BY interaction_id COLLATE "C"$$,
                  $$SELECT * FROM snap_task_fact ORDER BY interaction_id COLLATE "C"$$,
                  'run_historical leaves the blended task_fact unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_event_fact ORDER BY task_event_id$$,
                  $$SELECT * FROM snap_event_fact ORDER BY task_event_id$$,
                  'run_historical leaves the blended task_event_fact unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_work_fact ORDER BY assign_task_event_id$$,
                  $$SELECT * FROM snap_work_fact ORDER BY assign_task_event_id$$,
                  'run_historical leaves the blended task_work_fact unchanged');

-- A repair after the move still sees the moved tasks.
SELECT lives_ok($$CALL iwddm.rebuild_aggregates('2026-11-20 00:00Z', '2026-11-21 04:00Z')$$,
                'rebuild_aggregates runs over the whole range after the move');
SELECT results_eq(
    $$SELECT area, agg_row
      FROM unnest('{task_classif,task_capt,task_queue,task_agent,task_age}'::text[]) area,
           pg_temp.agg_rows('iwd_agg_' || area || '_15min')
      ORDER BY area, agg_row::text$$,
    $$SELECT area, agg_row FROM snap_agg ORDER BY area, agg_row::text$$,
    'rebuild_aggregates after the move leaves every 15-minute view unchanged');

-- Late events for moved tasks: 1505 T-R1 2026-11-21 01:00Z queued in Q1 reopens it;
-- 1514 T-R2 10:45 assigned to E3 (Q2, Sales/Leads) falls inside its closed-day history.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1505, 'T-R1', '2026-11-21T01:00:00Z', 'queued', 'Restarted', 'Q1'),
        iwddm_test.event(1514, 'T-R2', '2026-11-20T10:45:00Z', 'assigned', 'Assigned', 'Q2', 'E3',
                         '{"category": {"id": "C-SL", "path": ["Sales", "Leads"]}}'))
$$, 'late events for moved tasks load');
SELECT results_eq(
    $$SELECT count(*)::int, min(last_task_event_id), min(current_status_key)::int, min(completed_ts),
             min(current_queue_key), min(event_count)
      FROM iwddm.task_fact WHERE interaction_id = 'T-R1'$$,
    $$VALUES (1, 1505::bigint, iwddm_test.status_key('queued')::int, NULL::timestamptz,
              iwddm_test.queue_key('Q1'), 5)$$,
    'T-R1 is one task again, reopened by its fifth event: queued in Q1, no completed_ts');
SELECT results_eq(
    $$SELECT first_assigned_ts, last_assigned_agent_key, total_work_time_sec, completed_ts, event_count
      FROM iwddm.task_fact WHERE interaction_id = 'T-R2'$$,
    $$VALUES ('2026-11-20 10:45Z'::timestamptz, iwddm_test.agent_key('E3'), 1500, NULL::timestamptz, 4)$$,
    'T-R2 gains the assignment that its cancel at 11:10 abandons after 1500 s');
SELECT results_eq(
    $$SELECT * FROM agent WHERE agent = 'E3' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:45Z'::timestamptz, 'E3', 1, 0, 0, 0),
             ('2026-11-20 11:00Z', 'E3', 0, 0, 1, 1500)$$,
    'task_agent counts the late assignment of the moved T-R2 and its abandon');
SELECT results_eq(
    $$SELECT * FROM classif WHERE interval_start >= '2026-11-21 00:45Z' ORDER BY interval_start, process$$,
    $$SELECT * FROM (
          VALUES ('2026-11-21 00:45Z'::timestamptz, 'BR', 0, 0, 0, 0, 0, 0, 1, 0),
                 ('2026-11-21 03:00Z', 'BR', 1, 0, 0, 0, 0, 0, 3, 0)
          -- 01:00 .. 02:45: T-R3 and the reopened T-R1 are open.
          UNION ALL
          SELECT s, 'BR', 0, 0, 0, 0, 0, 0, 2, 0
          FROM generate_series('2026-11-21 01:00Z'::timestamptz, '2026-11-21 02:45Z', interval '15 minutes') s
      ) e ORDER BY 1, 2$$,
    'the reopened T-R1 is in the backlog from 01:00 on, without a second entry');
SELECT results_eq(
    $$SELECT * FROM age WHERE interval_start >= '2026-11-20 11:00Z' ORDER BY interval_start, band COLLATE "C"$$,
    $$SELECT * FROM (
          -- T-R3 (created 10:50, open again from 11:05) ages band by band with no event.
          SELECT s, 'BR', b.band, 1
          FROM (VALUES ('<1h', '2026-11-20 11:00Z'::timestamptz, '2026-11-20 11:30Z'::timestamptz),
                       ('1-4h', '2026-11-20 11:45Z', '2026-11-20 14:30Z'),
                       ('4-8h', '2026-11-20 14:45Z', '2026-11-20 18:30Z'),
                       ('8-24h', '2026-11-20 18:45Z', '2026-11-21 00:45Z')) b(band, first_start, last_start),
               generate_series(b.first_start, b.last_start, interval '15 minutes') s
          -- From 01:00 the reopened T-R1 (created 10:00) is back, in 8-24h; T-R4 enters at 03:00.
          UNION ALL
          SELECT s, 'BR', '8-24h', 2
          FROM generate_series('2026-11-21 01:00Z'::timestamptz, '2026-11-21 03:00Z', interval '15 minutes') s
          UNION ALL
          SELECT '2026-11-21 03:00Z', 'BR', '<1h', 1
      ) e(interval_start, process, band, backlog)
      ORDER BY interval_start, band COLLATE "C"$$,
    'the reopened T-R1 comes back in the band of its age from creation (15 h), not of its time since the reopen');
SELECT results_eq(
    $$SELECT * FROM queue WHERE interval_start IN ('2026-11-21 01:00Z', '2026-11-21 03:00Z')
      ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-21 01:00Z'::timestamptz, 'Done', 0, 1, 51600, 0),
             ('2026-11-21 01:00Z', 'Q1', 1, 0, 0, 1),
             ('2026-11-21 01:00Z', 'Q2', 0, 0, 0, 1),
             ('2026-11-21 03:00Z', 'Q1', 1, 0, 0, 2),
             ('2026-11-21 03:00Z', 'Q2', 0, 0, 0, 1)$$,
    'T-R1 leaves Done after 14 h 20 min (51600 s) and is in Q1 again');
SELECT results_eq(
    $$SELECT agg_row FROM pg_temp.agg_rows('iwd_agg_task_classif_15min')
      WHERE (agg_row->>'date_time_key')::bigint < iwddm_test.epoch('2026-11-21 01:00Z') ORDER BY agg_row::text$$,
    $$SELECT agg_row FROM snap_agg
      WHERE area = 'task_classif' AND (agg_row->>'date_time_key')::bigint < iwddm_test.epoch('2026-11-21 01:00Z')
      ORDER BY agg_row::text$$,
    'the late event leaves task_classif before 01:00 as it was');

-- An event earlier than every other extends the range backwards: T-R9 1590 09:20 new, 1591 09:21 canceled.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1590, 'T-R9', '2026-11-20T09:20:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1591, 'T-R9', '2026-11-20T09:21:00Z', 'canceled', 'Canceled', 'Q1'))
$$, 'events earlier than every loaded one load');
SELECT results_eq(
    $$SELECT * FROM classif WHERE interval_start < '2026-11-20 10:00Z' ORDER BY interval_start, process$$,
    $$VALUES ('2026-11-20 09:15Z'::timestamptz, 'BR', 1, 0, 1, 0, 0, 0, 0, 0)$$,
    'task_classif gains the interval 09:15 (09:30 and 09:45 are all zero)');
SELECT results_eq(
    $$SELECT * FROM queue WHERE interval_start < '2026-11-20 10:00Z' ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 09:15Z'::timestamptz, 'Q1', 1, 0, 0, 0)$$,
    'task_queue gains the interval 09:15: a task canceled in Q1 is not in it');
SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_queue_15min
     WHERE date_time_key < iwddm_test.epoch('2026-11-20 09:15Z')),
    0,
    'no row lies before the interval of the new earliest event');

SELECT * FROM finish();
ROLLBACK;
