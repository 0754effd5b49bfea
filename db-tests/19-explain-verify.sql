-- iwddm.explain_measure (the tasks behind one aggregate value, for every area and bucket; the
-- contributions add up to the view's value) and iwddm.verify_aggregates / verify_closed_days
-- (stored 15-minute aggregates checked against the event facts, without writing them).
-- Expectations are worked by hand.
BEGIN;
SELECT plan(43);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20, mart time zone UTC; every task in T1/S1 Billing/Refunds, media workitem.
-- T-X1 1901 10:02 new Q1 (due 10:20); 1902 10:40 assigned Q1 E1; 1903 11:10 completed Done E1
-- T-X2 1911 10:05 new Q1; 1912 10:50 canceled (stays in Q1)
-- T-X3 1921 10:20 new Q2 (open to the end)
-- T-X4 1931 11:20 new Q1 (the last event: intervals 10:00 .. 11:15 are covered)
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1901, 'T-X1', '2026-11-20T10:02:00Z', 'new', 'Created', 'Q1', NULL, '{"dueDateTime": "2026-11-20T10:20:00Z"}'),
        iwddm_test.event(1902, 'T-X1', '2026-11-20T10:40:00Z', 'assigned', 'Assigned', 'Q1', 'E1', '{"dueDateTime": "2026-11-20T10:20:00Z"}'),
        iwddm_test.event(1903, 'T-X1', '2026-11-20T11:10:00Z', 'completed', 'Completed', 'Done', 'E1', '{"dueDateTime": "2026-11-20T10:20:00Z"}'),
        iwddm_test.event(1911, 'T-X2', '2026-11-20T10:05:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1912, 'T-X2', '2026-11-20T10:50:00Z', 'canceled', 'Canceled', 'Q1'),
        iwddm_test.event(1921, 'T-X3', '2026-11-20T10:20:00Z', 'new', 'Created', 'Q2'),
        iwddm_test.event(1931, 'T-X4', '2026-11-20T11:20:00Z', 'new', 'Created', 'Q1'))
$$, 'the four tasks load');

-- ---- explain_measure: snapshots at the interval's end e, flows in the bucket ----------
-- backlog at 10:30 .. 10:45 (e = 10:45): T-X1 assigned since 10:40, T-X2 and T-X3 new.
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id, event_type, status
      FROM iwddm.explain_measure('task_classif', 'backlog', '2026-11-20 10:30+00', iwddm_test.classif_group())$$,
    $$VALUES ('T-X1', 1::bigint, 1902::bigint, 'Assigned', 'assigned'), ('T-X2', 1, 1911, 'Created', 'new'),
             ('T-X3', 1, 1921, 'Created', 'new')$$,
    'backlog at 10:30 is explained by the three open tasks, each with its last event before 10:45 and its status');
SELECT is((SELECT sum(contribution) FROM iwddm.explain_measure('task_classif', 'backlog', '2026-11-20 10:37+00', iwddm_test.classif_group())),
          (SELECT backlog::numeric FROM iwddm.iwd_agg_task_classif_15min WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:30+00')),
          'any instant of the interval explains it, and the contributions add up to the view''s backlog (3)');
SELECT is((SELECT state - 'due_ts' FROM iwddm.explain_measure('task_classif', 'backlog', '2026-11-20 10:30+00', iwddm_test.classif_group())
           WHERE interaction_id = 'T-X1'),
          iwddm_test.classif_group() || jsonb_build_object('queue_key', iwddm_test.queue_key('Q1'), 'agent_key', iwddm_test.agent_key('E1'),
              'capture_point_key', 0, 'media_type_key', iwddm_test.media_type_key('workitem'), 'age_sec', 2580),
          'the state shows the task''s group, queue, agent and its age at 10:45 (43 minutes)');
SELECT results_eq(
    $$SELECT interaction_id, contribution, (state->>'due_ts')::timestamptz
      FROM iwddm.explain_measure('task_classif', 'overdue_backlog', '2026-11-20 10:30+00', iwddm_test.classif_group())$$,
    $$VALUES ('T-X1', 1::bigint, '2026-11-20 10:20+00'::timestamptz)$$,
    'overdue_backlog at 10:30: T-X1, due 10:20 before 10:45');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id FROM iwddm.explain_measure('task_classif', 'entered', '2026-11-20 10:59+00', '{}', 'hour')$$,
    $$VALUES ('T-X1', 1::bigint, 1901::bigint), ('T-X2', 1, 1911), ('T-X3', 1, 1921)$$,
    'entered in the hour 10:00 (all groups): three tasks, each shown with its first event, not its later ones');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id, status
      FROM iwddm.explain_measure('task_classif', 'complete_time_sum_sec', '2026-11-20 00:00+00', iwddm_test.classif_group(), 'day')$$,
    $$VALUES ('T-X1', 4080::bigint, 1903::bigint, 'completed')$$,
    'complete_time_sum_sec of the day: T-X1 completed 68 minutes after its creation');
SELECT is((SELECT complete_time_sum_sec FROM iwddm.iwd_agg_task_classif_day),
          4080::bigint, 'the day view holds the same 4080 seconds');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id FROM iwddm.explain_measure('task_classif', 'canceled', '2026-11-20 10:31+00', '{}', '30min')$$,
    $$VALUES ('T-X2', 1::bigint, 1912::bigint)$$,
    'canceled in the half hour 10:30: T-X2 at 10:50');
SELECT results_eq(
    $$SELECT b, (SELECT count(*) FROM iwddm.explain_measure('task_classif', 'entered', '2026-11-20 10:00+00', '{}', b)),
             (SELECT sum(contribution) FROM iwddm.explain_measure('task_classif', 'entered', '2026-11-20 10:00+00', '{}', b))
      FROM unnest(ARRAY['day', 'week', 'month', 'qrtr', 'year']) b$$,
    $$VALUES ('day', 4::bigint, 4::numeric), ('week', 4, 4), ('month', 4, 4), ('qrtr', 4, 4), ('year', 4, 4)$$,
    'entered in the day, week, month, quarter and year: the four tasks');

SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id
      FROM iwddm.explain_measure('task_queue', 'in_queue', '2026-11-20 10:45+00', jsonb_build_object('queue_key', iwddm_test.queue_key('Q1')))$$,
    $$VALUES ('T-X1', 1::bigint, 1902::bigint)$$,
    'in_queue Q1 at 10:45 (e = 11:00): only T-X1, T-X2 was canceled at 10:50');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id
      FROM iwddm.explain_measure('task_queue', 'queue_time_sum_sec', '2026-11-20 11:00+00', jsonb_build_object('queue_key', iwddm_test.queue_key('Q1')), 'hour')$$,
    $$VALUES ('T-X1', 4080::bigint, 1903::bigint)$$,
    'queue_time_sum_sec of Q1 in the hour 11:00: T-X1 left Q1 at 11:10 after 68 minutes');
SELECT results_eq(
    $$SELECT interaction_id, task_event_id
      FROM iwddm.explain_measure('task_queue', 'entered_queue', '2026-11-20 10:00+00', jsonb_build_object('queue_key', iwddm_test.queue_key('Q1')), 'hour')$$,
    $$VALUES ('T-X1', 1901::bigint), ('T-X2', 1911)$$,
    'entered_queue Q1 in the hour 10:00: T-X1 and T-X2 at their creation');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id
      FROM iwddm.explain_measure('task_agent', 'assigned', '2026-11-20 10:00+00', jsonb_build_object('agent_key', iwddm_test.agent_key('E1')), 'hour')$$,
    $$VALUES ('T-X1', 1::bigint, 1902::bigint)$$,
    'assigned to E1 in the hour 10:00: T-X1 at 10:40');
SELECT results_eq(
    $$SELECT interaction_id, contribution, task_event_id
      FROM iwddm.explain_measure('task_agent', 'work_time_sum_sec', '2026-11-20 11:00+00', jsonb_build_object('agent_key', iwddm_test.agent_key('E1')), 'hour')$$,
    $$VALUES ('T-X1', 1800::bigint, 1903::bigint)$$,
    'work_time_sum_sec of E1 in the hour 11:00: the 30 minutes of T-X1''s assignment');
SELECT results_eq(
    $$SELECT a.age_name, x.interaction_id, x.contribution, (x.state->>'age_sec')::int
      FROM iwddm.age a, iwddm.explain_measure('task_age', 'backlog', '2026-11-20 11:15+00',
                                               iwddm_test.classif_group() || jsonb_build_object('age_key', a.age_key)) x
      ORDER BY a.age_key$$,
    $$VALUES ('<1h', 'T-X4', 1::bigint, 600), ('1-4h', 'T-X3', 1, 4200)$$,
    'task_age backlog at 11:15 (e = 11:30): T-X4 aged 10 minutes, T-X3 aged 70 minutes');
SELECT is((SELECT sum(contribution) FROM iwddm.explain_measure('task_capt', 'backlog', '2026-11-20 08:00+00', '{}', 'day')),
          (SELECT sum(backlog)::numeric FROM iwddm.iwd_agg_task_capt_day),
          'capt backlog of the day, all groups: the end of the last covered interval (11:30), T-X3 and T-X4 = 2');
SELECT is_empty(
    $$SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', '2026-11-20 12:00+00', iwddm_test.classif_group())$$,
    'an interval after the covered range explains nothing (the view has no row: zero)');
SELECT is_empty(
    $$SELECT * FROM iwddm.explain_measure('task_classif', 'entered', '2026-11-19 10:00+00', '{}', 'day')$$,
    'a day before the covered range explains nothing');

-- ---- explain_measure: errors with hints ------------------------------------------------
SELECT throws_ok($$SELECT * FROM iwddm.explain_measure('task_x', 'backlog', now())$$, 'P0001',
                 'explain_measure: unknown area task_x', 'an unknown area is refused');
SELECT is(iwddm_test.error_hint($$SELECT * FROM iwddm.explain_measure('task_x', 'backlog', now())$$),
          'The areas are: task_age, task_agent, task_capt, task_classif, task_queue.', 'the hint lists the areas');
SELECT throws_ok($$SELECT * FROM iwddm.explain_measure('task_agent', 'backlog', now())$$, 'P0001',
                 'explain_measure: unknown measure backlog of area task_agent', 'a measure of another area is refused');
SELECT is(iwddm_test.error_hint($$SELECT * FROM iwddm.explain_measure('task_agent', 'backlog', now())$$),
          'The measures of task_agent are: assigned, finished, abandoned, work_time_sum_sec.', 'the hint lists the area''s measures');
SELECT throws_ok($$SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', now(), '{"queue_key": 1}')$$, 'P0001',
                 'explain_measure: unknown group column queue_key of area task_classif', 'a group column of another area is refused');
SELECT is(iwddm_test.error_hint($$SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', now(), '{"queue_key": 1}')$$),
          'The group columns of task_classif are: tenant_key, solution_key, department_key, process_key.',
          'the hint lists the area''s group columns');
SELECT throws_ok($$SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', now(), '{"department_key": "Billing"}')$$, 'P0001',
                 'explain_measure: the key of group column department_key is not an integer', 'a group given by name is refused');
SELECT throws_ok($$SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', now(), '{}', 'minute')$$, 'P0001',
                 'explain_measure: unknown bucket minute', 'an unknown bucket is refused');

-- ---- verify_aggregates: differences between stored values and the facts ---------------
SELECT is_empty($$SELECT * FROM iwddm.verify_aggregates('2026-11-20 10:00+00', '2026-11-20 11:15+00')$$,
                'the loaded aggregates agree with the facts');
SELECT lives_ok($$
    UPDATE iwddm.agg_task_queue_15min SET in_queue = 5
    WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:45+00') AND queue_key = iwddm_test.queue_key('Q1');
    DELETE FROM iwddm.agg_task_agent_15min
    WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:30+00') AND agent_key = iwddm_test.agent_key('E1')$$,
    'one stored value is changed by hand and one row deleted');
SELECT results_eq(
    $$SELECT area, interval_start, group_keys, measure, stored, recomputed
      FROM iwddm.verify_aggregates('2026-11-01 00:00+00', '2026-11-30 00:00+00')$$,
    $$VALUES ('task_agent', '2026-11-20 10:30+00'::timestamptz, jsonb_build_object('agent_key', iwddm_test.agent_key('E1')),
              'assigned', 0::bigint, 1::bigint),
             ('task_queue', '2026-11-20 10:45+00', jsonb_build_object('queue_key', iwddm_test.queue_key('Q1')), 'in_queue', 5, 1)$$,
    'both are reported (a wider range is cut to the covered one); the deleted row reads as zero');
SELECT is((SELECT in_queue FROM iwddm.agg_task_queue_15min
           WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:45+00') AND queue_key = iwddm_test.queue_key('Q1')),
          5::bigint, 'verify_aggregates changed no stored value');
SELECT is_empty($$SELECT * FROM iwddm.verify_aggregates('2026-11-20 11:00+00', '2026-11-20 11:15+00')$$,
                'a range without the damage reports nothing');
SELECT lives_ok($$CALL iwddm.rebuild_aggregates('2026-11-20 10:00+00', '2026-11-20 11:15+00')$$, 'rebuild_aggregates repairs the range');
SELECT is_empty($$SELECT * FROM iwddm.verify_aggregates('2026-11-20 10:00+00', '2026-11-20 11:15+00')$$,
                'after the repair nothing differs');
SELECT lives_ok($$UPDATE iwddm.agg_task_classif_flow SET entered = 0 WHERE interaction_id = 'T-X1' AND entered = 1$$,
                'T-X1''s stored entered flow is damaged');
SELECT is_empty($$SELECT * FROM iwddm.verify_aggregates('2026-11-20 10:00+00', '2026-11-20 11:15+00')$$,
                'stored flows are not trusted: the aggregates still check against the facts');
SELECT lives_ok($$CALL iwddm.rebuild_aggregates('2026-11-20 10:00+00', '2026-11-20 11:15+00')$$,
                'rebuild_aggregates recomputes the damaged flow too');
SELECT throws_like($$SELECT * FROM iwddm.verify_aggregates('2026-11-21', '2026-11-20')$$,
                   'verify_aggregates: invalid range %', 'a reversed range is refused');

-- ---- verify_closed_days: the historical chain's nightly check --------------------------
SELECT results_eq($$SELECT * FROM iwddm.verify_closed_days()$$, $$VALUES (NULL::integer, NULL::bigint)$$,
                  'with the setting off nothing is verified');
-- The mart reaches 2026-11-21 03:00: with the 2-hour grace, 2026-11-20 is closed.
SELECT lives_ok($$
    UPDATE iwddm.mart_config SET verify_closed_days = true;
    SELECT iwddm_test.load(iwddm_test.event(1941, 'T-X5', '2026-11-21T03:00:00Z', 'new', 'Created', 'Q1'));
    UPDATE iwddm.agg_task_classif_15min SET backlog = backlog + 1 WHERE date_time_key = iwddm_test.epoch('2026-11-20 10:30+00')$$,
    'the setting is on, a later event closes 2026-11-20, and one value of that day is damaged');
SELECT results_eq($$SELECT * FROM iwddm.verify_closed_days('00000000-0000-0000-0000-000000000019', 'historical')$$,
                  $$VALUES (1, 1::bigint)$$, 'the closed day is verified and its one difference found');
SELECT results_eq(
    $$SELECT run_id::text, execution_chain, run_status, differences, message, (SELECT verified_through FROM iwddm.mart_config)
      FROM iwddm.etl_audit WHERE entry_kind = 'verify'$$,
    $$VALUES ('00000000-0000-0000-0000-000000000019', 'historical', 'differences', 1::bigint,
              'verified the aggregates of 2026-11-20 (UTC): 1 differing values (task_classif.backlog 1); repair with'
              ' CALL iwddm.rebuild_aggregates(''2026-11-20 00:00 UTC'', ''2026-11-20 23:59:59.999999 UTC'')',
              '2026-11-20'::date)$$,
    'an etl_audit row of kind verify records the day, the count and how to repair; verified_through advances');
SELECT results_eq($$SELECT * FROM iwddm.verify_closed_days()$$, $$VALUES (NULL::integer, NULL::bigint)$$,
                  'a day is verified once: the next run has nothing due');

SELECT * FROM finish();
ROLLBACK;
