-- Assignments (SPEC §5): one starts at an event after which the task is assigned and was not
-- assigned to the same agent (employeeId) before; it ends at the next event after which
-- that is no longer true. is_abandon = 1 unless the ending status is completed.
BEGIN;
SELECT plan(25);

-- T-UNASSIGN 601 10:00 new Q1; 602 10:01 assigned E1; 603 10:03 queued (Unassigned);
--            604 10:05 assigned E1; 605 10:09 completed E1
-- T-TRANSFER 611 10:00 new; 612 10:01 assigned A; 613 10:04 assigned B (Transferred);
--            614 10:10 completed B
-- T-SAME     621 10:00 new; 622 10:01 assigned E1; 623 10:02 assigned E1 renamed (Updated);
--            624 10:03 assigned E1 (Reprioritized); 625 10:06 completed E1
-- T-END-CANCEL 631 10:00 new; 632 10:01 assigned E2; 633 10:02:30 canceled E2
-- T-END-REJECT 636 10:00 new; 637 10:01 assigned E2; 638 10:03 rejected
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(601, 'T-UNASSIGN', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(602, 'T-UNASSIGN', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(603, 'T-UNASSIGN', '2026-11-20T10:03:00Z', 'queued', 'Unassigned', 'Q1'),
        iwddm_test.event(604, 'T-UNASSIGN', '2026-11-20T10:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(605, 'T-UNASSIGN', '2026-11-20T10:09:00Z', 'completed', 'Completed', 'Done', 'E1'),
        iwddm_test.event(611, 'T-TRANSFER', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(612, 'T-TRANSFER', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'A'),
        iwddm_test.event(613, 'T-TRANSFER', '2026-11-20T10:04:00Z', 'assigned', 'Transferred', 'Q1', 'B'),
        iwddm_test.event(614, 'T-TRANSFER', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done', 'B'),
        iwddm_test.event(621, 'T-SAME', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(622, 'T-SAME', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.with_agent(
            iwddm_test.event(623, 'T-SAME', '2026-11-20T10:02:00Z', 'assigned', 'Updated', 'Q1', 'E1'), 'E1', 'Agent E1 Renamed'),
        iwddm_test.event(624, 'T-SAME', '2026-11-20T10:03:00Z', 'assigned', 'Reprioritized', 'Q1', 'E1', '{"priority": 300}'),
        iwddm_test.event(625, 'T-SAME', '2026-11-20T10:06:00Z', 'completed', 'Completed', 'Done', 'E1'),
        iwddm_test.event(631, 'T-END-CANCEL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(632, 'T-END-CANCEL', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E2'),
        iwddm_test.event(633, 'T-END-CANCEL', '2026-11-20T10:02:30Z', 'canceled', 'Canceled', 'Done', 'E2'),
        iwddm_test.event(636, 'T-END-REJECT', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(637, 'T-END-REJECT', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E2'),
        iwddm_test.event(638, 'T-END-REJECT', '2026-11-20T10:03:00Z', 'rejected', 'Rejected', 'Done'))
$$, 'the assignment scenarios load');

SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-UNASSIGN' ORDER BY 1$$,
    $$VALUES (602::bigint, 603::bigint, iwddm_test.agent_key('E1'), 120, 1),
             (604, 605, iwddm_test.agent_key('E1'), 240, 0)$$,
    'unassign ends the assignment (abandoned); assigning the same agent again starts a new one');
SELECT results_eq(
    $$SELECT first_assigned_ts, assign_time_from_created_sec, total_work_time_sec, last_assigned_agent_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-UNASSIGN'$$,
    $$VALUES ('2026-11-20 10:01:00+00'::timestamptz, 60, 360, iwddm_test.agent_key('E1'))$$,
    'T-UNASSIGN: first assigned at 10:01, 120 + 240 s of work');

SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, assign_ts, finish_ts, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-TRANSFER' ORDER BY 1$$,
    $$VALUES (612::bigint, 613::bigint, iwddm_test.agent_key('A'), '2026-11-20 10:01:00+00'::timestamptz,
              '2026-11-20 10:04:00+00'::timestamptz, 180, 1),
             (613, 614, iwddm_test.agent_key('B'), '2026-11-20 10:04:00+00', '2026-11-20 10:10:00+00', 360, 0)$$,
    'a transfer ends A''s assignment (abandoned: it ended assigned, not completed) and starts B''s at the same event');
SELECT results_eq(
    $$SELECT task_event_id, assigned_agent_key, work_time_sec FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-TRANSFER' ORDER BY 1$$,
    $$VALUES (611::bigint, 0::bigint, 0), (612, iwddm_test.agent_key('A'), 0), (613, iwddm_test.agent_key('B'), 180),
             (614, iwddm_test.agent_key('B'), 360)$$,
    'the transfer event carries A''s work time and B as its own agent');
SELECT results_eq(
    $$SELECT first_assigned_ts, total_work_time_sec, last_assigned_agent_key FROM iwddm.task_fact WHERE interaction_id = 'T-TRANSFER'$$,
    $$VALUES ('2026-11-20 10:01:00+00'::timestamptz, 540, iwddm_test.agent_key('B'))$$,
    'T-TRANSFER: first assigned to A at 10:01, last assigned to B, 540 s of work');

SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-SAME' ORDER BY 1$$,
    $$VALUES (622::bigint, 625::bigint, 300, 0)$$,
    'further assigned events for the same employeeId, even renamed, do not split the assignment');
SELECT results_eq(
    $$SELECT task_event_id, work_time_sec FROM iwddm.task_event_fact WHERE interaction_id = 'T-SAME' ORDER BY 1$$,
    $$VALUES (621::bigint, 0), (622, 0), (623, 0), (624, 0), (625, 300)$$,
    'only the completing event of T-SAME carries work time');

SELECT results_eq(
    $$SELECT interaction_id, work_time_sec, is_abandon::int FROM iwddm.task_work_fact
      WHERE interaction_id IN ('T-END-CANCEL', 'T-END-REJECT') ORDER BY interaction_id COLLATE "C"$$,
    $$VALUES ('T-END-CANCEL', 90, 1), ('T-END-REJECT', 120, 1)$$,
    'an assignment ended by canceled or rejected is abandoned');

-- A running assignment; the last assignment start decides last_assigned_agent_key.
-- T-RUNNING   641 10:00 new; 642 10:01 assigned E3; 643 10:02 queued; 644 10:05 assigned E4
-- T-LASTAGENT 651 10:00 new; 652 10:01 assigned E5; 653 10:02 queued with agent E7;
--             654 10:03 completed with agent E6
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(641, 'T-RUNNING', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(642, 'T-RUNNING', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E3'),
        iwddm_test.event(643, 'T-RUNNING', '2026-11-20T10:02:00Z', 'queued', 'Unassigned', 'Q1'),
        iwddm_test.event(644, 'T-RUNNING', '2026-11-20T10:05:00Z', 'assigned', 'Assigned', 'Q1', 'E4'),
        iwddm_test.event(651, 'T-LASTAGENT', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(652, 'T-LASTAGENT', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E5'),
        iwddm_test.event(653, 'T-LASTAGENT', '2026-11-20T10:02:00Z', 'queued', 'Unassigned', 'Q1', 'E7'),
        iwddm_test.event(654, 'T-LASTAGENT', '2026-11-20T10:03:00Z', 'completed', 'Completed', 'Done', 'E6'))
$$, 'the running and last-agent scenarios load');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, assign_ts, finish_ts, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-RUNNING' ORDER BY 1$$,
    $$VALUES (642::bigint, 643::bigint, iwddm_test.agent_key('E3'), '2026-11-20 10:01:00+00'::timestamptz,
              '2026-11-20 10:02:00+00'::timestamptz, 60, 1),
             (644, NULL, iwddm_test.agent_key('E4'), '2026-11-20 10:05:00+00', NULL, NULL, NULL)$$,
    'a running assignment has no finish event, finish time, work time or abandon flag');
SELECT results_eq(
    $$SELECT first_assigned_ts, total_work_time_sec, last_assigned_agent_key, current_status_key::int
      FROM iwddm.task_fact WHERE interaction_id = 'T-RUNNING'$$,
    $$VALUES ('2026-11-20 10:01:00+00'::timestamptz, 60, iwddm_test.agent_key('E4'), iwddm_test.status_key('assigned')::int)$$,
    'the running assignment adds nothing to total_work_time_sec but is the last assigned agent');
SELECT is((SELECT work_time_sec FROM iwddm.task_event_fact WHERE task_event_id = 644), 0,
          'the event starting the running assignment carries no work time');

SELECT results_eq(
    $$SELECT last_assigned_agent_key, total_work_time_sec FROM iwddm.task_fact WHERE interaction_id = 'T-LASTAGENT'$$,
    $$VALUES (iwddm_test.agent_key('E5'), 60)$$,
    'last_assigned_agent_key is the agent of the latest assignment start, not of later events');
SELECT results_eq(
    $$SELECT task_event_id, assigned_agent_key FROM iwddm.task_event_fact WHERE interaction_id = 'T-LASTAGENT' ORDER BY 1$$,
    $$VALUES (651::bigint, 0::bigint), (652, iwddm_test.agent_key('E5')), (653, iwddm_test.agent_key('E7')),
             (654, iwddm_test.agent_key('E6'))$$,
    'task_event_fact.assigned_agent_key is each event''s own agent, whatever its status');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-LASTAGENT' ORDER BY 1$$,
    $$VALUES (652::bigint, 653::bigint, iwddm_test.agent_key('E5'), 1)$$,
    'a queued event naming an agent starts no assignment');
SELECT results_eq(
    $$SELECT employee_id, agent_name FROM iwddm.agent WHERE employee_id IN ('E5', 'E6', 'E7') ORDER BY 1$$,
    $$VALUES ('E5', 'Agent E5'), ('E6', 'Agent E6'), ('E7', 'Agent E7')$$,
    'every agent named by an event becomes a member');

-- A late unassign arriving inside a finished assignment ends it there.
-- T-LATE-SPLIT 661 10:00 new; 662 10:01 assigned E8; 664 10:10 completed E8 (batch 1);
--              663 10:04 queued (batch 2) -> 662..663 abandoned 180 s; no assignment after
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(661, 'T-LATE-SPLIT', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(662, 'T-LATE-SPLIT', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E8'),
        iwddm_test.event(664, 'T-LATE-SPLIT', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done', 'E8'))
$$, 'T-LATE-SPLIT loads without its unassign');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-LATE-SPLIT' ORDER BY 1$$,
    $$VALUES (662::bigint, 664::bigint, 540, 0)$$,
    'before the late unassign there is one completed assignment of 540 s');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(663, 'T-LATE-SPLIT', '2026-11-20T10:04:00Z', 'queued', 'Unassigned', 'Q1'))
$$, 'the late unassign loads');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-LATE-SPLIT' ORDER BY 1$$,
    $$VALUES (662::bigint, 663::bigint, 180, 1)$$,
    'after the late unassign the assignment ends at it, abandoned, and the completion ends nothing');
SELECT results_eq(
    $$SELECT total_work_time_sec, last_assigned_agent_key FROM iwddm.task_fact WHERE interaction_id = 'T-LATE-SPLIT'$$,
    $$VALUES (180, iwddm_test.agent_key('E8'))$$,
    'T-LATE-SPLIT totals 180 s of work');
SELECT results_eq(
    $$SELECT task_event_id, work_time_sec FROM iwddm.task_event_fact WHERE interaction_id = 'T-LATE-SPLIT' ORDER BY 1$$,
    $$VALUES (661::bigint, 0), (662, 0), (663, 180), (664, 0)$$,
    'the completion no longer carries work time');

-- A task first seen assigned: the assignment starts at creation.
-- T-BORN-ASSIGNED 671 10:00:00.5 assigned E1; 672 10:02 completed E1
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(671, 'T-BORN-ASSIGNED', '2026-11-20T10:00:00.500Z', 'assigned', 'Created', 'Q1', 'E1'),
        iwddm_test.event(672, 'T-BORN-ASSIGNED', '2026-11-20T10:02:00Z', 'completed', 'Completed', 'Done', 'E1'))
$$, 'a task first seen assigned loads');
SELECT results_eq(
    $$SELECT first_assigned_ts, assign_time_from_created_sec, total_work_time_sec, last_assigned_agent_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-BORN-ASSIGNED'$$,
    $$VALUES ('2026-11-20 10:00:00.5+00'::timestamptz, 0, 119, iwddm_test.agent_key('E1'))$$,
    'an assignment can start at the first event: assign time 0, floor(119.5) = 119 s of work');

SELECT * FROM finish();
ROLLBACK;
