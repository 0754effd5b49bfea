-- Coarser aggregate views (SPEC §4, §6) in the mart time zone Europe/Berlin: a bucket's key is
-- the epoch second of its local start (weeks start on Monday); a flow is the sum of the bucket's
-- 15-minute values; a snapshot is the value at the end of the bucket's last covered 15-minute
-- interval (the range of loaded events cuts the first and last buckets). Both DST days of 2026
-- are crossed: 2026-03-29 lasts 23 h (92 intervals), 2026-10-25 lasts 25 h (100 intervals) and
-- has two local 02:00 hours. Absent rows read as zero: only non-zero rows are compared.
-- Expected keys are written as local instants, e.g. '2026-03-29 03:00+02'. Worked by hand.
-- Finally the zone changes with data loaded (UTC, then Asia/Kathmandu at +05:45): buckets follow.
BEGIN;
SELECT plan(36);

SELECT lives_ok($$CALL iwddm.set_timezone('Europe/Berlin')$$, 'the mart time zone is set to Europe/Berlin first');

-- Every area has a view per grain, with its bucket key, group and measure columns.
SELECT is_empty(
    $$WITH area(area, cols) AS (VALUES
          ('task_classif', '{tenant_key,solution_key,department_key,process_key,entered,completed,canceled,rejected,'
                           'completed_overdue,complete_time_sum_sec,backlog,overdue_backlog}'::text[]),
          ('task_capt', '{tenant_key,solution_key,capture_point_key,media_type_key,entered,completed,canceled,'
                        'rejected,backlog}'),
          ('task_queue', '{queue_key,entered_queue,exited_queue,queue_time_sum_sec,in_queue}'),
          ('task_agent', '{agent_key,assigned,finished,abandoned,work_time_sum_sec}'),
          ('task_age', '{tenant_key,solution_key,department_key,process_key,age_key,backlog}')),
      grain(suffix, key_column) AS (VALUES
          ('15min', 'date_time_key'), ('30min', 'date_time_30min_key'), ('hour', 'date_time_hour_key'),
          ('day', 'date_time_day_key'), ('week', 'date_time_week_key'), ('month', 'date_time_month_key'),
          ('qrtr', 'date_time_quarter_key'), ('year', 'date_time_year_key'))
      SELECT 'iwd_agg_' || area || '_' || suffix AS view_name, col
      FROM area, grain, unnest(key_column || cols) col
      EXCEPT
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'iwddm'$$,
    'each of the 40 views iwd_agg_<area>_<grain> exists with its bucket key, group and measure columns');

-- ---------------------------------------------------------------------------------------
-- March, all in Billing/Refunds, no capture point, media workitem. UTC (local Berlin):
-- T-M1 1401 03-28 22:50Z (Sat 23:50 CET) new Q1; 1402 03-29 00:20Z (01:20 CET) assigned E1;
--      1403 03-29 01:10Z (03:10 CEST) completed Done       complete time 8400 s, work 3000 s
-- T-M5 1411 03-28 23:10Z (Sun 00:10 CET) new Q1; 1412 03-29 00:40Z (01:40 CET) canceled, in Q1
-- T-M2 1421 03-29 00:55Z (01:55 CET) new Q1; 1422 03-29 01:05Z (03:05 CEST) assigned E1;
--      1423 03-29 21:59:59Z (23:59:59 CEST) completed Done complete time 75899 s, work 75299 s
-- T-M3 1431 03-29 21:30Z (23:30 CEST) new Q1; 1432 03-31 22:10Z (Wed 04-01 00:10 CEST)
--      completed Done                                      complete time 175200 s
-- T-M4 1441 03-29 22:30Z (Mon 03-30 00:30 CEST) new Q2; 1442 04-01 08:00Z assigned E2, open to the end
-- Covered intervals: 03-28 22:45Z .. 04-01 08:00Z (the last end is 04-01 08:15Z).
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1401, 'T-M1', '2026-03-28T22:50:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1402, 'T-M1', '2026-03-29T00:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(1403, 'T-M1', '2026-03-29T01:10:00Z', 'completed', 'Completed', 'Done', 'E1'),
        iwddm_test.event(1411, 'T-M5', '2026-03-28T23:10:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1412, 'T-M5', '2026-03-29T00:40:00Z', 'canceled', 'Canceled', 'Q1'),
        iwddm_test.event(1421, 'T-M2', '2026-03-29T00:55:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1422, 'T-M2', '2026-03-29T01:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(1423, 'T-M2', '2026-03-29T21:59:59Z', 'completed', 'Completed', 'Done', 'E1'),
        iwddm_test.event(1431, 'T-M3', '2026-03-29T21:30:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1432, 'T-M3', '2026-03-31T22:10:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(1441, 'T-M4', '2026-03-29T22:30:00Z', 'new', 'Created', 'Q2'),
        iwddm_test.event(1442, 'T-M4', '2026-04-01T08:00:00Z', 'assigned', 'Assigned', 'Q2', 'E2'))
$$, 'the March events load');

-- Every coarser task_classif view as (grain, bucket start, process, measures), non-zero rows only.
CREATE TEMP VIEW classif_by AS
WITH b AS (
    SELECT '30min' AS grain, date_time_30min_key AS k, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_30min
    UNION ALL
    SELECT 'hour', date_time_hour_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_hour
    UNION ALL
    SELECT 'day', date_time_day_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_day
    UNION ALL
    SELECT 'week', date_time_week_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_week
    UNION ALL
    SELECT 'month', date_time_month_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_month
    UNION ALL
    SELECT 'quarter', date_time_quarter_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_qrtr
    UNION ALL
    SELECT 'year', date_time_year_key, department_key, process_key, entered, completed,
           canceled, rejected, completed_overdue, complete_time_sum_sec, backlog, overdue_backlog
    FROM iwddm.iwd_agg_task_classif_year
)
SELECT b.grain, to_timestamp(b.k) AS bucket_start, d.department_name || '/' || p.process_name AS process,
       b.entered::int, b.completed::int, b.canceled::int, b.rejected::int, b.completed_overdue::int,
       b.complete_time_sum_sec::int AS ct_sum, b.backlog::int, b.overdue_backlog::int
FROM b
LEFT JOIN iwddm.department d ON d.department_key = b.department_key
LEFT JOIN iwddm.process p ON p.process_key = b.process_key
WHERE (b.entered, b.completed, b.canceled, b.rejected, b.completed_overdue, b.complete_time_sum_sec,
       b.backlog, b.overdue_backlog) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0);

-- The task_classif rows of one grain: bucket start, entered, completed, canceled, rejected,
-- completed_overdue, complete_time_sum_sec, backlog, overdue_backlog.
CREATE FUNCTION pg_temp.classif_rows(want_grain text)
RETURNS TABLE (bucket_start timestamptz, entered int, completed int, canceled int, rejected int,
               completed_overdue int, ct_sum int, backlog int, overdue_backlog int)
LANGUAGE sql STABLE AS $$
    SELECT bucket_start, entered, completed, canceled, rejected, completed_overdue, ct_sum, backlog, overdue_backlog
    FROM classif_by WHERE grain = want_grain
$$;

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('30min') WHERE bucket_start <= '2026-03-29 03:00+02' ORDER BY 1$$,
    $$VALUES ('2026-03-28 23:30+01'::timestamptz, 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-03-29 00:00+01', 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 00:30+01', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 01:00+01', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 01:30+01', 1, 0, 1, 0, 0, 0, 2, 0),
             ('2026-03-29 03:00+02', 0, 1, 0, 0, 0, 8400, 1, 0)$$,
    'half hours: the first is cut by the range (22:45Z only); flows add up, backlog is taken at each '
    'half hour''s end; local 01:30 CET is followed by 03:00 CEST');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('hour') WHERE bucket_start <= '2026-03-29 04:00+02' ORDER BY 1$$,
    $$VALUES ('2026-03-28 23:00+01'::timestamptz, 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-03-29 00:00+01', 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 01:00+01', 1, 0, 1, 0, 0, 0, 2, 0),
             ('2026-03-29 03:00+02', 0, 1, 0, 0, 0, 8400, 1, 0),
             ('2026-03-29 04:00+02', 0, 0, 0, 0, 0, 0, 1, 0)$$,
    'hours are keyed by their local start: there is no local 02:00 on 2026-03-29');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('day') ORDER BY 1$$,
    $$VALUES ('2026-03-28 00:00+01'::timestamptz, 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-03-29 00:00+01', 3, 2, 1, 0, 0, 84299, 1, 0),
             ('2026-03-30 00:00+02', 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-31 00:00+02', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-04-01 00:00+02', 0, 1, 0, 0, 0, 175200, 1, 0)$$,
    'local days: T-M5 (00:10 CET) belongs to the 29th and T-M4 (00:30 CEST) to the 30th; the 29th ends '
    'at 22:00Z, after T-M2''s completion at 23:59:59 local; the last day is cut at 08:15Z');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_classif_15min
     WHERE backlog <> 0
       AND date_time_key >= iwddm_test.epoch('2026-03-29 00:00+01')
       AND date_time_key < iwddm_test.epoch('2026-03-30 00:00+02')),
    92,
    'local day 2026-03-29 has 92 intervals, each with a task open at its end');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('week') ORDER BY 1$$,
    $$VALUES ('2026-03-23 00:00+01'::timestamptz, 4, 2, 1, 0, 0, 84299, 1, 0),
             ('2026-03-30 00:00+02', 1, 1, 0, 0, 0, 175200, 1, 0)$$,
    'weeks start on Monday local midnight: Sunday 2026-03-29 closes the first week');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('month') ORDER BY 1$$,
    $$VALUES ('2026-03-01 00:00+01'::timestamptz, 5, 2, 1, 0, 0, 84299, 2, 0),
             ('2026-04-01 00:00+02', 0, 1, 0, 0, 0, 175200, 1, 0)$$,
    'March ends at 2026-03-31 22:00Z with two tasks open; T-M3''s completion at 00:10 CEST is April''s');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('quarter') ORDER BY 1$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 5, 2, 1, 0, 0, 84299, 2, 0),
             ('2026-04-01 00:00+02', 0, 1, 0, 0, 0, 175200, 1, 0)$$,
    'quarters are keyed by their local start and hold the same values as their months here');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('year') ORDER BY 1$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 5, 3, 1, 0, 0, 259499, 1, 0)$$,
    'the year, cut by the range, sums every flow and takes the backlog at 2026-04-01 08:15Z');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_day_key), g.employee_id, a.assigned::int, a.finished::int,
             a.abandoned::int, a.work_time_sum_sec::int
      FROM iwddm.iwd_agg_task_agent_day a JOIN iwddm.agent g ON g.agent_key = a.agent_key
      WHERE (a.assigned, a.finished, a.abandoned, a.work_time_sum_sec) IS DISTINCT FROM (0, 0, 0, 0)
      ORDER BY 1, g.employee_id COLLATE "C"$$,
    $$VALUES ('2026-03-29 00:00+01'::timestamptz, 'E1', 2, 2, 0, 78299),
             ('2026-04-01 00:00+02', 'E2', 1, 0, 0, 0)$$,
    'task_agent by local day: E1''s two assignments of the 29th, 3000 s and 75299 s of work');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_hour_key), q.queue_name, a.entered_queue::int, a.exited_queue::int,
             a.queue_time_sum_sec::int, a.in_queue::int
      FROM iwddm.iwd_agg_task_queue_hour a JOIN iwddm.queue q ON q.queue_key = a.queue_key
      WHERE (a.entered_queue, a.exited_queue, a.queue_time_sum_sec, a.in_queue) IS DISTINCT FROM (0, 0, 0, 0)
        AND a.date_time_hour_key <= iwddm_test.epoch('2026-03-29 03:00+02')
      ORDER BY 1, q.queue_name COLLATE "C"$$,
    $$VALUES ('2026-03-28 23:00+01'::timestamptz, 'Q1', 1, 0, 0, 1),
             ('2026-03-29 00:00+01', 'Q1', 1, 0, 0, 2),
             ('2026-03-29 01:00+01', 'Q1', 1, 0, 0, 2),
             ('2026-03-29 03:00+02', 'Done', 1, 0, 0, 0),
             ('2026-03-29 03:00+02', 'Q1', 0, 1, 8400, 1)$$,
    'task_queue by local hour across the spring DST change; in_queue at each hour''s end');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_month_key), coalesce(cp.capture_point_runtime_id, '-') || '/' || mt.media_type_name,
             a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.backlog::int
      FROM iwddm.iwd_agg_task_capt_month a
      LEFT JOIN iwddm.capture_point cp ON cp.capture_point_key = a.capture_point_key
      LEFT JOIN iwddm.media_type mt ON mt.media_type_key = a.media_type_key
      WHERE (a.entered, a.completed, a.canceled, a.rejected, a.backlog) IS DISTINCT FROM (0, 0, 0, 0, 0)
      ORDER BY 1$$,
    $$VALUES ('2026-03-01 00:00+01'::timestamptz, '-/workitem', 5, 2, 1, 0, 2),
             ('2026-04-01 00:00+02', '-/workitem', 0, 1, 0, 0, 1)$$,
    'task_capt by local month');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_day_key), g.age_name, a.backlog::int
      FROM iwddm.iwd_agg_task_age_day a JOIN iwddm.age g ON g.age_key = a.age_key
      WHERE a.backlog <> 0 ORDER BY 1, g.age_name COLLATE "C"$$,
    $$VALUES ('2026-03-28 00:00+01'::timestamptz, '<1h', 1),
             ('2026-03-29 00:00+01', '<1h', 1),
             ('2026-03-30 00:00+02', '1-2d', 1),
             ('2026-03-30 00:00+02', '8-24h', 1),
             ('2026-03-31 00:00+02', '1-2d', 1),
             ('2026-03-31 00:00+02', '2-3d', 1),
             ('2026-04-01 00:00+02', '2-3d', 1)$$,
    'task_age by local day: ages at each day''s end (T-M3 24.5 h then 48.5 h, T-M4 23.5 h, 47.5 h, '
    'then 57.75 h at the cut)');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_week_key), g.age_name, a.backlog::int
      FROM iwddm.iwd_agg_task_age_week a JOIN iwddm.age g ON g.age_key = a.age_key
      WHERE a.backlog <> 0 ORDER BY 1, g.age_name COLLATE "C"$$,
    $$VALUES ('2026-03-23 00:00+01'::timestamptz, '<1h', 1),
             ('2026-03-30 00:00+02', '2-3d', 1)$$,
    'task_age by week: the snapshot of each week''s last covered interval');

-- ---------------------------------------------------------------------------------------
-- October. UTC (local Berlin; CEST until 01:00Z on the 25th, CET after):
-- T-O6 1451 10-24 23:30Z (Sun 01:30 CEST) new Q1; 1452 10-25 23:10Z (Mon 10-26 00:10 CET) completed
--      complete time 85200 s
-- T-O7 1461 10-25 00:20Z (the first 02:20, CEST) new Q1; 1462 10-25 22:50Z (23:50 CET) completed
--      complete time 81000 s
-- T-O8 1471 10-25 01:20Z (the second 02:20, CET) new Q1; 1472 10-26 00:05Z assigned E1, open
-- T-M4 is still open. Covered intervals now end with 10-26 00:00Z (end 00:15Z).
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1451, 'T-O6', '2026-10-24T23:30:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1452, 'T-O6', '2026-10-25T23:10:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(1461, 'T-O7', '2026-10-25T00:20:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1462, 'T-O7', '2026-10-25T22:50:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(1471, 'T-O8', '2026-10-25T01:20:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1472, 'T-O8', '2026-10-26T00:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'))
$$, 'the October events load');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('hour')
      WHERE bucket_start BETWEEN '2026-10-25 01:00+02' AND '2026-10-25 03:00+01' ORDER BY 1$$,
    $$VALUES ('2026-10-25 01:00+02'::timestamptz, 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-10-25 02:00+02', 1, 0, 0, 0, 0, 0, 3, 0),
             ('2026-10-25 02:00+01', 1, 0, 0, 0, 0, 0, 4, 0),
             ('2026-10-25 03:00+01', 0, 0, 0, 0, 0, 0, 4, 0)$$,
    'the two local 02:00 hours of 2026-10-25 are two buckets with their own keys');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_classif_15min
     WHERE backlog <> 0
       AND date_time_key >= iwddm_test.epoch('2026-10-25 00:00+02')
       AND date_time_key < iwddm_test.epoch('2026-10-26 00:00+01')),
    100,
    'local day 2026-10-25 has 100 intervals, T-M4 open at every end');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('day') WHERE bucket_start >= '2026-10-24 00:00+02' ORDER BY 1$$,
    $$VALUES ('2026-10-24 00:00+02'::timestamptz, 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-10-25 00:00+02', 3, 1, 0, 0, 0, 81000, 3, 0),
             ('2026-10-26 00:00+01', 0, 1, 0, 0, 0, 85200, 2, 0)$$,
    'the 25-hour day holds T-O6 (01:30 CEST) and ends at 23:00Z; T-O6''s completion at 00:10 CET is '
    'the 26th''s, a day cut at 00:15Z');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('week') WHERE bucket_start >= '2026-10-19 00:00+02' ORDER BY 1$$,
    $$VALUES ('2026-10-19 00:00+02'::timestamptz, 3, 1, 0, 0, 0, 81000, 3, 0),
             ('2026-10-26 00:00+01', 0, 1, 0, 0, 0, 85200, 2, 0)$$,
    'the week of the autumn change ends at Monday 00:00 CET (2026-10-25 23:00Z)');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('month') ORDER BY 1$$,
    $$VALUES ('2026-03-01 00:00+01'::timestamptz, 5, 2, 1, 0, 0, 84299, 2, 0),
             ('2026-04-01 00:00+02', 0, 1, 0, 0, 0, 175200, 1, 0),
             ('2026-05-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-06-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-07-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-08-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-09-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-10-01 00:00+02', 3, 2, 0, 0, 0, 166200, 2, 0)$$,
    'every month of the range: April is now whole, the months without events keep T-M4 in the backlog');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('quarter') ORDER BY 1$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 5, 2, 1, 0, 0, 84299, 2, 0),
             ('2026-04-01 00:00+02', 0, 1, 0, 0, 0, 175200, 1, 0),
             ('2026-07-01 00:00+02', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-10-01 00:00+02', 3, 2, 0, 0, 0, 166200, 2, 0)$$,
    'every quarter of the range, keyed by its local start');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('year') ORDER BY 1$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 8, 5, 1, 0, 0, 425699, 2, 0)$$,
    'the year now takes its backlog at the new end of the range, 2026-10-26 00:15Z');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_year_key), g.employee_id, a.assigned::int, a.finished::int,
             a.abandoned::int, a.work_time_sum_sec::int
      FROM iwddm.iwd_agg_task_agent_year a JOIN iwddm.agent g ON g.agent_key = a.agent_key
      WHERE (a.assigned, a.finished, a.abandoned, a.work_time_sum_sec) IS DISTINCT FROM (0, 0, 0, 0)
      ORDER BY 1, g.employee_id COLLATE "C"$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 'E1', 3, 2, 0, 78299),
             ('2026-01-01 00:00+01', 'E2', 1, 0, 0, 0)$$,
    'task_agent by year');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_year_key), q.queue_name, a.entered_queue::int, a.exited_queue::int,
             a.queue_time_sum_sec::int, a.in_queue::int
      FROM iwddm.iwd_agg_task_queue_year a JOIN iwddm.queue q ON q.queue_key = a.queue_key
      WHERE (a.entered_queue, a.exited_queue, a.queue_time_sum_sec, a.in_queue) IS DISTINCT FROM (0, 0, 0, 0)
      ORDER BY 1, q.queue_name COLLATE "C"$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, 'Done', 5, 0, 0, 0),
             ('2026-01-01 00:00+01', 'Q1', 7, 5, 425699, 1),
             ('2026-01-01 00:00+01', 'Q2', 1, 0, 0, 1)$$,
    'task_queue by year: five exits from Q1 (T-M5 was canceled in it), in_queue at the range end');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_year_key), coalesce(cp.capture_point_runtime_id, '-') || '/' || mt.media_type_name,
             a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.backlog::int
      FROM iwddm.iwd_agg_task_capt_year a
      LEFT JOIN iwddm.capture_point cp ON cp.capture_point_key = a.capture_point_key
      LEFT JOIN iwddm.media_type mt ON mt.media_type_key = a.media_type_key
      WHERE (a.entered, a.completed, a.canceled, a.rejected, a.backlog) IS DISTINCT FROM (0, 0, 0, 0, 0)
      ORDER BY 1$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, '-/workitem', 8, 5, 1, 0, 2)$$,
    'task_capt by year');

SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_year_key), g.age_name, a.backlog::int
      FROM iwddm.iwd_agg_task_age_year a JOIN iwddm.age g ON g.age_key = a.age_key
      WHERE a.backlog <> 0 ORDER BY 1, g.age_name COLLATE "C"$$,
    $$VALUES ('2026-01-01 00:00+01'::timestamptz, '30d+', 1),
             ('2026-01-01 00:00+01', '8-24h', 1)$$,
    'task_age by year: T-M4 is over 30 days old at the range end, T-O8 22 h 55 min');

SELECT results_eq(
    $$SELECT min(to_timestamp(date_time_day_key)), max(to_timestamp(date_time_day_key))
      FROM iwddm.iwd_agg_task_classif_day$$,
    $$VALUES ('2026-03-28 00:00+01'::timestamptz, '2026-10-26 00:00+01'::timestamptz)$$,
    'the day view spans the local days of the earliest and the latest event, no more');

SELECT results_eq(
    $$SELECT DISTINCT process FROM classif_by$$,
    $$VALUES ('Billing/Refunds')$$,
    'every coarser task_classif row belongs to the tasks'' process');

-- ---------------------------------------------------------------------------------------
-- Changing the mart time zone with data loaded re-buckets the coarser views (SPEC §4).
-- In UTC, T-M3's completion (03-31 22:10Z) falls in March and T-O6's (10-25 23:10Z) on the 25th.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$CALL iwddm.set_timezone('UTC')$$, 'the mart time zone changes to UTC with data loaded');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('day') WHERE bucket_start >= '2026-10-24 00:00Z' ORDER BY 1$$,
    $$VALUES ('2026-10-24 00:00Z'::timestamptz, 1, 0, 0, 0, 0, 0, 2, 0),
             ('2026-10-25 00:00Z', 2, 2, 0, 0, 0, 166200, 2, 0),
             ('2026-10-26 00:00Z', 0, 0, 0, 0, 0, 0, 2, 0)$$,
    'after the change, days are UTC days of 96 intervals');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('month') WHERE bucket_start < '2026-05-01 00:00Z' ORDER BY 1$$,
    $$VALUES ('2026-03-01 00:00Z'::timestamptz, 5, 3, 1, 0, 0, 259499, 1, 0),
             ('2026-04-01 00:00Z', 0, 0, 0, 0, 0, 0, 1, 0)$$,
    'after the change, T-M3''s completion is March''s and March ends at 04-01 00:00Z');

-- A zone 5 h 45 min ahead of UTC: hours and days start at :15 UTC.
-- Local hour 04:00 = 22:15Z .. 23:15Z (covered from 22:45Z), 05:00 = 23:15Z .. 00:15Z, 06:00 = 00:15Z .. 01:15Z.
SELECT lives_ok($$CALL iwddm.set_timezone('Asia/Kathmandu')$$, 'the mart time zone changes to Asia/Kathmandu');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('hour') WHERE bucket_start <= '2026-03-29 07:00+05:45' ORDER BY 1$$,
    $$VALUES ('2026-03-29 04:00+05:45'::timestamptz, 2, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 05:00+05:45', 0, 0, 0, 0, 0, 0, 2, 0),
             ('2026-03-29 06:00+05:45', 1, 1, 1, 0, 0, 8400, 1, 0),
             ('2026-03-29 07:00+05:45', 0, 0, 0, 0, 0, 0, 1, 0)$$,
    'hour buckets start at the local full hour, 15 minutes past a UTC hour');

SELECT results_eq(
    $$SELECT * FROM pg_temp.classif_rows('day') WHERE bucket_start < '2026-03-30 00:00+05:45' ORDER BY 1$$,
    $$VALUES ('2026-03-29 00:00+05:45'::timestamptz, 3, 1, 1, 0, 0, 8400, 1, 0)$$,
    'the local day 2026-03-29 runs from 03-28 18:15Z to 03-29 18:15Z: T-M2''s completion and T-M3 '
    'are the 30th''s');

SELECT * FROM finish();
ROLLBACK;
