-- A task's history is ordered by (timestamp, id), not by arrival (SPEC §5): late events
-- recompute earlier derived values, ties go by id, reloading changes nothing, and any split
-- into batches in any arrival order gives the same rows. Expectations are worked by hand.
BEGIN;
SELECT plan(47);

-- ---------------------------------------------------------------------------------------
-- A late assignment arriving after completion.
-- T-LATE 201 09:00:00   new       Q1
--        202 09:30:00   completed Done        (batch 1)
--        203 09:10:00.5 assigned  Q2  E7      (batch 2, arrives late)
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(201, 'T-LATE', '2026-11-20T09:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(202, 'T-LATE', '2026-11-20T09:30:00Z', 'completed', 'Completed', 'Done'))
$$, 'the first batch of T-LATE loads');
SELECT results_eq(
    $$SELECT first_assigned_ts, assign_time_from_created_sec, total_work_time_sec, last_assigned_agent_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-LATE'$$,
    $$VALUES (NULL::timestamptz, NULL::int, 0, 0::bigint)$$,
    'before the late event, T-LATE was never assigned');

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(203, 'T-LATE', '2026-11-20T09:10:00.500Z', 'assigned', 'Assigned', 'Q2', 'E7'))
$$, 'the late assignment of T-LATE loads');
SELECT results_eq(
    $$SELECT last_task_event_id, created_ts, first_assigned_ts, assign_time_from_created_sec, completed_ts,
             complete_time_from_created_sec, total_work_time_sec, last_assigned_agent_key, current_queue_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-LATE'$$,
    $$VALUES (202::bigint, '2026-11-20 09:00:00+00'::timestamptz, '2026-11-20 09:10:00.5+00'::timestamptz, 600,
              '2026-11-20 09:30:00+00'::timestamptz, 1800, 1199, iwddm_test.agent_key('E7'), iwddm_test.queue_key('Done'))$$,
    'the late assignment sets first_assigned_ts and the work time; the last event stays 202');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, assign_ts, finish_ts, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-LATE' ORDER BY assign_task_event_id$$,
    $$VALUES (203::bigint, 202::bigint, iwddm_test.agent_key('E7'), '2026-11-20 09:10:00.5+00'::timestamptz,
              '2026-11-20 09:30:00+00'::timestamptz, 1199, 0)$$,
    'the late assignment ends at the completion already loaded: floor(1199.5) s, not abandoned');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key, work_time_sec
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-LATE' ORDER BY task_event_id$$,
    $$VALUES (201::bigint, iwddm_test.queue_key('Q1'), NULL::bigint, 0),
             (202, iwddm_test.queue_key('Done'), iwddm_test.queue_key('Q2'), 1199),
             (203, iwddm_test.queue_key('Q2'), iwddm_test.queue_key('Q1'), 0)$$,
    'the stored completion event now exits Q2 and carries the work time');

-- ---------------------------------------------------------------------------------------
-- Identical timestamps are ordered by id, whatever the arrival order (staged reversed).
-- T-TIE-A 301 10:00 new Q1; 302 10:05 completed Done; 303 10:05 assigned Q1 E1 -> assigned
-- T-TIE-B 304 10:00 new Q1; 305 10:05 assigned Q1 E1; 306 10:05 completed Done E1 -> completed
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(306, 'T-TIE-B', '2026-11-20T10:05:00Z', 'completed', 'Completed', 'Done', 'E1'),
        iwddm_test.event(305, 'T-TIE-B', '2026-11-20T10:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(304, 'T-TIE-B', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(303, 'T-TIE-A', '2026-11-20T10:05:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(302, 'T-TIE-A', '2026-11-20T10:05:00Z', 'completed', 'Completed', 'Done'),
        iwddm_test.event(301, 'T-TIE-A', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'))
$$, 'the tie batch loads, staged in reverse id order');
SELECT results_eq(
    $$SELECT interaction_id, last_task_event_id, current_status_key::int, completed_ts, complete_time_from_created_sec,
             first_assigned_ts, current_queue_key
      FROM iwddm.task_fact WHERE interaction_id LIKE 'T-TIE-%' ORDER BY interaction_id COLLATE "C"$$,
    $$VALUES ('T-TIE-A', 303::bigint, iwddm_test.status_key('assigned')::int, NULL::timestamptz, NULL::int,
              '2026-11-20 10:05:00+00'::timestamptz, iwddm_test.queue_key('Q1')),
             ('T-TIE-B', 306, iwddm_test.status_key('completed'), '2026-11-20 10:05:00+00', 300,
              '2026-11-20 10:05:00+00', iwddm_test.queue_key('Done'))$$,
    'at equal timestamps the higher id comes later: A ends assigned, B ends completed');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assign_ts, finish_ts, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id LIKE 'T-TIE-%' ORDER BY assign_task_event_id$$,
    $$VALUES (303::bigint, NULL::bigint, '2026-11-20 10:05:00+00'::timestamptz, NULL::timestamptz, NULL::int, NULL::int),
             (305, 306, '2026-11-20 10:05:00+00', '2026-11-20 10:05:00+00', 0, 0)$$,
    'A''s assignment is running; B''s lasts 0 s and ends completed');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-TIE-A' ORDER BY task_event_id$$,
    $$VALUES (301::bigint, iwddm_test.queue_key('Q1'), NULL::bigint),
             (302, iwddm_test.queue_key('Done'), iwddm_test.queue_key('Q1')),
             (303, iwddm_test.queue_key('Q1'), iwddm_test.queue_key('Done'))$$,
    'queue moves follow the id order at equal timestamps');

-- ---------------------------------------------------------------------------------------
-- The same batch loaded twice (and an event twice in one batch): nothing changes.
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE twice_batch (ord int, raw text);
INSERT INTO twice_batch VALUES
    (1, iwddm_test.event(351, 'T-TWICE', '2026-11-20T11:00:00Z', 'new', 'Created', 'Q1', NULL, '{"priority": 5}')),
    (2, iwddm_test.event(352, 'T-TWICE', '2026-11-20T11:03:00.700Z', 'assigned', 'Assigned', 'Q1', 'E2', '{"priority": 5}')),
    (3, iwddm_test.event(353, 'T-TWICE', '2026-11-20T11:04:00Z', 'held', 'Held', 'Q1', NULL, '{"priority": 60}')),
    (4, iwddm_test.event(354, 'T-TWICE', '2026-11-20T11:09:00Z', 'completed', 'Completed', 'Done', 'E2', '{"priority": 60}')),
    (5, iwddm_test.event(355, 'T-TWICE-2', '2026-11-20T11:01:00Z', 'queued', 'Escalated', 'Q3', 'E3')),
    (6, iwddm_test.event(356, 'T-TWICE-BAD', '2026-11-20T11:01:00Z', 'Bogus', 'Created')),
    (7, iwddm_test.event(361, 'T-DUP', '2026-11-20T11:02:00Z', 'new', 'Created', 'Q1')),
    (8, iwddm_test.event(361, 'T-DUP', '2026-11-20T11:02:00Z', 'new', 'Created', 'Q1'));
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY ord) FROM twice_batch))$$,
                'the batch loads the first time');
SELECT results_eq($$SELECT task_event_id FROM iwddm.task_event_fact WHERE task_event_id BETWEEN 351 AND 361 ORDER BY 1$$,
                  $$VALUES (351::bigint), (352), (353), (354), (355), (361)$$,
                  'the good events of the batch are loaded, event 361 staged twice only once');

CREATE TEMP TABLE snap_task_fact AS SELECT * FROM iwddm.task_fact;
CREATE TEMP TABLE snap_event_fact AS SELECT * FROM iwddm.task_event_fact;
CREATE TEMP TABLE snap_work_fact AS SELECT * FROM iwddm.task_work_fact;
CREATE TEMP TABLE snap_queue AS SELECT * FROM iwddm.queue;
CREATE TEMP TABLE snap_agent AS SELECT * FROM iwddm.agent;
CREATE TEMP TABLE snap_category AS SELECT * FROM iwddm.category;
CREATE TEMP TABLE snap_event_type AS SELECT * FROM iwddm.task_event_type;
CREATE TEMP TABLE snap_rejected AS SELECT rejected_id, raw, reason, event_id, interaction_id FROM iwddm.rejected_event;
CREATE TEMP TABLE snap_date_time AS SELECT date_time_key FROM iwddm.date_time;

SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY ord) FROM twice_batch))$$,
                'the same batch loads a second time');
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY ord) FROM twice_batch)
                                                || (SELECT array_agg(raw ORDER BY ord DESC) FROM twice_batch))$$,
                'the batch staged twice over in one load loads');
SELECT results_eq($$SELECT * FROM iwddm.task_fact ORDER BY interaction_id COLLATE "C"$$,
                  $$SELECT * FROM snap_task_fact ORDER BY interaction_id COLLATE "C"$$,
                  'reloading leaves task_fact unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_event_fact ORDER BY task_event_id$$,
                  $$SELECT * FROM snap_event_fact ORDER BY task_event_id$$,
                  'reloading leaves task_event_fact unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_work_fact ORDER BY assign_task_event_id$$,
                  $$SELECT * FROM snap_work_fact ORDER BY assign_task_event_id$$,
                  'reloading leaves task_work_fact unchanged');
SELECT results_eq($$SELECT * FROM iwddm.queue ORDER BY queue_key$$, $$SELECT * FROM snap_queue ORDER BY queue_key$$,
                  'reloading adds no queue member');
SELECT results_eq($$SELECT * FROM iwddm.agent ORDER BY agent_key$$, $$SELECT * FROM snap_agent ORDER BY agent_key$$,
                  'reloading leaves the agent members unchanged');
SELECT results_eq($$SELECT * FROM iwddm.category ORDER BY category_key$$, $$SELECT * FROM snap_category ORDER BY category_key$$,
                  'reloading leaves the category members unchanged');
SELECT results_eq($$SELECT * FROM iwddm.task_event_type ORDER BY task_event_type_key$$,
                  $$SELECT * FROM snap_event_type ORDER BY task_event_type_key$$,
                  'reloading adds no event type');
SELECT results_eq($$SELECT rejected_id, raw, reason, event_id, interaction_id FROM iwddm.rejected_event ORDER BY rejected_id$$,
                  $$SELECT * FROM snap_rejected ORDER BY rejected_id$$,
                  'reloading keeps the bad event once');
SELECT results_eq($$SELECT date_time_key FROM iwddm.date_time ORDER BY 1$$, $$SELECT * FROM snap_date_time ORDER BY 1$$,
                  'reloading leaves the calendar unchanged');
SELECT is((SELECT count(*)::int FROM iwddm.stage_task_event), 0, 'every reload consumes the staged rows');
SELECT lives_ok('CALL iwddm.load_staged()', 'a load with nothing staged succeeds');
SELECT results_eq($$SELECT * FROM iwddm.task_event_fact ORDER BY task_event_id$$,
                  $$SELECT * FROM snap_event_fact ORDER BY task_event_id$$,
                  'a load with nothing staged changes nothing');
-- An id already loaded is ignored even when its content differs (the feed never does that).
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(354, 'T-TWICE', '2026-11-20T11:09:00Z', 'canceled', 'Canceled', 'Done'))
$$, 'an already loaded id with other content loads');
SELECT results_eq($$SELECT * FROM iwddm.task_fact WHERE interaction_id = 'T-TWICE'$$,
                  $$SELECT * FROM snap_task_fact WHERE interaction_id = 'T-TWICE'$$,
                  'the already loaded id changes nothing');
-- Hand check of the reloaded task, so both loads cannot agree on a wrong answer.
SELECT results_eq(
    $$SELECT event_count, total_work_time_sec, total_held_time_sec, current_priority_key::int, completed_ts
      FROM iwddm.task_fact WHERE interaction_id = 'T-TWICE'$$,
    $$VALUES (4, 59, 300, iwddm_test.priority_key('50-99')::int, '2026-11-20 11:09:00+00'::timestamptz)$$,
    'T-TWICE after reloads: 4 events, floor(59.3) = 59 s of work before the hold, 300 s held');

-- ---------------------------------------------------------------------------------------
-- One history, three ways: whole batch, split in two (later half first), one event per
-- batch in reverse order. k = id mod 10 is the position in the history.
-- k1 10:00 new Q1; k2 10:01 queued Q2; k3 10:03 assigned Q2 E1; k4 10:06 held Q2;
-- k5 10:16 assigned Q2 E2; k6 10:30 completed Done E2.
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE history (k int, ts text, status text, event_type text, queue text, agent text);
INSERT INTO history VALUES
    (1, '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL),
    (2, '2026-11-20T10:01:00Z', 'queued', 'Queued', 'Q2', NULL),
    (3, '2026-11-20T10:03:00Z', 'assigned', 'Assigned', 'Q2', 'E1'),
    (4, '2026-11-20T10:06:00Z', 'held', 'Held', 'Q2', NULL),
    (5, '2026-11-20T10:16:00Z', 'assigned', 'Assigned', 'Q2', 'E2'),
    (6, '2026-11-20T10:30:00Z', 'completed', 'Completed', 'Done', 'E2');
CREATE TEMP TABLE history_events AS
SELECT task, k, iwddm_test.event(base + k, task, ts, status, event_type, queue, agent) AS raw
FROM history, (VALUES ('T-WHOLE', 400), ('T-SPLIT', 410), ('T-REV', 420)) t(task, base);

SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY k) FROM history_events WHERE task = 'T-WHOLE'))$$,
                'T-WHOLE loads in one batch');
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY k DESC) FROM history_events
                                                  WHERE task = 'T-SPLIT' AND k IN (2, 4, 6)))$$,
                'the later half of T-SPLIT loads first');
SELECT lives_ok($$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY k) FROM history_events
                                                  WHERE task = 'T-SPLIT' AND k IN (1, 3, 5)))$$,
                'the other half of T-SPLIT loads second');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 6$$, 'T-REV event 6 loads');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 5$$, 'T-REV event 5 loads');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 4$$, 'T-REV event 4 loads');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 3$$, 'T-REV event 3 loads');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 2$$, 'T-REV event 2 loads');
SELECT lives_ok($$SELECT iwddm_test.load(raw) FROM history_events WHERE task = 'T-REV' AND k = 1$$, 'T-REV event 1 loads');

-- Hand expectations for the whole batch.
SELECT results_eq(
    $$SELECT last_task_event_id, created_ts, first_assigned_ts, assign_time_from_created_sec, completed_ts,
             complete_time_from_created_sec, total_work_time_sec, total_held_time_sec, last_assigned_agent_key,
             current_queue_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-WHOLE'$$,
    $$VALUES (406::bigint, '2026-11-20 10:00:00+00'::timestamptz, '2026-11-20 10:03:00+00'::timestamptz, 180,
              '2026-11-20 10:30:00+00'::timestamptz, 1800, 1020, 600, iwddm_test.agent_key('E2'), iwddm_test.queue_key('Done'))$$,
    'T-WHOLE: assigned after 180 s, completed after 1800 s, 180 + 840 s of work, 600 s held');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id, assigned_agent_key, work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-WHOLE' ORDER BY assign_task_event_id$$,
    $$VALUES (403::bigint, 404::bigint, iwddm_test.agent_key('E1'), 180, 1),
             (405, 406, iwddm_test.agent_key('E2'), 840, 0)$$,
    'T-WHOLE: E1''s assignment is abandoned by the hold, E2''s ends completed');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-WHOLE' ORDER BY task_event_id$$,
    $$VALUES (401::bigint, iwddm_test.queue_key('Q1'), NULL::bigint, 0::bigint, 0, 0),
             (402, iwddm_test.queue_key('Q2'), iwddm_test.queue_key('Q1'), 0, 0, 0),
             (403, NULL, NULL, iwddm_test.agent_key('E1'), 0, 0),
             (404, NULL, NULL, 0, 180, 0),
             (405, NULL, NULL, iwddm_test.agent_key('E2'), 0, 600),
             (406, iwddm_test.queue_key('Done'), iwddm_test.queue_key('Q2'), iwddm_test.agent_key('E2'), 840, 0)$$,
    'T-WHOLE: queue moves, agents, and the work and hold each event ends');

-- The split and reversed loads give the same rows, ids and the batches that wrote them aside.
CREATE TEMP VIEW task_rows AS
SELECT interaction_id AS task, jsonb_build_object('last_k', last_task_event_id % 10)
       || (to_jsonb(f) - '{interaction_id,capture_id,last_task_event_id,created_etl_audit_key,updated_etl_audit_key}'::text[]) AS row
FROM iwddm.task_fact f;
CREATE TEMP VIEW event_rows AS
SELECT interaction_id AS task, task_event_id % 10 AS k, to_jsonb(e) - '{interaction_id,task_event_id,id,capture_id,created_etl_audit_key,updated_etl_audit_key}'::text[] AS row
FROM iwddm.task_event_fact e;
CREATE TEMP VIEW work_rows AS
SELECT interaction_id AS task, assign_task_event_id % 10 AS k,
       jsonb_build_object('finish_k', finish_task_event_id % 10)
       || (to_jsonb(w) - '{interaction_id,assign_task_event_id,finish_task_event_id,id,capture_id,created_etl_audit_key,updated_etl_audit_key}'::text[]) AS row
FROM iwddm.task_work_fact w;

SELECT results_eq($$SELECT row FROM task_rows WHERE task = 'T-SPLIT'$$, $$SELECT row FROM task_rows WHERE task = 'T-WHOLE'$$,
                  'T-SPLIT has the task fact of T-WHOLE');
SELECT results_eq($$SELECT k, row FROM event_rows WHERE task = 'T-SPLIT' ORDER BY k$$,
                  $$SELECT k, row FROM event_rows WHERE task = 'T-WHOLE' ORDER BY k$$,
                  'T-SPLIT has the event facts of T-WHOLE');
SELECT results_eq($$SELECT k, row FROM work_rows WHERE task = 'T-SPLIT' ORDER BY k$$,
                  $$SELECT k, row FROM work_rows WHERE task = 'T-WHOLE' ORDER BY k$$,
                  'T-SPLIT has the work facts of T-WHOLE');
SELECT results_eq($$SELECT row FROM task_rows WHERE task = 'T-REV'$$, $$SELECT row FROM task_rows WHERE task = 'T-WHOLE'$$,
                  'T-REV has the task fact of T-WHOLE');
SELECT results_eq($$SELECT k, row FROM event_rows WHERE task = 'T-REV' ORDER BY k$$,
                  $$SELECT k, row FROM event_rows WHERE task = 'T-WHOLE' ORDER BY k$$,
                  'T-REV has the event facts of T-WHOLE');
SELECT results_eq($$SELECT k, row FROM work_rows WHERE task = 'T-REV' ORDER BY k$$,
                  $$SELECT k, row FROM work_rows WHERE task = 'T-WHOLE' ORDER BY k$$,
                  'T-REV has the work facts of T-WHOLE');

SELECT * FROM finish();
ROLLBACK;
