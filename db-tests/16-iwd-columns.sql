-- The iWD Data Mart column set (SPEC §3.1) on one lifecycle, every value worked out by hand:
-- activation and source times, requested agent and skill, a result code, custom dimension
-- attributes, and a reassignment between agents whose work facts are classified as the task
-- was at each assignment's start. Mart zone UTC.
--   1601 10:00:00  new        Q1  segment gold,   priority 120
--   1602 10:10:00  assigned   Q1  E1, segment silver, priority 120
--   1603 10:20:00  assigned   Q2  E2, segment silver, priority 600
--   1604 10:40:30  completed  Done E2, segment silver, priority 600, result "ok"
BEGIN;
SELECT plan(24);

INSERT INTO iwddm.custom_attribute_map (slot, data_key) VALUES (1, 'region');
INSERT INTO iwddm.custom_dim_attribute_map (slot, data_key) VALUES (1, 'region'), (2, 'tier');

CREATE TEMP TABLE iwd_attrs AS SELECT jsonb_build_object(
    'activationDateTime', '2026-11-20T10:05:00Z', 'sourceCreatedDateTime', '2026-11-20T09:00:00.5Z',
    'sourceFirstCreatedDateTime', '2026-11-19T08:00:00Z', 'requestedAgent', 'E9', 'requestedSkill', 'billing_en',
    'customerId', 'C1', 'productType', 'card', 'productSubtype', 'credit', 'channel', 'crm',
    'dueDateTime', '2026-11-21T10:00:00Z', 'businessValue', 50, 'data', jsonb_build_object('region', 'EMEA', 'tier', 1))
    AS attrs;

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(1601, 'T-IWD', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
            (SELECT attrs FROM iwd_attrs) || '{"customerSegment": "gold", "priority": 120}'),
        iwddm_test.event(1602, 'T-IWD', '2026-11-20T10:10:00Z', 'assigned', 'Assigned', 'Q1', 'E1',
            (SELECT attrs FROM iwd_attrs) || '{"customerSegment": "silver", "priority": 120}'),
        iwddm_test.event(1603, 'T-IWD', '2026-11-20T10:20:00Z', 'assigned', 'Transferred', 'Q2', 'E2',
            (SELECT attrs FROM iwd_attrs) || '{"customerSegment": "silver", "priority": 600}'),
        iwddm_test.event(1604, 'T-IWD', '2026-11-20T10:40:30Z', 'completed', 'Completed', 'Done', 'E2',
            (SELECT attrs FROM iwd_attrs) || '{"customerSegment": "silver", "priority": 600, "resultCode": "ok"}'))
$$, 'the lifecycle loads');

-- task_fact ---------------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT start_date_time_key, activation_ts, activation_date_key, activation_time_key, activation_interval,
             activate_time_from_created_sec
      FROM iwddm.task_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint, '2026-11-20 10:05Z'::timestamptz,
              20261120, 100500, extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint, 300::bigint)$$,
    'task_fact: starts in the 10:00 interval, activated at 10:05, 300 s after creation');
SELECT results_eq(
    $$SELECT crt_time_fr_src_crtd_sec, source_created_date_key, source_created_time_key, source_created_interval,
             src_crt_time_fr_first_crtd_sec, source_first_created_date_key, source_first_created_time_key,
             source_first_created_interval, source_due_date_key, source_due_time_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (3599::bigint, 20261120, 90000, extract(epoch FROM '2026-11-20 09:00Z'::timestamptz)::bigint,
              90000::bigint, 20261119, 80000, extract(epoch FROM '2026-11-19 08:00Z'::timestamptz)::bigint,
              NULL::integer, NULL::integer)$$,
    'task_fact: created 3599.5 s after the source created it (3599 whole s), which was 90000.5 s after its first creation; no source due time');
SELECT results_eq(
    $$SELECT assigned_date_key, assigned_time_key, assigned_interval, completed_date_key, completed_time_key,
             completed_interval, due_date_key, due_time_key, stopped_date_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (20261120, 101000, extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint,
              20261120, 104030, extract(epoch FROM '2026-11-20 10:30Z'::timestamptz)::bigint,
              20261121, 100000, 20261120)$$,
    'task_fact: first assigned 10:10, completed 10:40:30, due the next day 10:00, stopped on the 20th');
SELECT results_eq(
    $$SELECT interaction_type_key, current_queue_target_key, last_result_code_key, requested_agent_key,
             requested_skill_key, customer_key, customer_segment_key, product_key, media_channel_key, custom_dim_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (0::bigint, 0::bigint, iwddm.member_key('ok'), iwddm.member_key('E9'), iwddm.member_key('billing_en'),
              iwddm.member_key('C1'), iwddm.member_key('silver'), iwddm.member_key('card', 'credit'),
              iwddm.member_key('crm'), iwddm.member_key('EMEA', '1', NULL, NULL, NULL))$$,
    'task_fact: the descriptive keys of the state after the last event; no interaction type or queue target');
SELECT results_eq(
    $$SELECT z.timezone_name FROM iwddm.task_fact f JOIN iwddm.timezone z USING (timezone_key)
      WHERE f.interaction_id = 'T-IWD'$$,
    $$VALUES ('UTC')$$,
    'task_fact: timezone_key is the mart zone');

-- dimensions --------------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT employee_id, agent_name FROM iwddm.agent WHERE agent_key = iwddm.member_key('E9')$$,
    $$VALUES ('E9', NULL::text)$$,
    'the requested agent is an agent member (no name: the feed names only assigned agents)');
SELECT results_eq(
    $$SELECT custom_dim_attribute1, custom_dim_attribute2, custom_dim_attribute3, custom_dim_attribute4,
             custom_dim_attribute5 FROM iwddm.custom_dim WHERE custom_dim_key = iwddm.member_key('EMEA', '1', NULL, NULL, NULL)$$,
    $$VALUES ('EMEA', '1', NULL::text, NULL::text, NULL::text)$$,
    'the custom dimension member holds the mapped task.data values');
SELECT results_eq(
    $$SELECT department_runtime_id, department_config_id, department_config_event_id, custom_dim_key, valid_from,
             valid_to, valid_from_date_key, valid_from_time_key, valid_to_date_key, valid_to_time_key, version
      FROM iwddm.department WHERE department_name = 'Billing'$$,
    $$VALUES (NULL::text, NULL::text, NULL::bigint, 0::bigint, '2026-11-20 10:00Z'::timestamptz, NULL::timestamptz,
              20261120, 100000, NULL::integer, NULL::integer, 1)$$,
    'department: no runtime or config ids, one open-ended version valid from its earliest event');
SELECT results_eq(
    $$SELECT process_runtime_id, process_config_id, process_config_event_id, valid_from, version,
             category_level3, category_level10
      FROM iwddm.process WHERE process_name = 'Refunds'$$,
    $$VALUES (NULL::text, NULL::text, NULL::bigint, '2026-11-20 10:00Z'::timestamptz, 1, NULL::text, NULL::text)$$,
    'process: likewise; category levels below the process are not part of a process member');
SELECT results_eq(
    $$SELECT interaction_type_key, interaction_type_name, interaction_subtype_name FROM iwddm.interaction_type$$,
    $$VALUES (0::bigint, NULL::text, NULL::text)$$,
    'interaction_type has only its unknown member');
SELECT results_eq(
    $$SELECT queue_target_key, queue_target_name, queue_target_type FROM iwddm.queue_target$$,
    $$VALUES (0::bigint, NULL::text, NULL::text)$$,
    'queue_target has only its unknown member');
SELECT results_eq(
    $$SELECT queue_type, (SELECT skill_id FROM iwddm.skill WHERE skill_name = 'billing_en'),
             (SELECT result_code_name FROM iwddm.result_code WHERE result_code_key = iwddm.member_key('ok'))
      FROM iwddm.queue WHERE queue_name = 'Q1'$$,
    $$VALUES (NULL::text, NULL::text, 'ok')$$,
    'queue_type and skill_id have no source; result_code_name is the feed''s code');

-- task_event_fact ---------------------------------------------------------------------------
SELECT results_eq(
    $$SELECT id, start_date_time_key, capture_id, activation_date_key, activation_time_key, due_date_key, due_time_key,
             result_code_key, custom_dim_key, entered_queue_target_key, exited_queue_target_key
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-IWD' ORDER BY task_event_id$$,
    $$VALUES (1601::bigint, extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint, 'CAP-T-IWD', 20261120, 100500,
              20261121, 100000, 0::bigint, iwddm.member_key('EMEA', '1', NULL, NULL, NULL), 0::bigint, 0::bigint),
             (1602, extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint, 'CAP-T-IWD', 20261120, 100500,
              20261121, 100000, 0, iwddm.member_key('EMEA', '1', NULL, NULL, NULL), 0, 0),
             (1603, extract(epoch FROM '2026-11-20 10:15Z'::timestamptz)::bigint, 'CAP-T-IWD', 20261120, 100500,
              20261121, 100000, 0, iwddm.member_key('EMEA', '1', NULL, NULL, NULL), 0, 0),
             (1604, extract(epoch FROM '2026-11-20 10:30Z'::timestamptz)::bigint, 'CAP-T-IWD', 20261120, 100500,
              20261121, 100000, iwddm.member_key('ok'), iwddm.member_key('EMEA', '1', NULL, NULL, NULL), 0, 0)$$,
    'task_event_fact: id is the event id; each row carries the snapshot after its event (the result code only at 1604)');
SELECT results_eq(
    $$SELECT DISTINCT solution_key = iwddm.member_key('T1', 'S1'),
             department_key = iwddm_test.department_key('Billing'),
             process_key = iwddm_test.process_key('Billing', 'Refunds')
      FROM iwddm.task_event_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (true, true, true)$$,
    'task_event_fact: solution, department and process of the task after each event');

-- task_work_fact: classified at each assignment's start --------------------------------------
SELECT results_eq(
    $$SELECT id, assign_task_event_id, start_date_time_key, assigned_agent_key, customer_segment_key, priority_key::int,
             queue_key, is_abandon::int
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-IWD' ORDER BY id$$,
    $$VALUES (1602::bigint, 1602::bigint, extract(epoch FROM '2026-11-20 10:00Z'::timestamptz)::bigint,
              iwddm_test.agent_key('E1'), iwddm.member_key('silver'), 5, iwddm_test.queue_key('Q1'), 1),
             (1603, 1603, extract(epoch FROM '2026-11-20 10:15Z'::timestamptz)::bigint,
              iwddm_test.agent_key('E2'), iwddm.member_key('silver'), 7, iwddm_test.queue_key('Q2'), 0)$$,
    'task_work_fact: E1''s assignment in Q1 at priority 100-199, E2''s (after the transfer) in Q2 at 500-999');
SELECT results_eq(
    $$SELECT assign_date_key, assign_time_key, finish_date_key, finish_time_key, ucs_interaction_id, capture_id,
             custom_attribute1, business_value_key::int, result_code_key, interaction_type_key
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-IWD' ORDER BY id$$,
    $$VALUES (20261120, 101000, 20261120, 102000, NULL::text, 'CAP-T-IWD', 'EMEA', 7, 0::bigint, 0::bigint),
             (20261120, 102000, 20261120, 104030, NULL, 'CAP-T-IWD', 'EMEA', 7, 0, 0)$$,
    'task_work_fact: assignment and finish date/time keys; no result code yet at either start');
SELECT results_eq(
    $$SELECT DISTINCT tenant_key = iwddm.member_key('T1'), solution_key = iwddm.member_key('T1', 'S1'),
             department_key = iwddm_test.department_key('Billing'),
             process_key = iwddm_test.process_key('Billing', 'Refunds'),
             category_key <> 0, customer_key = iwddm.member_key('C1'), product_key = iwddm.member_key('card', 'credit'),
             media_channel_key = iwddm.member_key('crm'), media_type_key = iwddm.member_key('workitem'),
             capture_point_key = 0, source_process_key = 0, source_tenant_key = 0,
             custom_dim_key = iwddm.member_key('EMEA', '1', NULL, NULL, NULL)
      FROM iwddm.task_work_fact WHERE interaction_id = 'T-IWD'$$,
    $$VALUES (true, true, true, true, true, true, true, true, true, true, true, true, true)$$,
    'task_work_fact: the rest of the classification at each start');

-- calendar attributes -----------------------------------------------------------------------
SELECT results_eq(
    $$SELECT event_date, event_date_str, day_name, day_num_in_week, day_num_in_month, day_num_in_year,
             week_num_in_year, week_start_date, week_end_date, month_name, month_num_in_year, quarter_num_in_year, year_num
      FROM iwddm.event_date WHERE event_date_key = 20261120$$,
    $$VALUES ('2026-11-20'::date, '2026-11-20', 'Friday', 5::smallint, 20::smallint, 324::smallint, 47::smallint,
              '2026-11-16'::date, '2026-11-22'::date, 'November', 11::smallint, 4::smallint, 2026::smallint)$$,
    'event_date: Friday 20 November 2026, day 324, ISO week 47 (Monday 16th to Sunday 22nd), Q4');
SELECT results_eq(
    $$SELECT cal_date, label_yyyy_mm_dd FROM iwddm.date_time
      WHERE date_time_key = extract(epoch FROM '2026-11-20 23:45Z'::timestamptz)$$,
    $$VALUES ('2026-11-20'::date, '2026-11-20')$$,
    'date_time: the local date of the interval''s start, and as text');

-- the blended views and the h_ tables have every column -------------------------------------
SELECT is_empty(
    $$SELECT c.column_name FROM information_schema.columns c
      WHERE c.table_schema = 'iwddm' AND c.table_name = 'i_task_fact'
      EXCEPT SELECT column_name FROM information_schema.columns WHERE table_schema = 'iwddm' AND table_name = 'task_fact'$$,
    'the task_fact view has every column of i_task_fact');
SELECT is(
    (SELECT array_agg(column_name::text ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_schema = 'iwddm' AND table_name = 'h_task_work_fact'),
    (SELECT array_agg(column_name::text ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_schema = 'iwddm' AND table_name = 'i_task_work_fact'),
    'h_task_work_fact has the columns of i_task_work_fact in the same order (ucs_interaction_id included)');
SELECT is_empty(
    $$SELECT unnest(ARRAY['id', 'start_date_time_key', 'capture_id', 'activation_date_key', 'due_date_key',
                          'result_code_key', 'custom_dim_key', 'entered_queue_target_key', 'exited_queue_target_key',
                          'created_etl_audit_key', 'updated_etl_audit_key'])
      EXCEPT SELECT column_name FROM information_schema.columns WHERE table_schema = 'iwddm' AND table_name = 'task_event_fact'$$,
    'the task_event_fact view has the iWD columns');
SELECT is_empty(
    $$SELECT unnest(ARRAY['id', 'start_date_time_key', 'ucs_interaction_id', 'queue_key', 'assign_date_key',
                          'finish_time_key', 'custom_attribute10', 'created_etl_audit_key', 'updated_etl_audit_key'])
      EXCEPT SELECT column_name FROM information_schema.columns WHERE table_schema = 'iwddm' AND table_name = 'task_work_fact'$$,
    'the task_work_fact view has the iWD columns');

SELECT * FROM finish();
ROLLBACK;
