-- The age area's flows stop at the covered range end (V14, issue 14): an open task keeps one
-- row in agg_task_age_open, and each load that moves the range end writes the band moves that
-- fall in the new intervals (iwddm.extend_age_flows). Expectations are worked by hand: a task
-- created at c counts in band [lower, upper) at the intervals whose end e gives
-- lower <= e - c < upper (SPEC §6).
BEGIN;
SELECT plan(13);

-- ---------------------------------------------------------------------------------------
-- 2026-11-20 (UTC), Billing/Refunds.
-- Batch 1: T-H1 1401 08:00 new (open: <1h to e = 09:00, 1-4h from e = 09:00, 4-8h from e = 12:00);
--          T-H2 1411 08:10 new, 1412 08:20 completed. Range 08:00 .. 08:15.
-- Batch 2: T-H3 1421 09:05 new, 1422 09:06 completed. Range end 09:00.
-- Batch 3: T-H4 1431 12:05 new, 1432 12:06 completed. Range end 12:00.
-- Batch 4: T-H1 1402 12:10 completed.
-- Batch 5 (late): T-H5 1441 07:30 new, open (1-4h from e = 08:30, 4-8h from e = 11:30,
--          8-24h from e = 15:30).
-- Batch 6: T-H6 1451 15:20 new, 1452 15:21 completed. Range end 15:15.
-- ---------------------------------------------------------------------------------------
-- After each load: the stored age flows after the range end (there must be none).
CREATE TEMP TABLE past_horizon (after_batch int, flow_rows bigint);
CREATE TEMP VIEW past_horizon_now AS
SELECT count(*) AS flow_rows FROM iwddm.agg_task_age_flow f, iwddm.mart_config c WHERE f.date_time_key > c.agg_to;

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1401, 'T-H1', '2026-11-20T08:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1411, 'T-H2', '2026-11-20T08:10:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1412, 'T-H2', '2026-11-20T08:20:00Z', 'completed', 'Completed', 'Done'));
    INSERT INTO past_horizon SELECT 1, flow_rows FROM past_horizon_now;
    SELECT iwddm_test.load(
        iwddm_test.event(1421, 'T-H3', '2026-11-20T09:05:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1422, 'T-H3', '2026-11-20T09:06:00Z', 'completed', 'Completed', 'Done'));
    INSERT INTO past_horizon SELECT 2, flow_rows FROM past_horizon_now;
    SELECT iwddm_test.load(
        iwddm_test.event(1431, 'T-H4', '2026-11-20T12:05:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1432, 'T-H4', '2026-11-20T12:06:00Z', 'completed', 'Completed', 'Done'));
    INSERT INTO past_horizon SELECT 3, flow_rows FROM past_horizon_now;
$$, 'three batches move the range end from 08:15 to 12:00 while T-H1 stays open');

SELECT results_eq(
    $$SELECT interaction_id, created_epoch, department_key, process_key FROM iwddm.agg_task_age_open$$,
    $$VALUES ('T-H1', iwddm_test.epoch('2026-11-20 08:00Z')::numeric,
              iwddm_test.department_key('Billing'), iwddm_test.process_key('Billing', 'Refunds'))$$,
    'only the open task T-H1 has an open row: its creation and its group');

SELECT results_eq(
    $$SELECT to_timestamp(f.date_time_key), a.age_name, f.backlog::int
      FROM iwddm.agg_task_age_flow f JOIN iwddm.age a USING (age_key)
      WHERE f.interaction_id = 'T-H1' ORDER BY f.date_time_key, a.lower_sec$$,
    $$VALUES ('2026-11-20 08:00Z'::timestamptz, '<1h', 1),
             ('2026-11-20 08:45Z', '<1h', -1), ('2026-11-20 08:45Z', '1-4h', 1),
             ('2026-11-20 11:45Z', '1-4h', -1), ('2026-11-20 11:45Z', '4-8h', 1)$$,
    'T-H1''s stored age flows are its band moves up to the range end 12:00 (written as the range grew), none later');

-- Non-zero 15-minute rows of Billing/Refunds with band names.
CREATE TEMP VIEW age AS
SELECT to_timestamp(a.date_time_key) AS interval_start, g.age_name AS band, a.backlog::int
FROM iwddm.iwd_agg_task_age_15min a JOIN iwddm.age g USING (age_key)
WHERE a.backlog <> 0 AND a.process_key = iwddm_test.process_key('Billing', 'Refunds');

SELECT results_eq(
    $$SELECT * FROM age ORDER BY interval_start, band COLLATE "C"$$,
    $$SELECT * FROM (
          VALUES ('2026-11-20 08:00Z'::timestamptz, '<1h', 2),  -- T-H1 and T-H2 (open at 08:15)
                 ('2026-11-20 08:15Z', '<1h', 1), ('2026-11-20 08:30Z', '<1h', 1),
                 ('2026-11-20 11:45Z', '4-8h', 1), ('2026-11-20 12:00Z', '4-8h', 1)
          UNION ALL
          SELECT s, '1-4h', 1 FROM generate_series('2026-11-20 08:45Z'::timestamptz, '2026-11-20 11:30Z', interval '15 minutes') s
      ) e(interval_start, band, backlog)
      ORDER BY interval_start, band COLLATE "C"$$,
    'T-H1 moves to 1-4h at the end 09:00 and to 4-8h at the end 12:00 with no event of its own');

SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(1402, 'T-H1', '2026-11-20T12:10:00Z', 'completed', 'Completed', 'Done'));
    INSERT INTO past_horizon SELECT 4, flow_rows FROM past_horizon_now;
$$, 'T-H1 completes at 12:10');

SELECT is((SELECT count(*)::int FROM iwddm.agg_task_age_open), 0, 'a completed task has no open row');

SELECT results_eq(
    $$SELECT * FROM age WHERE interval_start >= '2026-11-20 11:45Z' ORDER BY interval_start, band COLLATE "C"$$,
    $$VALUES ('2026-11-20 11:45Z'::timestamptz, '4-8h', 1)$$,
    'T-H1 leaves the backlog at the end 12:15 (completed at 12:10)');

SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(1441, 'T-H5', '2026-11-20T07:30:00Z', 'new', 'Created', 'Q1'));
    INSERT INTO past_horizon SELECT 5, flow_rows FROM past_horizon_now;
    SELECT iwddm_test.load(
        iwddm_test.event(1451, 'T-H6', '2026-11-20T15:20:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(1452, 'T-H6', '2026-11-20T15:21:00Z', 'completed', 'Completed', 'Done'));
    INSERT INTO past_horizon SELECT 6, flow_rows FROM past_horizon_now;
$$, 'a late task T-H5 created at 07:30 stays open; a later batch moves the range end to 15:15');

SELECT results_eq(
    $$SELECT to_timestamp(f.date_time_key), a.age_name, f.backlog::int
      FROM iwddm.agg_task_age_flow f JOIN iwddm.age a USING (age_key)
      WHERE f.interaction_id = 'T-H5' ORDER BY f.date_time_key, a.lower_sec$$,
    $$VALUES ('2026-11-20 07:30Z'::timestamptz, '<1h', 1),
             ('2026-11-20 08:15Z', '<1h', -1), ('2026-11-20 08:15Z', '1-4h', 1),
             ('2026-11-20 11:15Z', '1-4h', -1), ('2026-11-20 11:15Z', '4-8h', 1),
             ('2026-11-20 15:15Z', '4-8h', -1), ('2026-11-20 15:15Z', '8-24h', 1)$$,
    'the late task''s flows stop at the range end 12:00 of its own load; the move to 8-24h at the end 15:30 comes with the range');

SELECT results_eq(
    $$SELECT after_batch, flow_rows FROM past_horizon ORDER BY after_batch$$,
    $$VALUES (1, 0::bigint), (2, 0::bigint), (3, 0::bigint), (4, 0::bigint), (5, 0::bigint), (6, 0::bigint)$$,
    'after every load no age flow lies after the covered range end');

-- Incremental = rebuild: recomputing everything from the facts changes nothing.
CREATE TEMP TABLE before_rebuild AS SELECT * FROM iwddm.agg_task_age_15min;
CREATE TEMP TABLE open_before_rebuild AS SELECT * FROM iwddm.agg_task_age_open;
CALL iwddm.rebuild_aggregates('2026-11-20 00:00Z', '2026-11-21 00:00Z');
SELECT is_empty(
    $$(SELECT * FROM before_rebuild EXCEPT ALL SELECT * FROM iwddm.agg_task_age_15min)
      UNION ALL (SELECT * FROM iwddm.agg_task_age_15min EXCEPT ALL SELECT * FROM before_rebuild)$$,
    'rebuild_aggregates gives the same task_age rows as the loads did');
SELECT results_eq(
    $$SELECT * FROM iwddm.agg_task_age_open ORDER BY interaction_id$$,
    $$SELECT * FROM open_before_rebuild ORDER BY interaction_id$$,
    'rebuild_aggregates keeps the same open rows (T-H5 only)');

SELECT throws_ok('CALL iwddm.extend_age_flows(100, 100)', 'P0001',
    'extend_age_flows: invalid move of the range end from 100 to 100',
    'extend_age_flows refuses a range end that does not move forward');

SELECT * FROM finish();
ROLLBACK;
