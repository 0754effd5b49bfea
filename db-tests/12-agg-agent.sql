-- task_agent 15-minute aggregates (SPEC §5 assignments, §6): assigned = assignments starting in
-- the interval; finished / abandoned = assignments ending in it with is_abandon 0 / 1, counted
-- for the agent of the assignment that ended (not the ending event's agent); work_time_sum_sec
-- = their work time, floor(end - start). Absent rows read as zero: only non-zero rows are
-- compared. Expectations are worked by hand.
BEGIN;
SELECT plan(6);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC); intervals 10:00 .. 11:00 (events from 10:00 to 11:02).
-- T-J 1201 10:00 new; 1202 10:05 assigned E1; 1203 10:20 transferred to E2 (E1 abandons, 900 s);
--     1204 10:50:30.5 completed by E2 (finished, floor(1830.5) = 1830 s)
-- T-K 1211 10:10 created assigned to E1; 1212 10:25 held (E1 abandons, 900 s); 1213 10:40 assigned
--     E1 again; 1214 10:55 completed, the event names no agent (E1 finished, 900 s)
-- T-L 1221 10:30 new; 1222 10:35 assigned E3, still running at the end
-- T-M 1231 10:12 created assigned to E2; 1232 10:14 updated, still E2 (no new assignment);
--     1233 11:02 canceled, no agent on the event (E2 abandons, 3000 s)
-- T-N 1241 10:46 assigned E3; 1242 10:47:59.999 completed by E3 (finished, floor(119.999) = 119 s)
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1201, 'T-J', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1202, 'T-J', '2026-11-20T10:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(1203, 'T-J', '2026-11-20T10:20:00Z', 'assigned', 'Transferred', 'Q1', 'E2'),
        iwddm_test.event(1204, 'T-J', '2026-11-20T10:50:30.500Z', 'completed', 'Completed', 'Done', 'E2'),
        iwddm_test.event(1211, 'T-K', '2026-11-20T10:10:00Z', 'assigned', 'Created', 'Q1', 'E1'),
        iwddm_test.event(1212, 'T-K', '2026-11-20T10:25:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(1213, 'T-K', '2026-11-20T10:40:00Z', 'assigned', 'Resumed', 'Q1', 'E1'),
        iwddm_test.event(1214, 'T-K', '2026-11-20T10:55:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(1221, 'T-L', '2026-11-20T10:30:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1222, 'T-L', '2026-11-20T10:35:00Z', 'assigned', 'Assigned', 'Q1', 'E3'),
        iwddm_test.event(1231, 'T-M', '2026-11-20T10:12:00Z', 'assigned', 'Created', 'Q1', 'E2'),
        iwddm_test.event(1232, 'T-M', '2026-11-20T10:14:00Z', 'assigned', 'Updated', 'Q1', 'E2'),
        iwddm_test.event(1233, 'T-M', '2026-11-20T11:02:00Z', 'canceled', 'Canceled', 'Done'),
        iwddm_test.event(1241, 'T-N', '2026-11-20T10:46:00Z', 'assigned', 'Created', 'Q1', 'E3'),
        iwddm_test.event(1242, 'T-N', '2026-11-20T10:47:59.999Z', 'completed', 'Completed', 'Done', 'E3'))
$$, 'the agent scenario loads');

-- Non-zero 15-minute rows, agents by employee id ('-' for the unknown member).
CREATE TEMP VIEW agent AS
SELECT to_timestamp(a.date_time_key) AS interval_start, coalesce(ag.employee_id, '-') AS agent,
       a.assigned::int, a.finished::int, a.abandoned::int, a.work_time_sum_sec::int AS wt_sum
FROM iwddm.iwd_agg_task_agent_15min a
LEFT JOIN iwddm.agent ag ON ag.agent_key = a.agent_key
WHERE (a.assigned, a.finished, a.abandoned, a.work_time_sum_sec) IS DISTINCT FROM (0, 0, 0, 0);

-- Columns: interval start, agent, assigned, finished, abandoned, work_time_sum_sec.
SELECT results_eq(
    $$SELECT * FROM agent WHERE agent = 'E1' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'E1', 2, 0, 0, 0),
             ('2026-11-20 10:15Z', 'E1', 0, 0, 2, 1800),
             ('2026-11-20 10:30Z', 'E1', 1, 0, 0, 0),
             ('2026-11-20 10:45Z', 'E1', 0, 1, 0, 900)$$,
    'E1 abandons T-J at the transfer and T-K at the hold (900 s each), takes T-K again after the hold '
    'and finishes it, though the completion event names no agent');

SELECT results_eq(
    $$SELECT * FROM agent WHERE agent = 'E2' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:00Z'::timestamptz, 'E2', 1, 0, 0, 0),
             ('2026-11-20 10:15Z', 'E2', 1, 0, 0, 0),
             ('2026-11-20 10:45Z', 'E2', 0, 1, 0, 1830),
             ('2026-11-20 11:00Z', 'E2', 0, 0, 1, 3000)$$,
    'E2 gets T-M once although two events assign it to E2, gets T-J by transfer and finishes it '
    '(floor(1830.5) s), and abandons T-M at the cancel after 3000 s');

SELECT results_eq(
    $$SELECT * FROM agent WHERE agent = 'E3' ORDER BY interval_start$$,
    $$VALUES ('2026-11-20 10:30Z'::timestamptz, 'E3', 1, 0, 0, 0),
             ('2026-11-20 10:45Z', 'E3', 1, 1, 0, 119)$$,
    'E3''s running assignment counts as assigned only; an assignment that starts and ends in one '
    'interval counts both, floor(119.999) = 119 s');

SELECT results_eq(
    $$SELECT agent FROM agent GROUP BY agent ORDER BY agent COLLATE "C"$$,
    $$VALUES ('E1'), ('E2'), ('E3')$$,
    'no other agent, the unknown member included, has a non-zero row');

SELECT is(
    (SELECT count(*)::int FROM iwddm.iwd_agg_task_agent_15min
     WHERE date_time_key NOT BETWEEN iwddm_test.epoch('2026-11-20 10:00Z') AND iwddm_test.epoch('2026-11-20 11:00Z')),
    0,
    'task_agent has no row outside the intervals of the earliest and latest event');

SELECT * FROM finish();
ROLLBACK;
