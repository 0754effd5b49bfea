-- task_classif 15-minute aggregates (SPEC §6): flows (entered, completed, canceled, rejected,
-- completed_overdue, complete_time_sum_sec) in the interval of the event, attributed to the
-- group after it; snapshots (backlog, overdue_backlog) at each interval's end e, after all
-- events with timestamp < e. Absent rows read as zero, so only non-zero rows are compared.
-- Also: final-to-final changes, a first event that is final, due times that move, the range
-- extended by a later load, and an hour whose last interval has no row.
-- Expectations are worked by hand; each story has its own process so its rows stand alone.
BEGIN;
SELECT plan(16);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC), tenant T1, solution S1. Intervals 10:00 .. 11:15 (range of the events).
-- Billing/Overdue  T-A  1001 10:02 new (due 10:20); 1002 10:50 completed (overdue: 10:20 < 10:50)
-- Billing/Intake   T-B  1011 10:05 new (due 12:00); 1012 10:40 reclassified to Sales/Leads;
--                       1013 11:05 completed in Sales/Leads
-- Billing/Reopen   T-C  1021 10:10 new; 1022 10:20:00.9 completed; 1023 10:35 queued (reopen);
--                       1024 10:55 completed again
-- Billing/Refunds  T-D  1031 10:03 new; 1032 10:33 canceled
--                  T-E  1041 10:16 new; 1042 10:17:30 rejected
--                  T-H  1061 10:30 new (due 10:45); 1062 10:45 completed (at, not after, its due time)
--                  T-G  1051 10:44 new (due 11:01); 1052 11:20 assigned (still open, the last event)
-- Billing/FinalFinal T-F1 1071 10:05 new; 1072 10:20 completed; 1073 10:35 canceled and moved to
--                       Billing/Archive (final to final: no transition, no backlog anywhere)
-- Billing/Direct   T-F2 1081 10:12 completed as its first event
-- Billing/DueMove  T-F3 1091 10:00 new (due 10:10); 1092 10:40 held, due moved to 11:30
--                  T-F4 1095 10:50 newheld, due 09:00 (before its creation)
-- Billing/SameTime T-S  1101 10:00 new; 1102 10:10 completed; 1103 10:10 queued (same instant,
--                       higher id: a reopen); 1104 10:20 completed again
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1001, 'T-A', '2026-11-20T10:02:00Z', 'new', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T10:20:00Z", "category": {"id": "C-BO", "path": ["Billing", "Overdue"]}}'),
        iwddm_test.event(1002, 'T-A', '2026-11-20T10:50:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"dueDateTime": "2026-11-20T10:20:00Z", "category": {"id": "C-BO", "path": ["Billing", "Overdue"]}}'),
        iwddm_test.event(1011, 'T-B', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T12:00:00Z", "category": {"id": "C-BI", "path": ["Billing", "Intake"]}}'),
        iwddm_test.event(1012, 'T-B', '2026-11-20T10:40:00Z', 'queued', 'Classified', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T12:00:00Z", "category": {"id": "C-SL", "path": ["Sales", "Leads"]}}'),
        iwddm_test.event(1013, 'T-B', '2026-11-20T11:05:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"dueDateTime": "2026-11-20T12:00:00Z", "category": {"id": "C-SL", "path": ["Sales", "Leads"]}}'),
        iwddm_test.event(1021, 'T-C', '2026-11-20T10:10:00Z', 'new', 'Created', 'Q1', NULL,
            '{"category": {"id": "C-BR", "path": ["Billing", "Reopen"]}}'),
        iwddm_test.event(1022, 'T-C', '2026-11-20T10:20:00.900Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BR", "path": ["Billing", "Reopen"]}}'),
        iwddm_test.event(1023, 'T-C', '2026-11-20T10:35:00Z', 'queued', 'Restarted', 'Q1', NULL,
            '{"category": {"id": "C-BR", "path": ["Billing", "Reopen"]}}'),
        iwddm_test.event(1024, 'T-C', '2026-11-20T10:55:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BR", "path": ["Billing", "Reopen"]}}'),
        iwddm_test.event(1031, 'T-D', '2026-11-20T10:03:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1032, 'T-D', '2026-11-20T10:33:00Z', 'canceled', 'Canceled', 'Done'),
        iwddm_test.event(1041, 'T-E', '2026-11-20T10:16:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1042, 'T-E', '2026-11-20T10:17:30Z', 'rejected', 'Rejected', 'Done'),
        iwddm_test.event(1051, 'T-G', '2026-11-20T10:44:00Z', 'new', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T11:01:00Z"}'),
        iwddm_test.event(1052, 'T-G', '2026-11-20T11:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1',
            '{"dueDateTime": "2026-11-20T11:01:00Z"}'),
        iwddm_test.event(1061, 'T-H', '2026-11-20T10:30:00Z', 'new', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T10:45:00Z"}'),
        iwddm_test.event(1062, 'T-H', '2026-11-20T10:45:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"dueDateTime": "2026-11-20T10:45:00Z"}'),
        iwddm_test.event(1071, 'T-F1', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1', NULL,
            '{"category": {"id": "C-BF", "path": ["Billing", "FinalFinal"]}}'),
        iwddm_test.event(1072, 'T-F1', '2026-11-20T10:20:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BF", "path": ["Billing", "FinalFinal"]}}'),
        iwddm_test.event(1073, 'T-F1', '2026-11-20T10:35:00Z', 'canceled', 'Canceled', 'Done', NULL,
            '{"category": {"id": "C-BA", "path": ["Billing", "Archive"]}}'),
        iwddm_test.event(1081, 'T-F2', '2026-11-20T10:12:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BD", "path": ["Billing", "Direct"]}}'),
        iwddm_test.event(1091, 'T-F3', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T10:10:00Z", "category": {"id": "C-BM", "path": ["Billing", "DueMove"]}}'),
        iwddm_test.event(1092, 'T-F3', '2026-11-20T10:40:00Z', 'held', 'Held', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T11:30:00Z", "category": {"id": "C-BM", "path": ["Billing", "DueMove"]}}'),
        iwddm_test.event(1095, 'T-F4', '2026-11-20T10:50:00Z', 'newheld', 'Created', 'Q1', NULL,
            '{"dueDateTime": "2026-11-20T09:00:00Z", "category": {"id": "C-BM", "path": ["Billing", "DueMove"]}}'),
        iwddm_test.event(1104, 'T-S', '2026-11-20T10:20:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BS", "path": ["Billing", "SameTime"]}}'),
        iwddm_test.event(1103, 'T-S', '2026-11-20T10:10:00Z', 'queued', 'Restarted', 'Q1', NULL,
            '{"category": {"id": "C-BS", "path": ["Billing", "SameTime"]}}'),
        iwddm_test.event(1102, 'T-S', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BS", "path": ["Billing", "SameTime"]}}'),
        iwddm_test.event(1101, 'T-S', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
            '{"category": {"id": "C-BS", "path": ["Billing", "SameTime"]}}'))
$$, 'the classification scenario loads');

-- The 15-minute rows with readable group names; all-zero rows are left out (absent = zero).
CREATE TEMP VIEW classif AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       d.department_name || '/' || p.process_name AS process,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.completed_overdue::int,
       a.complete_time_sum_sec::int AS ct_sum, a.backlog::int, a.overdue_backlog::int
FROM iwddm.iwd_agg_task_classif_15min a
LEFT JOIN iwddm.department d ON d.department_key = a.department_key
LEFT JOIN iwddm.process p ON p.process_key = a.process_key
WHERE (a.entered, a.completed, a.canceled, a.rejected, a.completed_overdue, a.complete_time_sum_sec,
       a.backlog, a.overdue_backlog) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0);

-- Columns: interval start, process, entered, completed, canceled, rejected, completed_overdue,
-- complete_time_sum_sec, backlog, overdue_backlog.
SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/Overdue' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/Overdue', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/Overdue', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 10:30Z', 'Billing/Overdue', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 10:45Z', 'Billing/Overdue', 0, 1, 0, 0, 1, 2880, 0, 0)$$,
    'T-A turns overdue with no event in the interval holding its due time (10:20 < 10:30) and its '
    'completion at 10:50 counts as overdue, 2880 s after creation');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process IN ('Billing/Intake', 'Sales/Leads') ORDER BY interval_start, process$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/Intake', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/Intake', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:30Z', 'Sales/Leads', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'Sales/Leads', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 11:00Z', 'Sales/Leads', 0, 1, 0, 0, 0, 3600, 0, 0)$$,
    'reclassification moves T-B''s backlog to Sales/Leads in the interval of the event; entered stays '
    'with Billing/Intake; the completion before the due time is not overdue');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/Reopen' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/Reopen', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/Reopen', 0, 1, 0, 0, 0, 600, 0, 0),
             ('2026-11-20 10:30Z', 'Billing/Reopen', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'Billing/Reopen', 0, 1, 0, 0, 0, 2700, 0, 0)$$,
    'a reopened task is backlog again and its second completion counts again: floor(600.9) = 600 s '
    'then 2700 s from creation');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/Refunds' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/Refunds', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/Refunds', 1, 0, 0, 1, 0, 0, 1, 0),
             ('2026-11-20 10:30Z', 'Billing/Refunds', 2, 0, 1, 0, 0, 0, 2, 0),
             ('2026-11-20 10:45Z', 'Billing/Refunds', 0, 1, 0, 0, 0, 900, 1, 0),
             ('2026-11-20 11:00Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 11:15Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1)$$,
    'Billing/Refunds: cancel and reject count once; an event at an interval end belongs to the next '
    'interval; a completion at its due time is not overdue; T-G turns overdue at 11:01 while open');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process IN ('Billing/FinalFinal', 'Billing/Archive') ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/FinalFinal', 1, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/FinalFinal', 0, 1, 0, 0, 0, 900, 0, 0)$$,
    'a change from completed to canceled counts no cancel, and moving a final task to another process '
    'puts nothing there');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/Direct' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/Direct', 1, 1, 0, 0, 0, 0, 0, 0)$$,
    'a task whose first event completes it enters and completes in that interval, 0 s, never backlog');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/DueMove' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/DueMove', 1, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 10:15Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 10:30Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 1, 0),
             ('2026-11-20 10:45Z', 'Billing/DueMove', 1, 0, 0, 0, 0, 0, 2, 1),
             ('2026-11-20 11:00Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 1),
             ('2026-11-20 11:15Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 1)$$,
    'a held task is backlog; moving its due time later ends its overdue (11:30 is not before the last '
    'end 11:30); a newheld task due before its creation is overdue at once');

SELECT results_eq(
    $$SELECT * FROM classif WHERE process = 'Billing/SameTime' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Billing/SameTime', 1, 1, 0, 0, 0, 600, 1, 0),
             ('2026-11-20 10:15Z', 'Billing/SameTime', 0, 1, 0, 0, 0, 1200, 0, 0)$$,
    'at one instant the higher id comes later (staged in reverse): completed then reopened at 10:10, so '
    'the task is backlog at 10:15 and its completion at 10:20 counts again');

SELECT results_eq(
    $$SELECT process FROM classif GROUP BY process ORDER BY process COLLATE "C"$$,
    $$VALUES ('Billing/Direct'), ('Billing/DueMove'), ('Billing/FinalFinal'), ('Billing/Intake'), ('Billing/Overdue'),
             ('Billing/Refunds'), ('Billing/Reopen'), ('Billing/SameTime'), ('Sales/Leads')$$,
    'no other group has a non-zero row');

SELECT results_eq(
    $$SELECT DISTINCT tenant_key, solution_key FROM iwddm.iwd_agg_task_classif_15min
      WHERE (entered, backlog) IS DISTINCT FROM (0, 0)$$,
    $$VALUES (iwddm_test.tenant_key('T1'), iwddm_test.solution_key('S1'))$$,
    'the group carries the tasks'' tenant and solution keys');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_classif_15min
     WHERE date_time_key < iwddm_test.epoch('2026-11-20 10:00Z')
        OR date_time_key > iwddm_test.epoch('2026-11-20 11:15Z')),
    0,
    'no row lies outside the intervals of the earliest (10:02) and the latest (11:20) event');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_classif_15min WHERE date_time_key % 900 <> 0),
    0,
    'every date_time_key is the start of a 15-minute interval');

-- A later task extends the range to 12:15: T-F3's due time 11:30 passes with no event, so it
-- turns overdue at the end 11:45 (interval 11:30). T-F5 1099 12:20 completed as its first event.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1099, 'T-F5', '2026-11-20T12:20:00Z', 'completed', 'Completed', 'Done', NULL,
            '{"category": {"id": "C-BD", "path": ["Billing", "Direct"]}}'))
$$, 'a later task extends the covered range to 12:15');

SELECT results_eq(
    $$SELECT * FROM classif WHERE interval_start >= '2026-11-20 11:30Z' ORDER BY interval_start, process COLLATE "C"$$,
    $$VALUES ('2026-11-20 11:30Z'::timestamptz, 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 2),
             ('2026-11-20 11:30Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 11:45Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 2),
             ('2026-11-20 11:45Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 12:00Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 2),
             ('2026-11-20 12:00Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1),
             ('2026-11-20 12:15Z', 'Billing/Direct', 1, 1, 0, 0, 0, 0, 0, 0),
             ('2026-11-20 12:15Z', 'Billing/DueMove', 0, 0, 0, 0, 0, 0, 2, 2),
             ('2026-11-20 12:15Z', 'Billing/Refunds', 0, 0, 0, 0, 0, 0, 1, 1)$$,
    'in the new intervals the open tasks carry on, and T-F3 is overdue from the interval holding 11:30');

-- An hour's snapshot is its last interval's, even when that row is absent (all zero): T-B left
-- Billing/Intake at 10:40, so the hour 10:00 .. 11:00 ends with no backlog there.
SELECT results_eq(
    $$SELECT to_timestamp(a.date_time_hour_key), d.department_name || '/' || p.process_name,
             a.entered::int, a.completed::int, a.complete_time_sum_sec::int, a.backlog::int
      FROM iwddm.iwd_agg_task_classif_hour a
      JOIN iwddm.department d ON d.department_key = a.department_key
      JOIN iwddm.process p ON p.process_key = a.process_key
      WHERE d.department_name || '/' || p.process_name IN ('Billing/Intake', 'Sales/Leads')
        AND (a.entered, a.completed, a.canceled, a.rejected, a.completed_overdue, a.complete_time_sum_sec,
             a.backlog, a.overdue_backlog) IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0)
      ORDER BY 1, 2 DESC$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Sales/Leads', 0, 0, 0, 1),
             ('2026-11-20 10:00Z', 'Billing/Intake', 1, 0, 0, 0),
             ('2026-11-20 11:00Z', 'Sales/Leads', 0, 1, 3600, 0)$$,
    'hours of the reclassified T-B: Billing/Intake ends the hour with no backlog, Sales/Leads with it');

SELECT * FROM finish();
ROLLBACK;
