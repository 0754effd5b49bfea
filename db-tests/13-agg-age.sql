-- task_age 15-minute aggregates (SPEC §6): backlog = tasks open at each interval end e, per
-- classification group and age band of e - created_ts (lower bound inclusive). A task moves to
-- the next band with no event, in the interval whose end first reaches created_ts + the band's
-- lower bound. Absent rows read as zero: only non-zero rows are compared. Expectations are
-- worked by hand.
BEGIN;
SELECT plan(8);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC), Billing/Refunds unless said.
-- T-A1 1301 10:00:00 new, open: <1h while e < 11:00, 1-4h from e = 11:00, 4-8h from e = 14:00
-- T-A2 1311 10:20:30 new, open: <1h while e < 11:20:30, so 1-4h from e = 11:30
-- T-A3 1321 10:05 new; 1322 10:40 completed
-- T-A4 1331 10:50 new; 1332 11:10 reclassified to Sales/Leads: its age still counts from 10:50
-- T-AX 1341 11:20 new; 1342 11:21 completed: only extends the covered range to 11:15 .. 11:30
-- Later load: T-AY 1351 14:05 new; 1352 14:06 completed: extends the range to 14:00 .. 14:15
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1301, 'T-A1', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1311, 'T-A2', '2026-11-20T10:20:30Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1321, 'T-A3', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1322, 'T-A3', '2026-11-20T10:40:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(1331, 'T-A4', '2026-11-20T10:50:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1332, 'T-A4', '2026-11-20T11:10:00Z', 'queued', 'Classified', 'Q1', NULL,
                         '{"category": {"id": "C-SL", "path": ["Sales", "Leads"]}}'),
        iwddm_test.event(1341, 'T-AX', '2026-11-20T11:20:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1342, 'T-AX', '2026-11-20T11:21:00Z', 'completed', 'Completed', 'Done'))
$$, 'the age scenario loads');

-- Non-zero 15-minute rows with process and band names.
CREATE TEMP VIEW age AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       d.department_name || '/' || p.process_name AS process, g.age_name AS band, a.backlog::int
FROM iwddm.iwd_agg_task_age_15min a
LEFT JOIN iwddm.department d ON d.department_key = a.department_key
LEFT JOIN iwddm.process p ON p.process_key = a.process_key
LEFT JOIN iwddm.age g ON g.age_key = a.age_key
WHERE a.backlog IS DISTINCT FROM 0;

-- Columns: interval start, process, band, backlog (rows ordered by band name in "C" order:
-- '1-4h' < '4-8h' < '<1h').
CREATE TEMP TABLE first_range_expected (interval_start timestamptz, process text, band text, backlog int);
INSERT INTO first_range_expected VALUES
    ('2026-11-20 10:00Z', 'Billing/Refunds', '<1h', 2),
    ('2026-11-20 10:15Z', 'Billing/Refunds', '<1h', 3),
    ('2026-11-20 10:30Z', 'Billing/Refunds', '<1h', 2),
    ('2026-11-20 10:45Z', 'Billing/Refunds', '1-4h', 1),
    ('2026-11-20 10:45Z', 'Billing/Refunds', '<1h', 2),
    ('2026-11-20 11:00Z', 'Billing/Refunds', '1-4h', 1),
    ('2026-11-20 11:00Z', 'Billing/Refunds', '<1h', 1),
    ('2026-11-20 11:00Z', 'Sales/Leads', '<1h', 1),
    ('2026-11-20 11:15Z', 'Billing/Refunds', '1-4h', 2),
    ('2026-11-20 11:15Z', 'Sales/Leads', '<1h', 1);

SELECT results_eq(
    $$SELECT * FROM age ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    $$SELECT * FROM first_range_expected ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    'T-A1 reaches 1-4h at the end 11:00 (age exactly 1 h), T-A2 at 11:30 with no event; T-A4 keeps '
    'its age across the reclassification; completed tasks leave the backlog');

SELECT results_eq(
    $$SELECT DISTINCT tenant_key, solution_key FROM iwddm.iwd_agg_task_age_15min WHERE backlog <> 0$$,
    $$VALUES (iwddm_test.tenant_key('T1'), iwddm_test.solution_key('S1'))$$,
    'task_age rows carry the tasks'' tenant and solution keys');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_age_15min
     WHERE date_time_key NOT BETWEEN iwddm_test.epoch('2026-11-20 10:00Z') AND iwddm_test.epoch('2026-11-20 11:15Z')),
    0,
    'task_age has no row outside the intervals of the earliest and latest event');

-- A later event of another task extends the range: the open tasks keep aging with no event.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1351, 'T-AY', '2026-11-20T14:05:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1352, 'T-AY', '2026-11-20T14:06:00Z', 'completed', 'Completed', 'Done'))
$$, 'a later task extends the covered range to 14:00');

SELECT results_eq(
    $$SELECT * FROM age WHERE interval_start >= '2026-11-20 11:30Z'
      ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    $$SELECT * FROM (
          VALUES ('2026-11-20 11:30Z'::timestamptz, 'Billing/Refunds', '1-4h', 2),
                 ('2026-11-20 11:30Z', 'Sales/Leads', '<1h', 1),
                 ('2026-11-20 13:45Z', 'Billing/Refunds', '1-4h', 1),
                 ('2026-11-20 13:45Z', 'Billing/Refunds', '4-8h', 1),
                 ('2026-11-20 13:45Z', 'Sales/Leads', '1-4h', 1),
                 ('2026-11-20 14:00Z', 'Billing/Refunds', '1-4h', 1),
                 ('2026-11-20 14:00Z', 'Billing/Refunds', '4-8h', 1),
                 ('2026-11-20 14:00Z', 'Sales/Leads', '1-4h', 1)
          -- 11:45 .. 13:30: T-A1 and T-A2 in 1-4h, T-A4 (1-4h from the end 12:00) in Sales/Leads.
          UNION ALL
          SELECT s, 'Billing/Refunds', '1-4h', 2
          FROM generate_series('2026-11-20 11:45Z'::timestamptz, '2026-11-20 13:30Z', interval '15 minutes') s
          UNION ALL
          SELECT s, 'Sales/Leads', '1-4h', 1
          FROM generate_series('2026-11-20 11:45Z'::timestamptz, '2026-11-20 13:30Z', interval '15 minutes') s
      ) e(interval_start, process, band, backlog)
      ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    'in the new intervals T-A4 reaches 1-4h at the end 12:00 and T-A1 reaches 4-8h at the end 14:00 '
    '(age exactly 4 h), with no event of theirs');

SELECT results_eq(
    $$SELECT * FROM age WHERE interval_start < '2026-11-20 11:30Z'
      ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    $$SELECT * FROM first_range_expected ORDER BY interval_start, process COLLATE "C", band COLLATE "C"$$,
    'extending the range leaves the earlier intervals as they were');

SELECT is_empty(
    $$WITH classif AS (
          SELECT date_time_key, tenant_key, solution_key, department_key, process_key, backlog::int AS backlog
          FROM iwddm.iwd_agg_task_classif_15min WHERE backlog <> 0),
      by_age AS (
          SELECT date_time_key, tenant_key, solution_key, department_key, process_key, sum(backlog)::int AS backlog
          FROM iwddm.iwd_agg_task_age_15min GROUP BY 1, 2, 3, 4, 5 HAVING sum(backlog) <> 0)
      SELECT * FROM classif c FULL JOIN by_age a
          USING (date_time_key, tenant_key, solution_key, department_key, process_key)
      WHERE c.backlog IS DISTINCT FROM a.backlog$$,
    'in every interval and group the age bands add up to the task_classif backlog');

SELECT * FROM finish();
ROLLBACK;
