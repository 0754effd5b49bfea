-- Data lifecycle (docs/retention.md): retention settings and their errors; the default keeps
-- everything; purge_expired removes only final tasks whose every event is before the horizon
-- (not a task open across it, not a reopened one), in bounded batches with one audit tally;
-- a purged task's snapshot flows net to zero, so every aggregate view is unchanged and a
-- rebuild after the horizon still agrees; repairs reaching before it are refused; a late event
-- for a purged task is quarantined (and stays so when replayed); purging the 15-minute rows
-- keeps the day and coarser buckets exactly; rejected events and audit rows expire.
BEGIN;
SELECT plan(40);
SET LOCAL timezone = 'UTC';

-- ---------------------------------------------------------------------------------------
-- UTC mart; every task in Billing/Refunds.
-- T-OLD    2001 11-01 10:00 new Q1; 2002 10:10 assigned E1; 2003 10:20 completed  (final, old)
-- T-OPEN   2011 11-01 11:00 new Q1                                              (open across)
-- T-REOPEN 2021 11-01 12:00 new Q1; 2022 12:30 completed; 2023 11-04 09:00 queued (Restarted);
--          2024 11-04 09:30 completed                                           (reopened)
-- T-LATE   2031 11-02 08:00 new Q2; 2032 08:15 canceled                         (final, old)
-- T-NOW    2041 11-06 10:00 new Q1                                   (the latest loaded event)
-- keep tasks 3 days: horizon = local midnight of 11-06 10:00 - 3 days = 11-03 00:00; the
-- historical chain's cutoff is 11-06 00:00. Purged: T-OLD, T-LATE. Kept: the other three.
-- ---------------------------------------------------------------------------------------
SELECT iwddm_test.load(
    iwddm_test.event(2001, 'T-OLD', '2026-11-01T10:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(2002, 'T-OLD', '2026-11-01T10:10:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
    iwddm_test.event(2003, 'T-OLD', '2026-11-01T10:20:00Z', 'completed', 'Completed', 'Q1', 'E1'),
    iwddm_test.event(2011, 'T-OPEN', '2026-11-01T11:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(2021, 'T-REOPEN', '2026-11-01T12:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(2022, 'T-REOPEN', '2026-11-01T12:30:00Z', 'completed', 'Completed', 'Q1'),
    iwddm_test.event(2023, 'T-REOPEN', '2026-11-04T09:00:00Z', 'queued', 'Restarted', 'Q1'),
    iwddm_test.event(2024, 'T-REOPEN', '2026-11-04T09:30:00Z', 'completed', 'Completed', 'Q1'),
    iwddm_test.event(2031, 'T-LATE', '2026-11-02T08:00:00Z', 'new', 'Created', 'Q2'),
    iwddm_test.event(2032, 'T-LATE', '2026-11-02T08:15:00Z', 'canceled', 'Canceled', 'Q2'),
    iwddm_test.event(2041, 'T-NOW', '2026-11-06T10:00:00Z', 'new', 'Created', 'Q1'));
CALL iwddm.run_historical();

-- Settings ------------------------------------------------------------------------------
SELECT throws_like($$CALL iwddm.set_retention('facts', '30 days')$$,
    'set_retention: unknown setting ''facts''',
    'an unknown setting is refused by name');
SELECT throws_like($$CALL iwddm.set_retention('tasks', '12 hours')$$,
    'set_retention: tasks cannot be kept for 12:00:00',
    'a retention shorter than a day is refused');
SELECT throws_like($$CALL iwddm.set_retention('agg_15min', '-3 days')$$,
    'set_retention: agg_15min cannot be kept for -3 days',
    'a negative retention is refused');

CREATE TEMP TABLE call_result (removed jsonb, more boolean);
CREATE TEMP TABLE before_views AS SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', '30min', 'hour', 'day', 'week', 'month', 'qrtr', 'year']);
CREATE TEMP TABLE before_counts AS SELECT count(*) AS n FROM iwddm.task_event_fact;
DO $$ DECLARE r jsonb; m boolean; BEGIN CALL iwddm.purge_expired(NULL, NULL, r, m); INSERT INTO call_result VALUES (r, m); END $$;
SELECT results_eq($$SELECT removed, more FROM call_result$$, $$VALUES ('{}'::jsonb, false)$$,
    'by default nothing is purged');
SELECT is((SELECT count(*) FROM iwddm.task_event_fact), (SELECT n FROM before_counts),
    'by default every event fact is kept');

CALL iwddm.set_retention('tasks', '3 days');
SELECT results_eq($$SELECT setting, keep, purged_before FROM iwddm.retention ORDER BY setting$$,
    $$VALUES ('agg_15min', NULL::interval, NULL::timestamptz), ('etl_audit', NULL, NULL),
             ('rejected_events', NULL, NULL), ('tasks', '3 days', NULL)$$,
    'iwddm.retention reads the settings back: only tasks is limited, nothing purged yet');

-- A final task's snapshot flows net to zero per group, all before the horizon ------------
SELECT is((SELECT count(*) FROM (
        SELECT interaction_id FROM iwddm.agg_task_classif_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        GROUP BY interaction_id, tenant_key, solution_key, department_key, process_key
        HAVING sum(backlog) <> 0 OR sum(overdue_backlog) <> 0
        UNION ALL SELECT interaction_id FROM iwddm.agg_task_capt_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        GROUP BY interaction_id, tenant_key, solution_key, capture_point_key, media_type_key HAVING sum(backlog) <> 0
        UNION ALL SELECT interaction_id FROM iwddm.agg_task_queue_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        GROUP BY interaction_id, queue_key HAVING sum(in_queue) <> 0
        UNION ALL SELECT interaction_id FROM iwddm.agg_task_age_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        GROUP BY interaction_id, tenant_key, solution_key, department_key, process_key, age_key HAVING sum(backlog) <> 0) s),
    0::bigint, 'the snapshot flows of each final task sum to zero in every group and area');
SELECT is((SELECT max(date_time_key) FROM (
        SELECT date_time_key FROM iwddm.agg_task_classif_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        UNION ALL SELECT date_time_key FROM iwddm.agg_task_capt_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        UNION ALL SELECT date_time_key FROM iwddm.agg_task_queue_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        UNION ALL SELECT date_time_key FROM iwddm.agg_task_agent_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')
        UNION ALL SELECT date_time_key FROM iwddm.agg_task_age_flow WHERE interaction_id IN ('T-OLD', 'T-LATE')) f),
    iwddm_test.epoch('2026-11-02 08:15+00'),
    'their last flow is at their last final event (T-LATE canceled at 08:15 on 11-02), before the horizon');

-- Purge in batches of one task ----------------------------------------------------------
CREATE TEMP TABLE purged_before AS SELECT * FROM iwddm_test.task_rows(ARRAY['T-OLD', 'T-LATE']) WHERE row_count > 0;
TRUNCATE call_result;
DO $$ DECLARE r jsonb; m boolean; BEGIN
    CALL iwddm.purge_expired(1, 'a0000000-0000-0000-0000-000000000015', r, m); INSERT INTO call_result VALUES (r, m);
END $$;
SELECT results_eq($$SELECT (removed -> 'h_task_fact' ->> 'rows')::int, (removed -> 'h_task_event_fact' ->> 'rows')::int, more FROM call_result$$,
    $$VALUES (1, 3, true)$$,
    'a batch of one removes the oldest expired task (T-OLD, 3 events) and says more is left');
SELECT is((SELECT string_agg(interaction_id, ',' ORDER BY interaction_id) FROM iwddm.task_fact),
    'T-LATE,T-NOW,T-OPEN,T-REOPEN', 'after the first batch T-OLD is gone and T-LATE still there');
TRUNCATE call_result;
DO $$ DECLARE r jsonb; m boolean; BEGIN
    FOR i IN 1..3 LOOP
        CALL iwddm.purge_expired(1, 'a0000000-0000-0000-0000-000000000015', r, m); INSERT INTO call_result VALUES (r, m);
    END LOOP;
END $$;
SELECT results_eq($$SELECT (removed -> 'h_task_fact' ->> 'rows')::int, more FROM call_result$$,
    $$VALUES (1, true), (NULL::int, false), (NULL, false)$$,
    'the second batch removes T-LATE; then nothing is left and calls change nothing');
SELECT is((SELECT string_agg(interaction_id, ',' ORDER BY interaction_id) FROM iwddm.task_fact),
    'T-NOW,T-OPEN,T-REOPEN', 'the task open across the horizon, the reopened task and the new one are kept');
SELECT results_eq($$SELECT interaction_id, count(*)::int FROM iwddm.task_event_fact GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('T-NOW', 1), ('T-OPEN', 1), ('T-REOPEN', 4)$$,
    'the kept tasks keep every event, the reopened task''s events before the horizon too');
SELECT is((SELECT sum(row_count) FROM iwddm_test.task_rows(ARRAY['T-OLD', 'T-LATE'])), 0::numeric,
    'no fact or flow row of the purged tasks is left');
SELECT results_eq($$SELECT e.key, (e.value ->> 'rows')::bigint FROM iwddm.etl_audit a, jsonb_each(a.purged) e
                    WHERE a.run_id = 'a0000000-0000-0000-0000-000000000015' ORDER BY 1$$,
    $$SELECT table_name, row_count FROM purged_before ORDER BY 1$$,
    'the run''s single purge audit row tallies, per table, exactly the rows the two tasks had');
SELECT ok((SELECT bool_and((e.value ->> 'bytes')::bigint > 0) FROM iwddm.etl_audit a, jsonb_each(a.purged) e
           WHERE a.run_id = 'a0000000-0000-0000-0000-000000000015'),
    'the tally says how many bytes each table freed');
SELECT results_eq($$SELECT interaction_id, last_event_ts FROM iwddm.purged_task ORDER BY 1$$,
    $$VALUES ('T-LATE', '2026-11-02 08:15+00'::timestamptz), ('T-OLD', '2026-11-01 10:20+00')$$,
    'each purged task leaves a tombstone');
SELECT is((SELECT purged_before FROM iwddm.retention WHERE setting = 'tasks'), '2026-11-03 00:00+00'::timestamptz,
    'the tasks horizon is the local midnight three days before the latest event');
SELECT set_eq($$SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', '30min', 'hour', 'day', 'week', 'month', 'qrtr', 'year'])$$,
    $$SELECT * FROM before_views$$,
    'every aggregate view, over the whole range, is the same after the purge');

-- Repairs ------------------------------------------------------------------------------
CALL iwddm.rebuild_aggregates('2026-11-03 00:00+00', '2026-11-06 23:59+00');
SELECT set_eq($$SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', '30min', 'hour', 'day', 'week', 'month', 'qrtr', 'year'])$$,
    $$SELECT * FROM before_views$$,
    'a rebuild from the horizon on, without the purged flows, changes nothing');
SELECT throws_like($$CALL iwddm.rebuild_aggregates('2026-11-02 00:00+00', '2026-11-06 00:00+00')$$,
    'rebuild_aggregates: 2026-11-02 00:00:00+00 is before the retention horizon 2026-11-03 00:00:00+00',
    'a rebuild reaching before the horizon is refused');
SELECT throws_like($$CALL iwddm.set_timezone('Europe/Berlin')$$,
    'set_timezone: the mart has been purged before 2026-11-03 00:00:00+00',
    'changing the time zone of a purged mart is refused');

-- Late events after the purge -----------------------------------------------------------
-- 2033 T-LATE restarted on 11-05 (tombstone); 2051 T-GONE, unknown, created 11-01;
-- 2052 T-STRAY, unknown, an event on 11-02: rejected. 2012 T-OPEN completed 11-05 09:00 and
-- 2061 T-NEW created 11-05 11:00: loaded.
SELECT iwddm_test.load(
    iwddm_test.event(2033, 'T-LATE', '2026-11-05T10:00:00Z', 'queued', 'Restarted', 'Q2'),
    iwddm_test.event(2051, 'T-GONE', '2026-11-05T10:05:00Z', 'queued', 'Updated', 'Q1', NULL,
                     '{"createdDateTime": "2026-11-01T09:00:00Z"}'),
    iwddm_test.event(2052, 'T-STRAY', '2026-11-02T09:00:00Z', 'new', 'Created', 'Q1'),
    iwddm_test.event(2012, 'T-OPEN', '2026-11-05T09:00:00Z', 'completed', 'Completed', 'Q1'),
    iwddm_test.event(2061, 'T-NEW', '2026-11-05T11:00:00Z', 'new', 'Created', 'Q1'));
SELECT results_eq($$SELECT event_id, interaction_id, reason FROM iwddm.rejected_event ORDER BY event_id$$,
    $$VALUES (2033::bigint, 'T-LATE', 'task T-LATE was purged (retention tasks: its history before 2026-11-03 00:00:00+00 is gone); the event is not applied to a partial history'),
             (2051, 'T-GONE', 'task T-GONE was purged (retention tasks: its history before 2026-11-03 00:00:00+00 is gone); the event is not applied to a partial history'),
             (2052, 'T-STRAY', 'task T-STRAY was purged (retention tasks: its history before 2026-11-03 00:00:00+00 is gone); the event is not applied to a partial history')$$,
    'events of a purged task, of an unknown task created or acting before the horizon, are quarantined saying why');
SELECT results_eq($$SELECT events_staged, events_loaded, events_rejected FROM iwddm.etl_audit
                    WHERE entry_kind = 'batch' ORDER BY etl_audit_key DESC LIMIT 1$$,
    $$VALUES (5, 2, 3)$$, 'the batch''s audit row counts them as rejected');
SELECT results_eq($$SELECT interaction_id, final_ts FROM iwddm.task_fact ORDER BY 1$$,
    $$VALUES ('T-NEW', NULL::timestamptz), ('T-NOW', NULL), ('T-OPEN', '2026-11-05 09:00+00'), ('T-REOPEN', '2026-11-04 09:30+00')$$,
    'the kept open task is completed by its late event; no purged task comes back');
SELECT results_eq($$SELECT to_timestamp(date_time_key), entered::int, completed::int, backlog::int
                    FROM iwddm.iwd_agg_task_classif_15min
                    WHERE date_time_key BETWEEN iwddm_test.epoch('2026-11-05 08:45+00') AND iwddm_test.epoch('2026-11-05 11:00+00')
                      AND date_time_key IN (iwddm_test.epoch('2026-11-05 08:45+00'), iwddm_test.epoch('2026-11-05 09:00+00'),
                                            iwddm_test.epoch('2026-11-05 11:00+00'))
                    ORDER BY 1$$,
    $$VALUES ('2026-11-05 08:45+00'::timestamptz, 0, 0, 1), ('2026-11-05 09:00+00', 0, 1, 0), ('2026-11-05 11:00+00', 1, 0, 1)$$,
    'T-OPEN counts in the backlog until it completes at 09:00; T-NEW enters at 11:00');
CREATE TEMP TABLE loaded_views AS SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', 'day']);
CALL iwddm.rebuild_aggregates('2026-11-03 00:00+00', '2026-11-06 23:59+00');
SELECT set_eq($$SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', 'day'])$$, $$SELECT * FROM loaded_views$$,
    'loads after the purge keep the aggregates equal to a rebuild from the facts');
DO $$ DECLARE ids bigint[] := ARRAY(SELECT rejected_id FROM iwddm.rejected_event WHERE event_id = 2033);
BEGIN CALL iwddm.replay_rejected(ids); END $$;
SELECT results_eq($$SELECT count(*)::int, bool_and(reason LIKE 'task T-LATE was purged%') FROM iwddm.rejected_event WHERE event_id = 2033$$,
    $$VALUES (1, true)$$, 'replaying the quarantined event quarantines it again, once');
SELECT is((SELECT count(*) FROM iwddm.task_fact WHERE interaction_id = 'T-LATE'), 0::bigint,
    'the replay does not bring the purged task back');

-- Purging 15-minute rows keeps the coarser buckets ---------------------------------------
-- keep agg_15min 4 days: horizon = local midnight of 11-06 10:00 - 4 days = 11-02 00:00, so
-- the day 11-01 goes. Its day bucket (hand count): entered 3 (T-OLD, T-OPEN, T-REOPEN),
-- completed 2 (T-OLD 1200 s, T-REOPEN 1800 s), backlog at its end 1 (T-OPEN). 11-02: T-LATE
-- entered and canceled, T-OPEN still in the backlog.
CREATE TEMP TABLE before_15 AS SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', '30min', 'hour', 'day', 'week', 'month', 'qrtr', 'year']);
CALL iwddm.set_retention('agg_15min', '4 days');
UPDATE iwddm.wfm_delivery SET last_delivered_interval = iwddm_test.epoch('2026-11-01 12:00+00');
CALL iwddm.purge_expired();
SELECT is((SELECT count(*) FROM iwddm.agg_task_classif_day), 0::bigint,
    'no 15-minute row of the day holding the last interval WFM acknowledged is purged');
UPDATE iwddm.wfm_delivery SET last_delivered_interval = NULL;
CALL iwddm.purge_expired();
SELECT set_eq($$SELECT * FROM iwddm_test.agg_view_rows(ARRAY['day', 'week', 'month', 'qrtr', 'year'])$$,
    $$SELECT * FROM before_15 WHERE view_name ~ '_(day|week|month|qrtr|year)$'$$,
    'the day, week, month, quarter and year views are exactly as before');
SELECT set_eq($$SELECT * FROM iwddm_test.agg_view_rows(ARRAY['15min', '30min', 'hour'])$$,
    $$SELECT * FROM before_15 WHERE view_name ~ '_(15min|30min|hour)$'
        AND coalesce(row_text::jsonb ->> 'date_time_key', row_text::jsonb ->> 'date_time_30min_key',
                     row_text::jsonb ->> 'date_time_hour_key')::bigint >= iwddm_test.epoch('2026-11-02 00:00+00')$$,
    'the 15-minute, 30-minute and hour views lose exactly the rows before 11-02');
SELECT results_eq($$SELECT to_timestamp(date_time_key), entered::int, completed::int, canceled::int,
                           complete_time_sum_sec::int, backlog::int FROM iwddm.agg_task_classif_day$$,
    $$VALUES ('2026-11-01 23:45+00'::timestamptz, 3, 2, 0, 3000, 1)$$,
    'the purged day is kept as one row at its last interval');
SELECT results_eq($$SELECT to_timestamp(date_time_day_key), entered::int, completed::int, canceled::int,
                           complete_time_sum_sec::int, backlog::int FROM iwddm.iwd_agg_task_classif_day
                    WHERE date_time_day_key < iwddm_test.epoch('2026-11-03 00:00+00') ORDER BY 1$$,
    $$VALUES ('2026-11-01 00:00+00'::timestamptz, 3, 2, 0, 3000, 1), ('2026-11-02 00:00+00', 1, 0, 1, 0, 1)$$,
    'the day view reads it: the hand-counted days, the purged tasks still counted');
SELECT is((SELECT purged_before FROM iwddm.retention WHERE setting = 'agg_15min'), '2026-11-02 00:00+00'::timestamptz,
    'the 15-minute horizon is the local midnight four days before the latest event');
SELECT iwddm_test.load(iwddm_test.event(2062, 'T-NEW', '2026-11-01T20:00:00Z', 'queued', 'Updated', 'Q1'));
SELECT is((SELECT reason FROM iwddm.rejected_event WHERE event_id = 2062),
    'the event time 2026-11-01 20:00:00+00 is before 2026-11-02 00:00:00+00, where the 15-minute aggregates were purged (retention agg_15min): the day buckets there are final',
    'an event inside the purged 15-minute range is quarantined, even for a kept task');
SELECT is((SELECT from_key FROM iwddm.wfm_pending_range()), iwddm_test.epoch('2026-11-02 00:00+00'),
    'WFM is never sent intervals whose 15-minute rows are gone');

-- Rejected events and audit rows --------------------------------------------------------
UPDATE iwddm.rejected_event SET first_seen_at = now() - interval '40 days' WHERE event_id = 2051;
UPDATE iwddm.etl_audit SET started_at = now() - interval '40 days'
WHERE etl_audit_key = (SELECT min(etl_audit_key) FROM iwddm.etl_audit);
CREATE TEMP TABLE audit_before AS SELECT count(*) AS n FROM iwddm.etl_audit;
CALL iwddm.set_retention('rejected_events', '30 days');
CALL iwddm.set_retention('etl_audit', '30 days');
TRUNCATE call_result;
DO $$ DECLARE r jsonb; m boolean; BEGIN CALL iwddm.purge_expired(NULL, NULL, r, m); INSERT INTO call_result VALUES (r, m); END $$;
SELECT results_eq($$SELECT (removed -> 'rejected_event' ->> 'rows')::int, (removed -> 'etl_audit' ->> 'rows')::int, more FROM call_result$$,
    $$VALUES (1, 1, false)$$, 'the rejected event and the audit row older than 30 days are removed');
SELECT is((SELECT string_agg(event_id::text, ',' ORDER BY event_id) FROM iwddm.rejected_event), '2033,2052,2062',
    'the other rejected events stay');
SELECT is((SELECT count(*) FROM iwddm.etl_audit), (SELECT n FROM audit_before),
    'the old audit row went and the purge''s own audit row came');

SELECT * FROM finish();
ROLLBACK;
