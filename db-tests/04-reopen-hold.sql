-- Final statuses, reopening, holds and the legacy statuses (SPEC §5). Expectations by hand.
BEGIN;
SELECT plan(34);

-- ---------------------------------------------------------------------------------------
-- Reopen: T-REOPEN 501 10:00 new Q1; 502 10:10 completed Done; 503 10:20 queued Q1
-- (Restarted); later 504 10:40:00.7 completed Done.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(501, 'T-REOPEN', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(502, 'T-REOPEN', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(503, 'T-REOPEN', '2026-11-20T10:20:00Z', 'queued', 'Restarted', 'Q1'))
$$, 'a completed then reopened task loads');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, complete_time_from_created_sec, completed_date_key,
             completed_time_key, completed_interval, current_queue_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-REOPEN'$$,
    $$VALUES (iwddm_test.status_key('queued')::int, NULL::timestamptz, NULL::int, NULL::int, NULL::int, NULL::bigint,
              iwddm_test.queue_key('Q1'))$$,
    'a reopened task is open: no completed_ts, no complete time, no completed keys');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-REOPEN' ORDER BY task_event_id$$,
    $$VALUES (501::bigint, iwddm_test.queue_key('Q1'), NULL::bigint),
             (502, iwddm_test.queue_key('Done'), iwddm_test.queue_key('Q1')),
             (503, iwddm_test.queue_key('Q1'), iwddm_test.queue_key('Done'))$$,
    'reopening leaves the final queue and enters the new one');

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(504, 'T-REOPEN', '2026-11-20T10:40:00.700Z', 'completed', 'Completed', 'Done'))
$$, 'the second completion loads');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, complete_time_from_created_sec, completed_time_key, completed_interval
      FROM iwddm.task_fact WHERE interaction_id = 'T-REOPEN'$$,
    $$VALUES (iwddm_test.status_key('completed')::int, '2026-11-20 10:40:00.7+00'::timestamptz, 2400, 104000,
              iwddm_test.epoch('2026-11-20 10:30:00+00'))$$,
    'completed again: completed_ts is the last transition, floor(2400.7) s after creation');

-- ---------------------------------------------------------------------------------------
-- A second completed event is not a transition; final to final is not a transition.
-- T-RECOMPLETE 511 10:00 new; 512 10:10 completed; 513 10:25 completed (Updated)
-- T-CANCEL     521 10:00 new; 522 10:05 completed; 523 10:07 canceled
-- T-CANCEL-COMPLETE 531 10:00 new; 532 10:05 canceled; 533 10:07 completed
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(511, 'T-RECOMPLETE', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(512, 'T-RECOMPLETE', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(513, 'T-RECOMPLETE', '2026-11-20T10:25:00Z', 'completed', 'Updated', 'Done'),
        iwddm_test.event(521, 'T-CANCEL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(522, 'T-CANCEL', '2026-11-20T10:05:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(523, 'T-CANCEL', '2026-11-20T10:07:00Z', 'canceled', 'Canceled', 'Done'),
        iwddm_test.event(531, 'T-CANCEL-COMPLETE', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(532, 'T-CANCEL-COMPLETE', '2026-11-20T10:05:00Z', 'canceled', 'Canceled', 'Done'),
        iwddm_test.event(533, 'T-CANCEL-COMPLETE', '2026-11-20T10:07:00Z', 'completed', 'Completed', 'Done'))
$$, 'the final-to-final tasks load');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, complete_time_from_created_sec, last_task_event_id
      FROM iwddm.task_fact WHERE interaction_id = 'T-RECOMPLETE'$$,
    $$VALUES (iwddm_test.status_key('completed')::int, '2026-11-20 10:10:00+00'::timestamptz, 600, 513::bigint)$$,
    'a repeated completed event is no transition: completed_ts stays at the first');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, complete_time_from_created_sec, completed_interval
      FROM iwddm.task_fact WHERE interaction_id = 'T-CANCEL'$$,
    $$VALUES (iwddm_test.status_key('canceled')::int, NULL::timestamptz, NULL::int, NULL::bigint)$$,
    'completed then canceled: the task is canceled and completed_ts is null');
SELECT results_eq(
    $$SELECT current_status_key::int, completed_ts, complete_time_from_created_sec
      FROM iwddm.task_fact WHERE interaction_id = 'T-CANCEL-COMPLETE'$$,
    $$VALUES (iwddm_test.status_key('completed')::int, NULL::timestamptz, NULL::int)$$,
    'canceled then completed: no transition into completed ever happened, so completed_ts is null');

-- A task whose first event is completed: the transition from nothing counts.
-- T-BORN-DONE 595 10:00 completed; later 596 09:50 new arrives.
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(595, 'T-BORN-DONE', '2026-11-20T10:00:00Z', 'completed', 'Completed', 'Done'))
$$, 'a task first seen completed loads');
SELECT results_eq(
    $$SELECT created_ts, completed_ts, complete_time_from_created_sec FROM iwddm.task_fact WHERE interaction_id = 'T-BORN-DONE'$$,
    $$VALUES ('2026-11-20 10:00:00+00'::timestamptz, '2026-11-20 10:00:00+00'::timestamptz, 0)$$,
    'a task created completed has completed_ts = created_ts');
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(596, 'T-BORN-DONE', '2026-11-20T09:50:00Z', 'new', 'Created', 'Q1'))
$$, 'its earlier creation arrives late');
SELECT results_eq(
    $$SELECT created_ts, completed_ts, complete_time_from_created_sec FROM iwddm.task_fact WHERE interaction_id = 'T-BORN-DONE'$$,
    $$VALUES ('2026-11-20 09:50:00+00'::timestamptz, '2026-11-20 10:00:00+00'::timestamptz, 600)$$,
    'the late creation moves created_ts back; completion still counts from new');

-- ---------------------------------------------------------------------------------------
-- Holds. T-HOLD:
-- 541 10:00:00     new       Q1
-- 542 10:01:00     assigned  E1        assignment starts
-- 543 10:02:00.500 held                assignment ends floor(60.5) = 60, abandoned; hold starts
-- 544 10:05:00     errorheld           still held
-- 545 10:07:00.400 newheld             still held
-- 546 10:12:00.100 queued              hold ends floor(599.6) = 599
-- 547 10:20:00     held                hold starts
-- 548 10:21:00     assigned  E1        hold ends 60; assignment starts
-- 549 10:30:00     completed E1        assignment ends 540, not abandoned
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(541, 'T-HOLD', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(542, 'T-HOLD', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(543, 'T-HOLD', '2026-11-20T10:02:00.500Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(544, 'T-HOLD', '2026-11-20T10:05:00Z', 'errorheld', 'ErrorHeld', 'Q1'),
        iwddm_test.event(545, 'T-HOLD', '2026-11-20T10:07:00.400Z', 'newheld', 'Updated', 'Q1'),
        iwddm_test.event(546, 'T-HOLD', '2026-11-20T10:12:00.100Z', 'queued', 'Resumed', 'Q1'),
        iwddm_test.event(547, 'T-HOLD', '2026-11-20T10:20:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(548, 'T-HOLD', '2026-11-20T10:21:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(549, 'T-HOLD', '2026-11-20T10:30:00Z', 'completed', 'Completed', 'Done', 'E1'))
$$, 'T-HOLD loads');
SELECT results_eq(
    $$SELECT task_event_id, work_time_sec, held_time_sec FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-HOLD' ORDER BY task_event_id$$,
    $$VALUES (541::bigint, 0, 0), (542, 0, 0), (543, 60, 0), (544, 0, 0), (545, 0, 0), (546, 0, 599),
             (547, 0, 0), (548, 0, 60), (549, 540, 0)$$,
    'held, errorheld and newheld form one hold; each ending event carries its hold or assignment');
SELECT results_eq(
    $$SELECT total_held_time_sec, total_work_time_sec, completed_ts FROM iwddm.task_fact WHERE interaction_id = 'T-HOLD'$$,
    $$VALUES (659, 600, '2026-11-20 10:30:00+00'::timestamptz)$$,
    'T-HOLD totals 599 + 60 s held and 60 + 540 s of work');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-HOLD' ORDER BY assign_task_event_id$$,
    $$VALUES (542::bigint, 543::bigint, 60, 1), (548, 549, 540, 0)$$,
    'an assignment ended by a hold is abandoned');

-- T-NEWHELD 551 10:00 new; 552 10:01 newheld; 553 10:04 queued: newheld starts a hold.
-- T-ERRHOLD 571 10:00 new; 572 10:00:30 errorheld; 573 10:03:30 completed: errorheld starts one.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(551, 'T-NEWHELD', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(552, 'T-NEWHELD', '2026-11-20T10:01:00Z', 'newheld', 'Held', 'Q1'),
        iwddm_test.event(553, 'T-NEWHELD', '2026-11-20T10:04:00Z', 'queued', 'Resumed', 'Q1'),
        iwddm_test.event(571, 'T-ERRHOLD', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(572, 'T-ERRHOLD', '2026-11-20T10:00:30Z', 'errorheld', 'ErrorHeld', 'Q1'),
        iwddm_test.event(573, 'T-ERRHOLD', '2026-11-20T10:03:30Z', 'completed', 'Completed', 'Done'))
$$, 'holds started by newheld and errorheld load');
SELECT results_eq(
    $$SELECT interaction_id, total_held_time_sec FROM iwddm.task_fact
      WHERE interaction_id IN ('T-NEWHELD', 'T-ERRHOLD') ORDER BY interaction_id COLLATE "C"$$,
    $$VALUES ('T-ERRHOLD', 180), ('T-NEWHELD', 180)$$,
    'newheld and errorheld each start a hold of 180 s');
SELECT results_eq(
    $$SELECT task_event_id, held_time_sec FROM iwddm.task_event_fact
      WHERE task_event_id IN (553, 573) ORDER BY task_event_id$$,
    $$VALUES (553::bigint, 180), (573, 180)$$,
    'the resume and the completion carry the hold they end');

-- A hold still running counts nothing.
-- T-HOLDRUN 561 10:00 new; 562 10:05 held; 563 10:15 queued (600 s); 564 10:20 held; 565 10:50 errorheld
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(561, 'T-HOLDRUN', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(562, 'T-HOLDRUN', '2026-11-20T10:05:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(563, 'T-HOLDRUN', '2026-11-20T10:15:00Z', 'queued', 'Resumed', 'Q1'),
        iwddm_test.event(564, 'T-HOLDRUN', '2026-11-20T10:20:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(565, 'T-HOLDRUN', '2026-11-20T10:50:00Z', 'errorheld', 'ErrorHeld', 'Q1'))
$$, 'a task with a running hold loads');
SELECT is((SELECT total_held_time_sec FROM iwddm.task_fact WHERE interaction_id = 'T-HOLDRUN'), 600,
          'only the finished hold counts in total_held_time_sec');
SELECT results_eq(
    $$SELECT task_event_id, held_time_sec FROM iwddm.task_event_fact WHERE interaction_id = 'T-HOLDRUN' ORDER BY 1$$,
    $$VALUES (561::bigint, 0), (562, 0), (563, 600), (564, 0), (565, 0)$$,
    'held to errorheld ends no hold: the running one has no time yet');

-- A late resume arriving inside a finished hold ends it there.
-- T-HOLD-SPLIT 5101 10:00 new; 5102 10:01 held; 5104 10:11 queued (batch 1: 600 s held);
--              5103 10:05 queued (batch 2: the hold is 5102..5103, 240 s; 5104 ends nothing)
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(5101, 'T-HOLD-SPLIT', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(5102, 'T-HOLD-SPLIT', '2026-11-20T10:01:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(5104, 'T-HOLD-SPLIT', '2026-11-20T10:11:00Z', 'queued', 'Resumed', 'Q1'))
$$, 'T-HOLD-SPLIT loads without its first resume');
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(5103, 'T-HOLD-SPLIT', '2026-11-20T10:05:00Z', 'queued', 'Resumed', 'Q1'))
$$, 'the late resume loads');
SELECT results_eq(
    $$SELECT task_event_id, held_time_sec FROM iwddm.task_event_fact WHERE interaction_id = 'T-HOLD-SPLIT' ORDER BY 1$$,
    $$VALUES (5101::bigint, 0), (5102, 0), (5103, 240), (5104, 0)$$,
    'the hold now ends at the late resume and the later resume ends nothing');
SELECT is((SELECT total_held_time_sec FROM iwddm.task_fact WHERE interaction_id = 'T-HOLD-SPLIT'), 240,
          'T-HOLD-SPLIT totals 240 s held');

-- ---------------------------------------------------------------------------------------
-- distributed is neither held, final nor assigned.
-- T-DIST  581 10:00 new Q1; 582 10:01 assigned E1; 583 10:03 distributed E1 (ends work: 120,
--         abandoned); 584 10:05 held; 585 10:09 distributed (ends hold: 240); 586 10:10 completed
-- T-DIST2 591 10:00 new; 592 10:02 distributed E2; 593 10:04 completed E2 (never assigned)
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(581, 'T-DIST', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(582, 'T-DIST', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(583, 'T-DIST', '2026-11-20T10:03:00Z', 'distributed', 'Updated', 'Q1', 'E1'),
        iwddm_test.event(584, 'T-DIST', '2026-11-20T10:05:00Z', 'held', 'Held', 'Q1'),
        iwddm_test.event(585, 'T-DIST', '2026-11-20T10:09:00Z', 'distributed', 'Updated', 'Q1'),
        iwddm_test.event(586, 'T-DIST', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(591, 'T-DIST2', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(592, 'T-DIST2', '2026-11-20T10:02:00Z', 'distributed', 'Updated', 'Q1', 'E2'),
        iwddm_test.event(593, 'T-DIST2', '2026-11-20T10:04:00Z', 'completed', 'Completed', 'Done', 'E2'))
$$, 'tasks with distributed events load');
SELECT results_eq(
    $$SELECT task_event_id, work_time_sec, held_time_sec FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-DIST' ORDER BY task_event_id$$,
    $$VALUES (581::bigint, 0, 0), (582, 0, 0), (583, 120, 0), (584, 0, 0), (585, 0, 240), (586, 0, 0)$$,
    'distributed ends an assignment and a hold, and starts neither');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-DIST' ORDER BY 1$$,
    $$VALUES (582::bigint, 583::bigint, 120, 1)$$,
    'the assignment ended by distributed is abandoned');
SELECT results_eq(
    $$SELECT total_work_time_sec, total_held_time_sec, completed_ts FROM iwddm.task_fact WHERE interaction_id = 'T-DIST'$$,
    $$VALUES (120, 240, '2026-11-20 10:10:00+00'::timestamptz)$$,
    'T-DIST totals 120 s of work and 240 s held');
SELECT results_eq(
    $$SELECT first_assigned_ts, assign_time_from_created_sec, last_assigned_agent_key, total_work_time_sec,
             total_held_time_sec, complete_time_from_created_sec
      FROM iwddm.task_fact WHERE interaction_id = 'T-DIST2'$$,
    $$VALUES (NULL::timestamptz, NULL::int, 0::bigint, 0, 0, 240)$$,
    'a task only ever distributed was never assigned');
SELECT is((SELECT count(*)::int FROM iwddm.task_work_fact WHERE interaction_id = 'T-DIST2'), 0,
          'distributed starts no assignment');
SELECT is((SELECT assigned_agent_key FROM iwddm.task_event_fact WHERE task_event_id = 592), iwddm_test.agent_key('E2'),
          'the distributed event still records its own agent');

SELECT * FROM finish();
ROLLBACK;
