-- A simple lifecycle (created, queued, assigned, completed) read into every contract column
-- of task_fact, task_event_fact and task_work_fact (SPEC §3, §5). Expectations are worked
-- out by hand from the event times below; fractions of a second make the floor visible.
--
-- T-LIFE  101 10:00:00.250 new       Q-Inbox               (created)
--         102 10:02:00.000 queued    Q-Billing             (sent as 11:02+01:00)
--         103 10:10:00.900 assigned  Q-Billing     E1      assignment starts
--         104 10:15:01.800 completed iWD_Completed E1      assignment ends: floor(300.9) = 300
-- T-OPEN  111 23:59:59.999 new       (no queue, no optional attributes)
BEGIN;
SELECT plan(59);

INSERT INTO iwddm.custom_attribute_map (slot, data_key)
VALUES (1, 'region'), (2, 'caseType'), (3, 'count'), (4, 'urgent');

CREATE TEMP TABLE life_attrs AS SELECT jsonb_build_object(
    'priority', 120, 'businessValue', 50, 'dueDateTime', '2026-11-21T10:00:00.000Z',
    'capturePoint', jsonb_build_object('id', 'CP3', 'name', 'CRM-Cases'),
    'data', jsonb_build_object('region', 'EMEA', 'caseType', 'refund', 'count', 3, 'urgent', true)) AS a;

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(101, 'T-LIFE', '2026-11-20T10:00:00.250Z', 'new', 'Created', 'Q-Inbox', NULL, a),
        iwddm_test.event(102, 'T-LIFE', '2026-11-20T11:02:00+01:00', 'queued', 'Queued', 'Q-Billing', NULL, a),
        iwddm_test.event(103, 'T-LIFE', '2026-11-20T10:10:00.900Z', 'assigned', 'Assigned', 'Q-Billing', 'E1', a),
        iwddm_test.event(104, 'T-LIFE', '2026-11-20T10:15:01.800Z', 'completed', 'Completed', 'iWD_Completed', 'E1', a),
        iwddm_test.event(111, 'T-OPEN', '2026-11-20T23:59:59.999Z', 'new', 'Created'))
    FROM life_attrs
$$, 'a batch of one completed and one new task loads');

SELECT is((SELECT count(*)::int FROM iwddm.stage_task_event), 0, 'the load consumes every staged row');
SELECT results_eq($$SELECT interaction_id FROM iwddm.task_fact ORDER BY interaction_id COLLATE "C"$$,
                  $$VALUES ('T-LIFE'), ('T-OPEN')$$, 'one task fact per task');

-- Dimension members created from the events.
SELECT results_eq($$SELECT tenant_name FROM iwddm.tenant WHERE tenant_runtime_id = 'T1'$$,
                  $$VALUES ('Acme')$$, 'the tenant member carries its name');
SELECT results_eq($$SELECT solution_name FROM iwddm.solution WHERE solution_runtime_id = 'S1'$$,
                  $$VALUES ('Production')$$, 'the solution member carries its name');
SELECT results_eq($$SELECT capture_point_name FROM iwddm.capture_point WHERE capture_point_runtime_id = 'CP3'$$,
                  $$VALUES ('CRM-Cases')$$, 'the capture point member carries its name');
SELECT results_eq($$SELECT agent_name FROM iwddm.agent WHERE employee_id = 'E1'$$,
                  $$VALUES ('Agent E1')$$, 'the agent member carries its name');
SELECT results_eq($$SELECT queue_name FROM iwddm.queue WHERE queue_key <> 0 ORDER BY queue_name COLLATE "C"$$,
                  $$VALUES ('Q-Billing'), ('Q-Inbox'), ('iWD_Completed')$$, 'each queue seen becomes a member');

-- task_fact of the completed task, column by column.
CREATE TEMP VIEW life AS SELECT * FROM iwddm.task_fact WHERE interaction_id = 'T-LIFE';
SELECT is((SELECT capture_id FROM life), 'CAP-T-LIFE', 'capture_id is the task''s captureId');
SELECT is((SELECT last_task_event_id FROM life), 104::bigint, 'last_task_event_id is the last event in history order');
SELECT is((SELECT current_status_key FROM life), iwddm_test.status_key('completed'), 'the current status is completed');
SELECT is((SELECT current_priority_key FROM life), iwddm_test.priority_key('100-199'), 'priority 120 is in band 100-199');
SELECT is((SELECT current_queue_key FROM life), iwddm_test.queue_key('iWD_Completed'), 'the current queue is the last event''s queue');
SELECT is((SELECT business_value_key FROM life), iwddm_test.business_value_key('50-59'), 'business value 50 is in band 50-59');
SELECT is((SELECT tenant_key FROM life), iwddm_test.tenant_key('T1'), 'tenant_key is tenant T1');
SELECT is((SELECT solution_key FROM life), iwddm_test.solution_key('S1'), 'solution_key is solution S1 of T1');
SELECT is((SELECT department_key FROM life), iwddm_test.department_key('Billing'), 'department is category level 1');
SELECT is((SELECT process_key FROM life), iwddm_test.process_key('Billing', 'Refunds'), 'process is category level 2');
SELECT is((SELECT category_key FROM life), iwddm_test.category_key('{Billing,Refunds}'), 'category is the full path');
SELECT is((SELECT capture_point_key FROM life), iwddm_test.capture_point_key('CP3'), 'capture_point_key is CP3');
SELECT is((SELECT media_type_key FROM life), iwddm_test.media_type_key('workitem'), 'media_type_key is workitem');
SELECT is((SELECT last_assigned_agent_key FROM life), iwddm_test.agent_key('E1'), 'the last assigned agent is E1');
SELECT is((SELECT created_ts FROM life), '2026-11-20 10:00:00.25+00'::timestamptz, 'created_ts is the first event''s time');
SELECT is((SELECT first_assigned_ts FROM life), '2026-11-20 10:10:00.9+00'::timestamptz, 'first_assigned_ts is the start of the first assignment');
SELECT is((SELECT completed_ts FROM life), '2026-11-20 10:15:01.8+00'::timestamptz, 'completed_ts is the transition into completed');
SELECT is((SELECT due_ts FROM life), '2026-11-21 10:00:00+00'::timestamptz, 'due_ts is the dueDateTime');
SELECT is((SELECT priority FROM life), 120, 'the raw priority is kept');
SELECT is((SELECT business_value FROM life), 50, 'the raw business value is kept');
SELECT is((SELECT assign_time_from_created_sec FROM life), 600, 'assign time floor(600.65 s) is 600');
SELECT is((SELECT complete_time_from_created_sec FROM life), 901, 'complete time floor(901.55 s) is 901');
SELECT is((SELECT total_work_time_sec FROM life), 300, 'total work floor(300.9 s) is 300');
SELECT is((SELECT total_held_time_sec FROM life), 0, 'a task never held has 0 held seconds');
SELECT results_eq(
    $$SELECT custom_attribute1, custom_attribute2, custom_attribute3, custom_attribute4, custom_attribute5,
             custom_attribute6, custom_attribute7, custom_attribute8, custom_attribute9, custom_attribute10 FROM life$$,
    $$VALUES ('EMEA', 'refund', '3', 'true', NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text)$$,
    'custom attributes hold the mapped data values as text, unmapped slots null');
SELECT results_eq($$SELECT created_date_key, created_time_key, created_interval FROM life$$,
                  $$VALUES (20261120, 100000, iwddm_test.epoch('2026-11-20 10:00:00+00'))$$,
                  'created date, time and interval keys (UTC mart)');
SELECT results_eq($$SELECT first_assigned_date_key, first_assigned_time_key, first_assigned_interval FROM life$$,
                  $$VALUES (20261120, 101000, iwddm_test.epoch('2026-11-20 10:00:00+00'))$$,
                  'first assigned date, time and interval keys');
SELECT results_eq($$SELECT completed_date_key, completed_time_key, completed_interval FROM life$$,
                  $$VALUES (20261120, 101501, iwddm_test.epoch('2026-11-20 10:15:00+00'))$$,
                  'completed date, time and interval keys');
SELECT results_eq($$SELECT due_date_key, due_time_key, due_interval FROM life$$,
                  $$VALUES (20261121, 100000, iwddm_test.epoch('2026-11-21 10:00:00+00'))$$,
                  'due date, time and interval keys');

-- task_fact of the task that only exists.
CREATE TEMP VIEW open_task AS SELECT * FROM iwddm.task_fact WHERE interaction_id = 'T-OPEN';
SELECT results_eq(
    $$SELECT last_task_event_id, current_status_key::int, created_ts, first_assigned_ts, completed_ts, due_ts
      FROM open_task$$,
    $$VALUES (111::bigint, iwddm_test.status_key('new')::int, '2026-11-20 23:59:59.999+00'::timestamptz,
              NULL::timestamptz, NULL::timestamptz, NULL::timestamptz)$$,
    'a new task has its creation time and no assignment, completion or due time');
SELECT results_eq(
    $$SELECT assign_time_from_created_sec, complete_time_from_created_sec, total_work_time_sec, total_held_time_sec
      FROM open_task$$,
    $$VALUES (NULL::int, NULL::int, 0, 0)$$,
    'durations to missing instants are null and totals are 0');
SELECT results_eq(
    $$SELECT last_assigned_agent_key, current_queue_key, current_priority_key::bigint, business_value_key::bigint,
             capture_point_key, priority, business_value
      FROM open_task$$,
    $$VALUES (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, NULL::int, NULL::int)$$,
    'missing agent, queue, priority, business value and capture point map to the unknown members');
SELECT results_eq(
    $$SELECT created_date_key, created_time_key, created_interval FROM open_task$$,
    $$VALUES (20261120, 235959, iwddm_test.epoch('2026-11-20 23:45:00+00'))$$,
    'a time of 23:59:59.999 stays in its day, second and interval');
SELECT results_eq(
    $$SELECT first_assigned_date_key, first_assigned_time_key, first_assigned_interval,
             completed_date_key, completed_time_key, completed_interval,
             due_date_key, due_time_key, due_interval FROM open_task$$,
    $$VALUES (NULL::int, NULL::int, NULL::bigint, NULL::int, NULL::int, NULL::bigint, NULL::int, NULL::int, NULL::bigint)$$,
    'the keys of missing instants are null');

-- task_event_fact: one row per event.
SELECT results_eq(
    $$SELECT task_event_id, interaction_id, task_event_type_key, event_ts, event_interval, status_key::int
      FROM iwddm.task_event_fact ORDER BY task_event_id$$,
    $$VALUES (101::bigint, 'T-LIFE', iwddm_test.event_type_key('Created'), '2026-11-20 10:00:00.25+00'::timestamptz,
              iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.status_key('new')::int),
             (102, 'T-LIFE', iwddm_test.event_type_key('Queued'), '2026-11-20 10:02:00+00',
              iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.status_key('queued')),
             (103, 'T-LIFE', iwddm_test.event_type_key('Assigned'), '2026-11-20 10:10:00.9+00',
              iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.status_key('assigned')),
             (104, 'T-LIFE', iwddm_test.event_type_key('Completed'), '2026-11-20 10:15:01.8+00',
              iwddm_test.epoch('2026-11-20 10:15:00+00'), iwddm_test.status_key('completed')),
             (111, 'T-OPEN', iwddm_test.event_type_key('Created'), '2026-11-20 23:59:59.999+00',
              iwddm_test.epoch('2026-11-20 23:45:00+00'), iwddm_test.status_key('new'))$$,
    'each event has its id, task, type, exact time, 15-minute interval and status');
SELECT results_eq(
    $$SELECT task_event_id, entered_queue_key, exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec
      FROM iwddm.task_event_fact ORDER BY task_event_id$$,
    $$VALUES (101::bigint, iwddm_test.queue_key('Q-Inbox'), NULL::bigint, 0::bigint, 0, 0),
             (102, iwddm_test.queue_key('Q-Billing'), iwddm_test.queue_key('Q-Inbox'), 0, 0, 0),
             (103, NULL, NULL, iwddm_test.agent_key('E1'), 0, 0),
             (104, iwddm_test.queue_key('iWD_Completed'), iwddm_test.queue_key('Q-Billing'), iwddm_test.agent_key('E1'), 300, 0),
             (111, 0, NULL, 0, 0, 0)$$,
    'queue moves, the event''s agent, and the work time of the assignment each event ends');
SELECT results_eq(
    $$SELECT task_event_id, priority_key::int, business_value_key::int FROM iwddm.task_event_fact ORDER BY task_event_id$$,
    $$VALUES (101::bigint, iwddm_test.priority_key('100-199')::int, iwddm_test.business_value_key('50-59')::int),
             (102, iwddm_test.priority_key('100-199'), iwddm_test.business_value_key('50-59')),
             (103, iwddm_test.priority_key('100-199'), iwddm_test.business_value_key('50-59')),
             (104, iwddm_test.priority_key('100-199'), iwddm_test.business_value_key('50-59')),
             (111, 0, 0)$$,
    'each event has the priority and business value bands after it');

-- task_work_fact: the one finished assignment.
SELECT results_eq(
    $$SELECT interaction_id, assign_task_event_id, finish_task_event_id, assigned_agent_key, assign_ts, finish_ts,
             work_time_sec, is_abandon::int
      FROM iwddm.task_work_fact ORDER BY assign_task_event_id$$,
    $$VALUES ('T-LIFE', 103::bigint, 104::bigint, iwddm_test.agent_key('E1'), '2026-11-20 10:10:00.9+00'::timestamptz,
              '2026-11-20 10:15:01.8+00'::timestamptz, 300, 0)$$,
    'one assignment from 103 to 104, 300 s, not abandoned since it ended in completed');

-- The calendar covers every event: each maps to exactly one interval [start, start + 900 s).
SELECT is(
    (SELECT count(*)::int FROM iwddm.task_event_fact e JOIN iwddm.date_time d ON d.date_time_key = e.event_interval
     WHERE e.event_ts >= d.start_ts AND e.event_ts < d.end_ts AND d.end_ts = d.start_ts + interval '15 minutes'),
    5, 'the calendar has the interval of every event and the event lies inside it');
SELECT results_eq(
    $$SELECT date_time_key, date_time_30min_key, date_time_hour_key, date_time_day_key
      FROM iwddm.date_time WHERE date_time_key IN (SELECT event_interval FROM iwddm.task_event_fact) ORDER BY 1$$,
    $$VALUES (iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.epoch('2026-11-20 10:00:00+00'),
              iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.epoch('2026-11-20 00:00:00+00')),
             (iwddm_test.epoch('2026-11-20 10:15:00+00'), iwddm_test.epoch('2026-11-20 10:00:00+00'),
              iwddm_test.epoch('2026-11-20 10:00:00+00'), iwddm_test.epoch('2026-11-20 00:00:00+00')),
             (iwddm_test.epoch('2026-11-20 23:45:00+00'), iwddm_test.epoch('2026-11-20 23:30:00+00'),
              iwddm_test.epoch('2026-11-20 23:00:00+00'), iwddm_test.epoch('2026-11-20 00:00:00+00'))$$,
    'the event intervals roll up to their half hour, hour and day');
SELECT ok(EXISTS (SELECT 1 FROM iwddm.event_date WHERE event_date_key = 20261120 AND calendar_date = '2026-11-20'),
          'the calendar has the events'' date');
SELECT results_eq(
    $$SELECT date_time_week_key, date_time_month_key, date_time_quarter_key, date_time_year_key
      FROM iwddm.date_time WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:00:00+00')$$,
    $$VALUES (iwddm_test.epoch('2026-11-16 00:00:00+00'), iwddm_test.epoch('2026-11-01 00:00:00+00'),
              iwddm_test.epoch('2026-10-01 00:00:00+00'), iwddm_test.epoch('2026-01-01 00:00:00+00'))$$,
    'Friday 2026-11-20 rolls up to the week of Monday 16th, November, Q4 and 2026');

-- Sub-microsecond fractions round to the microsecond, as PostgreSQL does, before anything
-- else: 10:14:59.9999996 is 10:15:00 exactly, in the 10:15 interval.
-- T-NANO 121 10:00:00.0000004 new; 122 10:14:59.9999996 completed
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(121, 'T-NANO', '2026-11-20T10:00:00.0000004Z', 'new', 'Created', 'Q-Inbox'),
        iwddm_test.event(122, 'T-NANO', '2026-11-20T10:14:59.9999996Z', 'completed', 'Completed', 'iWD_Completed'))
$$, 'events with seven fractional digits load');
SELECT results_eq(
    $$SELECT task_event_id, event_ts, event_interval FROM iwddm.task_event_fact WHERE interaction_id = 'T-NANO' ORDER BY 1$$,
    $$VALUES (121::bigint, '2026-11-20 10:00:00+00'::timestamptz, iwddm_test.epoch('2026-11-20 10:00:00+00')),
             (122, '2026-11-20 10:15:00+00', iwddm_test.epoch('2026-11-20 10:15:00+00'))$$,
    'event times are rounded to the microsecond and fall in the interval of the rounded time');
SELECT results_eq(
    $$SELECT completed_ts, complete_time_from_created_sec, completed_time_key, completed_interval
      FROM iwddm.task_fact WHERE interaction_id = 'T-NANO'$$,
    $$VALUES ('2026-11-20 10:15:00+00'::timestamptz, 900, 101500, iwddm_test.epoch('2026-11-20 10:15:00+00'))$$,
    'durations and keys are computed on the rounded instants');

-- The mart time zone decides date and time keys, never interval keys (SPEC §4).
SELECT lives_ok($$CALL iwddm.set_timezone('Europe/Berlin')$$, 'the mart time zone changes to Europe/Berlin');
SELECT results_eq(
    $$SELECT interaction_id, created_date_key, created_time_key, created_interval, completed_date_key, completed_time_key,
             due_date_key, due_time_key
      FROM iwddm.task_fact WHERE interaction_id IN ('T-LIFE', 'T-OPEN') ORDER BY interaction_id COLLATE "C"$$,
    $$VALUES ('T-LIFE', 20261120, 110000, iwddm_test.epoch('2026-11-20 10:00:00+00'), 20261120, 111501, 20261121, 110000),
             ('T-OPEN', 20261121, 5959, iwddm_test.epoch('2026-11-20 23:45:00+00'), NULL, NULL, NULL, NULL)$$,
    'loaded tasks get Berlin (UTC+1) date and time keys; 23:59:59.999Z is the next day there');
SELECT results_eq(
    $$SELECT date_time_hour_key, date_time_day_key FROM iwddm.date_time
      WHERE date_time_key = iwddm_test.epoch('2026-11-20 23:45:00+00')$$,
    $$VALUES (iwddm_test.epoch('2026-11-20 23:00:00+00'), iwddm_test.epoch('2026-11-20 23:00:00+00'))$$,
    'the 23:45Z interval belongs to the Berlin hour and day starting at 23:00Z');
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(131, 'T-BERLIN', '2026-11-21T23:30:00Z', 'new', 'Created'))
$$, 'an event loads after the time zone change');
SELECT results_eq(
    $$SELECT created_date_key, created_time_key, created_interval FROM iwddm.task_fact WHERE interaction_id = 'T-BERLIN'$$,
    $$VALUES (20261122, 3000, iwddm_test.epoch('2026-11-21 23:30:00+00'))$$,
    'a task loaded after the change gets Berlin keys');
SELECT results_eq(
    $$SELECT event_date_key, date_time_day_key FROM iwddm.date_time WHERE date_time_key = iwddm_test.epoch('2026-11-21 23:30:00+00')$$,
    $$VALUES (20261122, iwddm_test.epoch('2026-11-21 23:00:00+00'))$$,
    'the calendar row of the new event is on its Berlin day');

SELECT * FROM finish();
ROLLBACK;
