-- task_capt and task_queue 15-minute aggregates (SPEC §6). task_capt: entered, completed,
-- canceled, rejected (flows) and backlog (snapshot at each interval end e) per capture point
-- and media type. task_queue: entered_queue / exited_queue when an event changes the task's
-- queue, queue_time_sum_sec since the matching entry, in_queue = open tasks in the queue at e
-- (a final task never counts, whatever its queue). Absent rows read as zero: only non-zero
-- rows are compared. Expectations are worked by hand.
BEGIN;
SELECT plan(9);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC); intervals 10:00 .. 11:00 (events from 10:00 to 11:05).
-- T-W 1101 10:00 new Q2 CP2 workitem; 1102 10:30:30 queued Q1; 1103 10:31 queued Q2, media email
-- T-X 1111 10:02 new Q1 CP1; 1112 10:10 transferred to Q2; 1113 10:20 assigned Q2 E1;
--     1114 10:40 completed in Done
-- T-Y 1121 10:05 new Q1 CP1; 1122 11:05 assigned Q1 E2 (open, the last event)
-- T-Z 1131 10:20 new, no queue (unknown member), no capture point, media email;
--     1132 10:25:00.750 queued Q1; 1133 10:50 canceled, still in Q1 (no exit)
-- T-V 1141 10:12 new Q3 CP1; 1142 10:14 rejected, still in Q3
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1101, 'T-W', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q2', NULL,
            '{"capturePoint": {"id": "CP2", "name": "Mail"}}'),
        iwddm_test.event(1102, 'T-W', '2026-11-20T10:30:30Z', 'queued', 'Transferred', 'Q1', NULL,
            '{"capturePoint": {"id": "CP2", "name": "Mail"}}'),
        iwddm_test.event(1103, 'T-W', '2026-11-20T10:31:00Z', 'queued', 'Transferred', 'Q2', NULL,
            '{"capturePoint": {"id": "CP2", "name": "Mail"}, "mediaType": "email"}'),
        iwddm_test.event(1111, 'T-X', '2026-11-20T10:02:00Z', 'new', 'Created', 'Q1', NULL,
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1112, 'T-X', '2026-11-20T10:10:00Z', 'queued', 'Transferred', 'Q2', NULL,
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1113, 'T-X', '2026-11-20T10:20:00Z', 'assigned', 'Assigned', 'Q2', 'E1',
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1114, 'T-X', '2026-11-20T10:40:00Z', 'completed', 'Completed', 'Done', 'E1',
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1121, 'T-Y', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1', NULL,
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1122, 'T-Y', '2026-11-20T11:05:00Z', 'assigned', 'Assigned', 'Q1', 'E2',
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1131, 'T-Z', '2026-11-20T10:20:00Z', 'new', 'Created', NULL, NULL,
            '{"mediaType": "email"}'),
        iwddm_test.event(1132, 'T-Z', '2026-11-20T10:25:00.750Z', 'queued', 'Queued', 'Q1', NULL,
            '{"mediaType": "email"}'),
        iwddm_test.event(1133, 'T-Z', '2026-11-20T10:50:00Z', 'canceled', 'Canceled', 'Q1', NULL,
            '{"mediaType": "email"}'),
        iwddm_test.event(1141, 'T-V', '2026-11-20T10:12:00Z', 'new', 'Created', 'Q3', NULL,
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'),
        iwddm_test.event(1142, 'T-V', '2026-11-20T10:14:00Z', 'rejected', 'Rejected', 'Q3', NULL,
            '{"capturePoint": {"id": "CP1", "name": "CRM"}}'))
$$, 'the capture point and queue scenario loads');

-- Non-zero 15-minute rows, groups by name ('-' for the unknown member).
CREATE TEMP VIEW capt AS
SELECT to_timestamp(a.date_time_key) AS interval_start,
       coalesce(cp.capture_point_runtime_id, '-') || '/' || coalesce(mt.media_type_name, '-') AS capture,
       a.entered::int, a.completed::int, a.canceled::int, a.rejected::int, a.backlog::int
FROM iwddm.iwd_agg_task_capt_15min a
LEFT JOIN iwddm.capture_point cp ON cp.capture_point_key = a.capture_point_key
LEFT JOIN iwddm.media_type mt ON mt.media_type_key = a.media_type_key
WHERE (a.entered, a.completed, a.canceled, a.rejected, a.backlog) IS DISTINCT FROM (0, 0, 0, 0, 0);

CREATE TEMP VIEW queue AS
SELECT to_timestamp(a.date_time_key) AS interval_start, coalesce(q.queue_name, '(unknown)') AS queue,
       a.entered_queue::int, a.exited_queue::int, a.queue_time_sum_sec::int AS qt_sum, a.in_queue::int
FROM iwddm.iwd_agg_task_queue_15min a
LEFT JOIN iwddm.queue q ON q.queue_key = a.queue_key
WHERE (a.entered_queue, a.exited_queue, a.queue_time_sum_sec, a.in_queue) IS DISTINCT FROM (0, 0, 0, 0);

-- ---------------------------------------------------------------------------------------
-- task_capt. Columns: interval start, capture point/media, entered, completed, canceled,
-- rejected, backlog.
-- ---------------------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT * FROM capt ORDER BY interval_start, capture COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'CP1/workitem', 3, 0, 0, 1, 2),
             ('2026-11-20 10:00Z', 'CP2/workitem', 1, 0, 0, 0, 1),
             ('2026-11-20 10:15Z', '-/email', 1, 0, 0, 0, 1),
             ('2026-11-20 10:15Z', 'CP1/workitem', 0, 0, 0, 0, 2),
             ('2026-11-20 10:15Z', 'CP2/workitem', 0, 0, 0, 0, 1),
             ('2026-11-20 10:30Z', '-/email', 0, 0, 0, 0, 1),
             ('2026-11-20 10:30Z', 'CP1/workitem', 0, 1, 0, 0, 1),
             ('2026-11-20 10:30Z', 'CP2/email', 0, 0, 0, 0, 1),
             ('2026-11-20 10:45Z', '-/email', 0, 0, 1, 0, 0),
             ('2026-11-20 10:45Z', 'CP1/workitem', 0, 0, 0, 0, 1),
             ('2026-11-20 10:45Z', 'CP2/email', 0, 0, 0, 0, 1),
             ('2026-11-20 11:00Z', 'CP1/workitem', 0, 0, 0, 0, 1),
             ('2026-11-20 11:00Z', 'CP2/email', 0, 0, 0, 0, 1)$$,
    'task_capt counts entries, completions, cancels and rejects per capture point and media type; '
    'T-W''s backlog follows its media type change; a task without capture point is in the unknown member');

SELECT results_eq(
    $$SELECT DISTINCT tenant_key, solution_key FROM iwddm.iwd_agg_task_capt_15min
      WHERE (entered, backlog) IS DISTINCT FROM (0, 0)$$,
    $$VALUES (iwddm_test.tenant_key('T1'), iwddm_test.solution_key('S1'))$$,
    'task_capt rows carry the tasks'' tenant and solution keys');

-- ---------------------------------------------------------------------------------------
-- task_queue. Columns: interval start, queue, entered_queue, exited_queue,
-- queue_time_sum_sec, in_queue.
-- ---------------------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT * FROM queue WHERE queue = 'Q1' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Q1', 2, 1, 480, 1),
             ('2026-11-20 10:15Z', 'Q1', 1, 0, 0, 2),
             ('2026-11-20 10:30Z', 'Q1', 1, 1, 30, 2),
             ('2026-11-20 10:45Z', 'Q1', 0, 0, 0, 1),
             ('2026-11-20 11:00Z', 'Q1', 0, 0, 0, 1)$$,
    'Q1: T-X leaves after 480 s, T-W passes through for 30 s, T-Z canceled in Q1 leaves in_queue '
    'without an exit');

SELECT results_eq(
    $$SELECT * FROM queue WHERE queue = 'Q2' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Q2', 2, 0, 0, 2),
             ('2026-11-20 10:15Z', 'Q2', 0, 0, 0, 2),
             ('2026-11-20 10:30Z', 'Q2', 1, 2, 3630, 1),
             ('2026-11-20 10:45Z', 'Q2', 0, 0, 0, 1),
             ('2026-11-20 11:00Z', 'Q2', 0, 0, 0, 1)$$,
    'Q2: the transfer from Q1 enters it; exits sum 1830 s (T-W) and 1800 s (T-X) since their entries; '
    'T-W re-enters');

SELECT results_eq(
    $$SELECT * FROM queue WHERE queue NOT IN ('Q1', 'Q2') ORDER BY interval_start, queue COLLATE "C"$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'Q3', 1, 0, 0, 0),
             ('2026-11-20 10:15Z', '(unknown)', 1, 1, 300, 0),
             ('2026-11-20 10:30Z', 'Done', 1, 0, 0, 0)$$,
    'a rejected task and a completed task are in no in_queue count, even in their queue; a task without '
    'queue enters and leaves the unknown queue (floor(300.75) = 300 s)');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_queue_15min WHERE queue_key IS NULL),
    0,
    'task_queue never has a null queue key');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_capt_15min
     WHERE date_time_key NOT BETWEEN iwddm_test.epoch('2026-11-20 10:00Z') AND iwddm_test.epoch('2026-11-20 11:00Z')),
    0,
    'task_capt has no row outside the intervals of the earliest and latest event');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_queue_15min
     WHERE date_time_key NOT BETWEEN iwddm_test.epoch('2026-11-20 10:00Z') AND iwddm_test.epoch('2026-11-20 11:00Z')),
    0,
    'task_queue has no row outside the intervals of the earliest and latest event');

SELECT * FROM finish();
ROLLBACK;
