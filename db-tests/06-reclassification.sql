-- Dimensions from the feed (SPEC §3, §5): reclassification, members created once, names
-- (highest id with a name wins), unknown event types, missing attributes, value bands.
BEGIN;
SELECT plan(43);

-- ---------------------------------------------------------------------------------------
-- Reclassification. T-RECLASS 701 10:00 [Billing, Refunds]; 702 10:05 [Sales, Leads, Inbound];
-- 703 10:10 [Support] (completed); then a late 704 09:59 [Archive, Old].
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(701, 'T-RECLASS', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(702, 'T-RECLASS', '2026-11-20T10:05:00Z', 'queued', 'Classified', 'Q1', NULL,
                         '{"category": {"id": "C-SLI", "path": ["Sales", "Leads", "Inbound"]}}'),
        iwddm_test.event(703, 'T-RECLASS', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done', NULL,
                         '{"category": {"id": "C-SUP", "path": ["Support"]}}'))
$$, 'a task reclassified twice loads');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(704, 'T-RECLASS', '2026-11-20T09:59:00Z', 'new', 'Created', 'Q0', NULL,
                         '{"category": {"id": "C-ARC", "path": ["Archive", "Old"]}}'))
$$, 'a late first event with another path loads');
SELECT results_eq(
    $$SELECT department_key, process_key, category_key, created_ts FROM iwddm.task_fact WHERE interaction_id = 'T-RECLASS'$$,
    $$VALUES (iwddm_test.department_key('Support'), iwddm_test.process_key('Support', ''),
              iwddm_test.category_key('{Support}'), '2026-11-20 09:59:00+00'::timestamptz)$$,
    'the task''s department, process and category follow the last event in history order');
SELECT results_eq(
    $$SELECT task_event_id, department_key, process_key, category_key FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-RECLASS' ORDER BY task_event_id$$,
    $$VALUES (701::bigint, iwddm_test.department_key('Billing'), iwddm_test.process_key('Billing', 'Refunds'),
              iwddm_test.category_key('{Billing,Refunds}')),
             (702, iwddm_test.department_key('Sales'), iwddm_test.process_key('Sales', 'Leads'),
              iwddm_test.category_key('{Sales,Leads,Inbound}')),
             (703, iwddm_test.department_key('Support'), iwddm_test.process_key('Support', ''),
              iwddm_test.category_key('{Support}')),
             (704, iwddm_test.department_key('Archive'), iwddm_test.process_key('Archive', 'Old'),
              iwddm_test.category_key('{Archive,Old}'))$$,
    'each event keeps its own department, process and category');
SELECT results_eq(
    $$SELECT p.process_name FROM iwddm.process p JOIN iwddm.department d USING (department_key)
      WHERE d.department_name = 'Support'$$,
    $$VALUES ('')$$,
    'a one-level path gives a process named by the empty string');
SELECT results_eq(
    $$SELECT category_runtime_id, category_level1, category_level2, category_level3, category_level4, category_level10,
             department_key, process_key
      FROM iwddm.category WHERE category_key = iwddm_test.category_key('{Sales,Leads,Inbound}')$$,
    $$VALUES ('C-SLI', 'Sales', 'Leads', 'Inbound', NULL::text, NULL::text,
              iwddm_test.department_key('Sales'), iwddm_test.process_key('Sales', 'Leads'))$$,
    'a three-level category has its runtime id, its levels and its department and process');
SELECT results_eq(
    $$SELECT category_level1, category_level2, process_key FROM iwddm.category
      WHERE category_key = iwddm_test.category_key('{Support}')$$,
    $$VALUES ('Support', NULL::text, iwddm_test.process_key('Support', ''))$$,
    'a one-level category has only level 1 and the empty-named process');

-- Members are created once, per tenant and solution.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(711, 'T-SAMEPATH-1', '2026-11-20T10:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
        iwddm_test.event(712, 'T-SAMEPATH-2', '2026-11-20T10:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1'))
$$, 'two tasks on an existing path, queue and new agent load');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(721, 'T-OTHERSOL', '2026-11-20T10:20:00Z', 'new', 'Created', 'Q1', NULL,
                         '{"solution": {"id": "S2", "name": "Test"}}'))
$$, 'a task of another solution on the same path loads');
SELECT results_eq(
    $$SELECT (SELECT count(*) FROM iwddm.department d JOIN iwddm.solution s USING (solution_key)
              WHERE d.department_name = 'Billing' AND s.solution_runtime_id = 'S1')::int,
             (SELECT count(*) FROM iwddm.process WHERE process_name = 'Refunds'
              AND department_key = iwddm_test.department_key('Billing'))::int,
             (SELECT count(*) FROM iwddm.category WHERE category_level1 = 'Billing' AND category_level2 = 'Refunds'
              AND category_level3 IS NULL AND solution_key = iwddm_test.solution_key('S1'))::int,
             (SELECT count(*) FROM iwddm.queue WHERE queue_name = 'Q1')::int,
             (SELECT count(*) FROM iwddm.agent WHERE employee_id = 'E1')::int$$,
    $$VALUES (1, 1, 1, 1, 1)$$,
    'department, process, category, queue and agent members exist once however many events name them');
SELECT results_eq(
    $$SELECT count(*)::int, count(DISTINCT department_key)::int FROM iwddm.department WHERE department_name = 'Billing'$$,
    $$VALUES (2, 2)$$,
    'the same department name in another solution is another member');
SELECT results_eq(
    $$SELECT solution_key, department_key, category_key FROM iwddm.task_fact WHERE interaction_id = 'T-OTHERSOL'$$,
    $$VALUES (iwddm_test.solution_key('S2'), iwddm_test.department_key('Billing', 'S2'),
              iwddm_test.category_key('{Billing,Refunds}', 'S2'))$$,
    'the task of solution S2 has S2''s members');
SELECT results_eq(
    $$SELECT solution_name FROM iwddm.solution WHERE solution_runtime_id = 'S2'$$, $$VALUES ('Test')$$,
    'solution S2 carries its name');

-- ---------------------------------------------------------------------------------------
-- Names: the event with the highest id carrying a name wins, whatever the arrival order.
-- E9: 733 'New Name' loaded, then 732 'Old Name', then 734 without a name.
-- E10: 741 'First' loaded, then 742 'Second'. T9: 752 'New Tenant', then 751, then 753 unnamed.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(731, 'T-RENAME', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.with_agent(iwddm_test.event(733, 'T-RENAME', '2026-11-20T10:01:00Z', 'assigned', 'Assigned', 'Q1'),
                              'E9', 'New Name'),
        iwddm_test.with_agent(iwddm_test.event(741, 'T-RENAME-2', '2026-11-20T10:00:00Z', 'assigned', 'Assigned', 'Q1'),
                              'E10', 'First'),
        iwddm_test.event(752, 'T-TENANT', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
                         '{"tenant": {"id": "T9", "name": "New Tenant"}}'))
$$, 'the first names load');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.with_agent(iwddm_test.event(732, 'T-RENAME', '2026-11-20T10:05:00Z', 'assigned', 'Updated', 'Q1'),
                              'E9', 'Old Name'),
        iwddm_test.with_agent(iwddm_test.event(742, 'T-RENAME-2', '2026-11-20T10:05:00Z', 'assigned', 'Updated', 'Q1'),
                              'E10', 'Second'),
        iwddm_test.event(751, 'T-TENANT', '2026-11-20T09:00:00Z', 'new', 'Created', 'Q1', NULL,
                         '{"tenant": {"id": "T9", "name": "Old Tenant"}}'))
$$, 'the second names load');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.with_agent(iwddm_test.event(734, 'T-RENAME', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done'),
                              'E9', NULL),
        iwddm_test.event(753, 'T-TENANT', '2026-11-20T10:10:00Z', 'completed', 'Completed', 'Done', NULL,
                         '{"tenant": {"id": "T9"}}'))
$$, 'events without names load');
SELECT results_eq(
    $$SELECT employee_id, agent_name FROM iwddm.agent WHERE employee_id IN ('E9', 'E10') ORDER BY employee_id COLLATE "C"$$,
    $$VALUES ('E10', 'Second'), ('E9', 'New Name')$$,
    'an agent''s name is the one of its highest-id event that has a name');
SELECT results_eq(
    $$SELECT tenant_name FROM iwddm.tenant WHERE tenant_runtime_id = 'T9'$$, $$VALUES ('New Tenant')$$,
    'a tenant''s name is the one of its highest-id event that has a name');
SELECT is((SELECT count(*)::int FROM iwddm.agent WHERE employee_id = 'E9'), 1, 'a renamed agent stays one member');
SELECT results_eq(
    $$SELECT assign_task_event_id, finish_task_event_id FROM iwddm.task_work_fact WHERE interaction_id = 'T-RENAME' ORDER BY 1$$,
    $$VALUES (733::bigint, 734::bigint)$$,
    'a renamed agent keeps one assignment');

-- A category's runtime id is descriptive: the highest id carrying one wins.
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(7952, 'T-CATID', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
                                            '{"category": {"id": "C-NEW", "path": ["Billing", "Refunds"]}}'))
$$, 'a new runtime id for an existing path loads');
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(7951, 'T-CATID', '2026-11-20T10:05:00Z', 'queued', 'Updated', 'Q1', NULL,
                                            '{"category": {"id": "C-OLD", "path": ["Billing", "Refunds"]}}'))
$$, 'an older runtime id arriving later loads');
SELECT results_eq(
    $$SELECT category_runtime_id FROM iwddm.category WHERE category_key = iwddm_test.category_key('{Billing,Refunds}')$$,
    $$VALUES ('C-NEW')$$,
    'the category keeps the runtime id of its highest event id');

-- ---------------------------------------------------------------------------------------
-- Event types: an unknown one adds a row once.
-- ---------------------------------------------------------------------------------------
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(761, 'T-ESC', '2026-11-20T10:00:00Z', 'new', 'Escalated', 'Q1'),
        iwddm_test.event(762, 'T-ESC-2', '2026-11-20T10:00:00Z', 'new', 'Escalated', 'Q1'))
$$, 'two events of an unknown type load');
SELECT lives_ok($$
    SELECT iwddm_test.load(iwddm_test.event(763, 'T-ESC', '2026-11-20T10:01:00Z', 'queued', 'Escalated', 'Q1'))
$$, 'another event of that type loads later');
SELECT results_eq(
    $$SELECT count(*)::int, bool_and(task_event_type_key <> 0) FROM iwddm.task_event_type WHERE task_event_type_name = 'Escalated'$$,
    $$VALUES (1, true)$$,
    'the unknown type Escalated is one new task_event_type row, not the unknown member');
SELECT results_eq(
    $$SELECT task_event_id, task_event_type_key FROM iwddm.task_event_fact WHERE interaction_id LIKE 'T-ESC%' ORDER BY 1$$,
    $$VALUES (761::bigint, iwddm_test.event_type_key('Escalated')), (762, iwddm_test.event_type_key('Escalated')),
             (763, iwddm_test.event_type_key('Escalated'))$$,
    'the events of the new type point to its row');

-- ---------------------------------------------------------------------------------------
-- Missing optional attributes map to the unknown member 0; present ones to their members.
-- ---------------------------------------------------------------------------------------
INSERT INTO iwddm.custom_attribute_map (slot, data_key) VALUES (1, 'region');
INSERT INTO iwddm.custom_dim_attribute_map (slot, data_key) VALUES (1, 'region');
SELECT lives_ok($$
    SELECT iwddm_test.load(
        '{"id": 771, "taskId": "T-BARE", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "new",'
        ' "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["Billing"]}}}',
        iwddm_test.event(772, 'T-NULLS', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
            '{"captureId": null, "capturePoint": null, "mediaType": null, "channel": null, "businessValue": null,
              "priority": null, "dueDateTime": null, "customerId": null, "customerSegment": null, "productType": null,
              "productSubtype": null, "requestedAgent": null, "requestedSkill": null, "resultCode": null,
              "sourceTenant": null, "sourceProcessType": null, "sourceProcessSubtype": null, "data": null}'),
        iwddm_test.event(773, 'T-FULL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
            '{"channel": "crm", "customerId": "C-88812", "customerSegment": "gold", "productType": "card",
              "productSubtype": "credit", "requestedSkill": "billing_en", "resultCode": "ok", "sourceTenant": "ST1",
              "sourceProcessType": "SP", "sourceProcessSubtype": "SPS", "data": {"region": "EMEA"}}'))
$$, 'tasks with missing, null and present optional attributes load');
SELECT results_eq(
    $$SELECT interaction_id, current_queue_key, last_assigned_agent_key, current_priority_key::bigint,
             business_value_key::bigint, capture_point_key, media_type_key, media_channel_key, customer_key,
             customer_segment_key, product_key, skill_key, result_code_key, source_process_key, source_tenant_key,
             custom_dim_key
      FROM iwddm.task_fact WHERE interaction_id IN ('T-BARE', 'T-NULLS') ORDER BY interaction_id COLLATE "C"$$,
    $$VALUES ('T-BARE', 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint,
              0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint),
             ('T-NULLS', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)$$,
    'missing or null optional attributes map to key 0 in task_fact');
SELECT results_eq(
    $$SELECT task_event_id, queue_key, entered_queue_key, exited_queue_key, assigned_agent_key, priority_key::bigint,
             business_value_key::bigint, capture_point_key, media_type_key
      FROM iwddm.task_event_fact WHERE task_event_id IN (771, 772) ORDER BY 1$$,
    $$VALUES (771::bigint, 0::bigint, 0::bigint, NULL::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint),
             (772, 0, 0, NULL, 0, 0, 0, 0, 0)$$,
    'missing or null optional attributes map to key 0 in task_event_fact; the first event enters queue 0');
SELECT results_eq(
    $$SELECT capture_id, due_ts, priority, business_value, custom_attribute1, department_key, process_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-BARE'$$,
    $$VALUES (NULL::text, NULL::timestamptz, NULL::int, NULL::int, NULL::text, iwddm_test.department_key('Billing'),
              iwddm_test.process_key('Billing', ''))$$,
    'a bare task has no capture id, due time, priority or custom attribute, and a one-level path');
SELECT results_eq(
    $$SELECT tenant_name FROM iwddm.tenant WHERE tenant_runtime_id = 'T1'$$, $$VALUES ('Acme')$$,
    'a later event without a tenant name keeps the name');
SELECT results_eq(
    $$SELECT mc.media_channel_name, c.customer_id, cs.customer_segment_name, p.product_type, p.product_subtype,
             s.skill_name, rc.result_code_name, st.source_tenant_name, sp.source_process_type, sp.source_process_subtype,
             cd.custom_dim_attribute1, f.custom_attribute1
      FROM iwddm.task_fact f
      JOIN iwddm.media_channel mc USING (media_channel_key) JOIN iwddm.customer c USING (customer_key)
      JOIN iwddm.customer_segment cs USING (customer_segment_key) JOIN iwddm.product p USING (product_key)
      JOIN iwddm.skill s USING (skill_key) JOIN iwddm.result_code rc USING (result_code_key)
      JOIN iwddm.source_tenant st USING (source_tenant_key) JOIN iwddm.source_process sp USING (source_process_key)
      JOIN iwddm.custom_dim cd USING (custom_dim_key)
      WHERE f.interaction_id = 'T-FULL'$$,
    $$VALUES ('crm', 'C-88812', 'gold', 'card', 'credit', 'billing_en', 'ok', 'ST1', 'SP', 'SPS', 'EMEA', 'EMEA')$$,
    'present optional attributes map to members carrying their values');

-- A queue that disappears is left for the unknown queue 0, and entered again when it comes back.
-- T-QNULL 7931 10:00 Q1; 7932 10:01 no queue; 7933 10:02 no queue; 7934 10:03 Q1
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(7931, 'T-QNULL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
        iwddm_test.event(7932, 'T-QNULL', '2026-11-20T10:01:00Z', 'queued', 'Updated', NULL),
        iwddm_test.event(7933, 'T-QNULL', '2026-11-20T10:02:00Z', 'queued', 'Updated', NULL),
        iwddm_test.event(7934, 'T-QNULL', '2026-11-20T10:03:00Z', 'queued', 'Queued', 'Q1'))
$$, 'a task losing and regaining its queue loads');
SELECT results_eq(
    $$SELECT task_event_id, queue_key, entered_queue_key, exited_queue_key FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-QNULL' ORDER BY 1$$,
    $$VALUES (7931::bigint, iwddm_test.queue_key('Q1'), iwddm_test.queue_key('Q1'), NULL::bigint),
             (7932, 0, 0, iwddm_test.queue_key('Q1')),
             (7933, 0, NULL, NULL),
             (7934, iwddm_test.queue_key('Q1'), iwddm_test.queue_key('Q1'), 0)$$,
    'losing the queue exits it and enters queue 0; regaining it exits 0');

-- The task's attributes are the last event's full snapshot: a due time, capture id or data
-- value that the last event drops is gone.
-- T-DROP 7941 10:00 with due time, captureId and data; 7942 10:05 without them
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(7941, 'T-DROP', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
                         '{"dueDateTime": "2026-11-21T10:00:00Z", "data": {"region": "EMEA"}, "priority": 20}'),
        iwddm_test.without(iwddm_test.without(
            iwddm_test.event(7942, 'T-DROP', '2026-11-20T10:05:00Z', 'queued', 'Updated', 'Q1'),
            '{task,captureId}'), '{task,mediaType}'))
$$, 'a task whose last event drops attributes loads');
SELECT results_eq(
    $$SELECT due_ts, due_date_key, capture_id, custom_attribute1, priority, current_priority_key::int, media_type_key
      FROM iwddm.task_fact WHERE interaction_id = 'T-DROP'$$,
    $$VALUES (NULL::timestamptz, NULL::int, NULL::text, NULL::text, NULL::int, 0, 0::bigint)$$,
    'dropped attributes are null (or the unknown member) on the task');

-- ---------------------------------------------------------------------------------------
-- Value bands include both bounds; open ends; no value is key 0.
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE bands (task text, priority int, business_value int, priority_band text, value_band text);
INSERT INTO bands VALUES
    ('T-BAND-01', -1, -1, '<0', '<0'),            ('T-BAND-02', 0, 0, '0-9', '0-9'),
    ('T-BAND-03', 9, 9, '0-9', '0-9'),            ('T-BAND-04', 10, 10, '10-49', '10-19'),
    ('T-BAND-05', 49, 99, '10-49', '90-99'),      ('T-BAND-06', 50, 100, '50-99', '100-199'),
    ('T-BAND-07', 999, 499, '500-999', '200-499'), ('T-BAND-08', 1000, 500, '1000+', '500+'),
    ('T-BAND-09', 2000000, 100000, '1000+', '500+'), ('T-BAND-10', -500, NULL, '<0', NULL),
    ('T-BAND-11', NULL, 19, NULL, '10-19'),        ('T-BAND-12', 2147483647, -2147483648, '1000+', '<0');
SELECT lives_ok($$
    SELECT iwddm_test.load(VARIADIC array_agg(
        iwddm_test.event(7900 + right(task, 2)::int, task, '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
                         jsonb_build_object('priority', priority, 'businessValue', business_value))))
    FROM bands
$$, 'one task per band boundary loads');
SELECT results_eq(
    $$SELECT interaction_id, current_priority_key::int, business_value_key::int, priority, business_value
      FROM iwddm.task_fact WHERE interaction_id LIKE 'T-BAND-%' ORDER BY interaction_id COLLATE "C"$$,
    $$SELECT task, coalesce(iwddm_test.priority_key(priority_band), 0)::int,
             coalesce(iwddm_test.business_value_key(value_band), 0)::int, priority, business_value
      FROM bands ORDER BY task COLLATE "C"$$,
    'priority and business value fall in the band holding them, bounds included; null is key 0');
SELECT results_eq(
    $$SELECT interaction_id, priority_key::int, business_value_key::int
      FROM iwddm.task_event_fact WHERE interaction_id LIKE 'T-BAND-%' ORDER BY interaction_id COLLATE "C"$$,
    $$SELECT task, coalesce(iwddm_test.priority_key(priority_band), 0)::int,
             coalesce(iwddm_test.business_value_key(value_band), 0)::int
      FROM bands ORDER BY task COLLATE "C"$$,
    'event facts carry the same bands');

-- Reprioritization: the task has the current bands, each event its own.
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(7921, 'T-REPRIO', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1', NULL,
                         '{"priority": 5, "businessValue": 5}'),
        iwddm_test.event(7922, 'T-REPRIO', '2026-11-20T10:05:00Z', 'queued', 'Reprioritized', 'Q1', NULL,
                         '{"priority": 600, "businessValue": 250}'))
$$, 'a reprioritized task loads');
SELECT results_eq(
    $$SELECT current_priority_key::int, business_value_key::int, priority, business_value
      FROM iwddm.task_fact WHERE interaction_id = 'T-REPRIO'$$,
    $$VALUES (iwddm_test.priority_key('500-999')::int, iwddm_test.business_value_key('200-499')::int, 600, 250)$$,
    'the task has the bands and raw values of its current priority and business value');
SELECT results_eq(
    $$SELECT task_event_id, priority_key::int, business_value_key::int FROM iwddm.task_event_fact
      WHERE interaction_id = 'T-REPRIO' ORDER BY 1$$,
    $$VALUES (7921::bigint, iwddm_test.priority_key('0-9')::int, iwddm_test.business_value_key('0-9')::int),
             (7922, iwddm_test.priority_key('500-999'), iwddm_test.business_value_key('200-499'))$$,
    'each event keeps the bands after it');

SELECT * FROM finish();
ROLLBACK;
