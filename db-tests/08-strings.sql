-- Strings round-trip exactly (FEED.md: any character, quotes, tabs, newlines and backslashes
-- included): through the JSON builders, through a DBA's \copy of NDJSON text (SPEC §3
-- stage_task_event), and through raw text staged by hand.
SET client_encoding = 'UTF8';
BEGIN;
SELECT plan(31);

SELECT is(current_setting('server_encoding'), 'UTF8', 'the database stores UTF-8, so every character of the feed fits');

INSERT INTO iwddm.custom_attribute_map (slot, data_key) VALUES (1, 'note'), (2, E'cl\u00e9');

-- Awkward values (E'' strings: \t tab, \n newline, \\ one backslash, \' quote).
CREATE TEMP TABLE awkward AS SELECT
    E'T-\'q"\t\\n\nZo\u00eb \u65e5\u672c \U0001F600' AS task_id,
    E'Queue "A"\tB\\C\nD Zo\u00eb \u65e5\u672c \U0001F600' AS queue,
    E'E-Zo\u00eb\\1' AS employee_id,
    E'Zo\u00eb "Z" O\'Neil\t\\ \u65e5\u672c \U0001F600\n' AS agent_name,
    ARRAY[E'D\u00e9pt "1"\t', E'Proc\\2\nline', E'\u65e5\u672c\U0001F600'] AS path,
    E'T-Zo\u00eb' AS tenant_id,
    E'Zo\u00eb\'s "Tenant"\t' AS tenant_name,
    E'CAP\t"x"\\y' AS capture_id,
    E'multi\nline\t"quoted"\\ Zo\u00eb \U0001F600' AS note,
    E'\u65e5\u672c' AS cle;

SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.event(801, task_id, '2026-11-20T10:00:00Z', 'new', 'Created', queue, NULL, attrs),
        iwddm_test.with_agent(
            iwddm_test.event(802, task_id, '2026-11-20T10:05:00Z', 'assigned', 'Assigned', queue, NULL, attrs),
            employee_id, agent_name),
        iwddm_test.event(803, task_id, '2026-11-20T10:09:00Z', 'completed', 'Completed', queue, NULL, attrs))
    FROM awkward, LATERAL (SELECT jsonb_build_object(
        'captureId', capture_id,
        'tenant', jsonb_build_object('id', tenant_id, 'name', tenant_name),
        'category', jsonb_build_object('id', 'C1', 'path', to_jsonb(path)),
        'data', jsonb_build_object('note', note, E'cl\u00e9', cle)) AS attrs) a
$$, 'a task full of quotes, tabs, newlines, backslashes and non-ASCII characters loads');

SELECT results_eq($$SELECT f.interaction_id, f.capture_id FROM iwddm.task_fact f JOIN awkward a ON a.task_id = f.interaction_id$$,
                  $$SELECT task_id, capture_id FROM awkward$$,
                  'taskId and captureId round-trip into task_fact');
SELECT results_eq($$SELECT count(*)::int FROM iwddm.task_event_fact e JOIN awkward a ON a.task_id = e.interaction_id$$,
                  $$VALUES (3)$$, 'the three events carry the exact taskId');
SELECT results_eq($$SELECT w.work_time_sec FROM iwddm.task_work_fact w JOIN awkward a ON a.task_id = w.interaction_id$$,
                  $$VALUES (240)$$, 'the work fact carries the exact taskId');
SELECT results_eq($$SELECT q.queue_name FROM iwddm.task_fact f JOIN iwddm.queue q ON q.queue_key = f.current_queue_key$$,
                  $$SELECT queue FROM awkward$$, 'the queue name round-trips');
SELECT results_eq($$SELECT g.employee_id, g.agent_name FROM iwddm.task_fact f JOIN iwddm.agent g ON g.agent_key = f.last_assigned_agent_key$$,
                  $$SELECT employee_id, agent_name FROM awkward$$, 'the agent''s employeeId and name round-trip');
SELECT results_eq($$SELECT t.tenant_runtime_id, t.tenant_name FROM iwddm.task_fact f JOIN iwddm.tenant t USING (tenant_key)$$,
                  $$SELECT tenant_id, tenant_name FROM awkward$$, 'the tenant id and name round-trip');
SELECT results_eq($$SELECT d.department_name, p.process_name FROM iwddm.task_fact f
                    JOIN iwddm.department d USING (department_key) JOIN iwddm.process p USING (process_key)$$,
                  $$SELECT path[1], path[2] FROM awkward$$, 'department and process names round-trip');
SELECT results_eq($$SELECT c.category_level1, c.category_level2, c.category_level3 FROM iwddm.task_fact f
                    JOIN iwddm.category c USING (category_key)$$,
                  $$SELECT path[1], path[2], path[3] FROM awkward$$, 'category levels round-trip');
SELECT results_eq($$SELECT custom_attribute1, custom_attribute2 FROM iwddm.task_fact$$,
                  $$SELECT note, cle FROM awkward$$, 'data values (under a non-ASCII key too) round-trip into custom attributes');

-- The DBA path: \copy of NDJSON lines, CSV with characters that never occur, so every
-- backslash of the JSON text stays. Lines 1-2 are a good task, line 3 a bad event.
COPY iwddm.stage_task_event (raw) FROM STDIN WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02');
{"id": 811, "taskId": "T-COPY\\x\"y\u00eb\ud83d\ude00", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "new", "queue": "Q\tTab\nLine \\ end", "agent": null, "task": {"captureId": "C\\D", "tenant": {"id": "T1", "name": "Acme"}, "solution": {"id": "S1", "name": "Production"}, "category": {"id": "C\\1", "path": ["Back\\slash", "Quote\"d", "Tab\there"]}, "data": {"note": "a\\b\\\\c \"q\" \u65e5\u672c"}}}
{"id": 812, "taskId": "T-COPY\\x\"y\u00eb\ud83d\ude00", "eventType": "Assigned", "timestamp": "2026-11-20T10:05:00Z", "status": "assigned", "queue": "Q\tTab\nLine \\ end", "agent": {"employeeId": "E\\7", "name": "Ren\u00e9e \"R\" O'Neil\\ Zoë 日本 😀"}, "task": {"captureId": "C\\D", "tenant": {"id": "T1", "name": "Acme"}, "solution": {"id": "S1", "name": "Production"}, "category": {"id": "C\\1", "path": ["Back\\slash", "Quote\"d", "Tab\there"]}, "data": {"note": "a\\b\\\\c \"q\" \u65e5\u672c"}}}
{"id": 813, "taskId": "T-COPY-BAD\\", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "Bogus\\", "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["A\\B"]}}}
\.

SELECT results_eq($$SELECT raw FROM iwddm.stage_task_event WHERE raw LIKE '%"id": 813,%'$$,
                  $$VALUES ('{"id": 813, "taskId": "T-COPY-BAD\\", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "Bogus\\", "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["A\\B"]}}}')$$,
                  'the \copy options keep every backslash of the line');
SELECT lives_ok('CALL iwddm.load_staged()', 'CALL iwddm.load_staged() loads the copied lines');
SELECT results_eq($$SELECT interaction_id, capture_id, last_task_event_id FROM iwddm.task_fact WHERE interaction_id LIKE 'T-COPY%'$$,
                  $$VALUES (E'T-COPY\\x"y\u00eb\U0001F600', E'C\\D', 812::bigint)$$,
                  'JSON escapes decode: \\ to a backslash, \" to a quote, \u00eb and a surrogate pair to their characters');
SELECT results_eq($$SELECT q.queue_name FROM iwddm.task_fact f JOIN iwddm.queue q ON q.queue_key = f.current_queue_key
                    WHERE f.interaction_id LIKE 'T-COPY%'$$,
                  $$VALUES (E'Q\tTab\nLine \\ end')$$, 'a queue with \t, \n and \\ decodes to tab, newline and backslash');
SELECT results_eq($$SELECT g.employee_id, g.agent_name FROM iwddm.task_fact f JOIN iwddm.agent g ON g.agent_key = f.last_assigned_agent_key
                    WHERE f.interaction_id LIKE 'T-COPY%'$$,
                  $$VALUES (E'E\\7', E'Ren\u00e9e "R" O''Neil\\ Zo\u00eb \u65e5\u672c \U0001F600')$$,
                  'an agent name mixing escapes and raw UTF-8 decodes exactly');
SELECT results_eq($$SELECT c.category_runtime_id, c.category_level1, c.category_level2, c.category_level3
                    FROM iwddm.task_fact f JOIN iwddm.category c USING (category_key) WHERE f.interaction_id LIKE 'T-COPY%'$$,
                  $$VALUES (E'C\\1', E'Back\\slash', 'Quote"d', E'Tab\there')$$, 'the category id and path decode exactly');
SELECT results_eq($$SELECT custom_attribute1 FROM iwddm.task_fact WHERE interaction_id LIKE 'T-COPY%'$$,
                  $$VALUES (E'a\\b\\\\c "q" \u65e5\u672c')$$, 'a data value with one and two backslashes decodes exactly');
SELECT results_eq($$SELECT raw, event_id FROM iwddm.rejected_event$$,
                  $$VALUES ('{"id": 813, "taskId": "T-COPY-BAD\\", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "Bogus\\", "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["A\\B"]}}}', 813::bigint)$$,
                  'the bad copied line is kept byte for byte, backslashes included');
SELECT imatches((SELECT reason FROM iwddm.rejected_event), 'status', 'the bad copied line is rejected for its status');
SELECT is((SELECT interaction_id FROM iwddm.rejected_event), E'T-COPY-BAD\\', 'the bad line''s taskId decodes with its backslash');

-- Raw text staged by hand (standard SQL strings keep backslashes as they are).
SELECT lives_ok($$
    SELECT iwddm_test.stage(
        '{"id": 821, "taskId": "T-STAGE\\2", "eventType": "Created", "timestamp": "2026-11-20T10:00:00Z", "status": "new", "queue": "Z\u00f6e\\Q", "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["P\\1", "\"x\""]}}}',
        '{"id": 822, "taskId": "T-STAGE\\2", "eventType": "Queued", "timestamp": "2026-11-20T10:01:00Z", "status": "queued", "queue": "tab\there", "task": {"tenant": {"id": "T1"}, "solution": {"id": "S1"}, "category": {"path": ["P\\1", "\"x\""]}}}')
$$, 'raw lines with backslashes are staged');
SELECT lives_ok('CALL iwddm.load_staged()', 'the staged lines load');
SELECT results_eq($$SELECT e.task_event_id, e.interaction_id, q.queue_name FROM iwddm.task_event_fact e
                    JOIN iwddm.queue q ON q.queue_key = e.queue_key WHERE e.task_event_id IN (821, 822) ORDER BY 1$$,
                  $$VALUES (821::bigint, E'T-STAGE\\2', E'Z\u00f6e\\Q'), (822, E'T-STAGE\\2', E'tab\there')$$,
                  'staged lines decode to the exact taskId and queue names');
SELECT results_eq($$SELECT d.department_name, p.process_name FROM iwddm.task_fact f
                    JOIN iwddm.department d USING (department_key) JOIN iwddm.process p USING (process_key)
                    WHERE f.interaction_id = E'T-STAGE\\2'$$,
                  $$VALUES (E'P\\1', '"x"')$$, 'the staged path decodes exactly');
SELECT results_eq($$SELECT task_event_id, entered_queue_key, exited_queue_key FROM iwddm.task_event_fact
                    WHERE task_event_id IN (821, 822) ORDER BY 1$$,
                  $$VALUES (821::bigint, iwddm_test.queue_key(E'Z\u00f6e\\Q'), NULL::bigint),
                           (822, iwddm_test.queue_key(E'tab\there'), iwddm_test.queue_key(E'Z\u00f6e\\Q'))$$,
                  'queues that differ only in escapes are told apart');
SELECT is((SELECT count(*)::int FROM iwddm.rejected_event), 1, 'the hand-staged lines are all good');

-- Long strings: the feed sets no length limit but taskId's, so a 6400-character queue,
-- category level or employeeId is a good event (hex digits, which do not compress).
CREATE TEMP TABLE long_text AS SELECT (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 200) i) AS s;
SELECT lives_ok($$
    SELECT iwddm_test.load(
        iwddm_test.with_agent(
            iwddm_test.event(831, 'T-LONG', '2026-11-20T10:00:00Z', 'assigned', 'Assigned', 'Q-' || s, NULL,
                             jsonb_build_object('category', jsonb_build_object('path', jsonb_build_array('D-' || s, 'P-' || s)))),
            'E-' || s, 'N-' || s),
        iwddm_test.event(832, 'T-LONG-NEIGHBOUR', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'))
    FROM long_text
$$, 'a batch with 6400-character strings loads');
SELECT results_eq($$SELECT interaction_id FROM iwddm.task_fact WHERE interaction_id LIKE 'T-LONG%' ORDER BY interaction_id COLLATE "C"$$,
                  $$VALUES ('T-LONG'), ('T-LONG-NEIGHBOUR')$$,
                  'the task with long strings and its neighbour in the batch are loaded');
SELECT results_eq($$SELECT q.queue_name, g.employee_id, g.agent_name FROM iwddm.task_fact f
                    JOIN iwddm.queue q ON q.queue_key = f.current_queue_key
                    JOIN iwddm.agent g ON g.agent_key = f.last_assigned_agent_key WHERE f.interaction_id = 'T-LONG'$$,
                  $$SELECT 'Q-' || s, 'E-' || s, 'N-' || s FROM long_text$$,
                  'a long queue name, employeeId and agent name round-trip');
SELECT results_eq($$SELECT d.department_name, p.process_name FROM iwddm.task_fact f
                    JOIN iwddm.department d USING (department_key) JOIN iwddm.process p USING (process_key)
                    WHERE f.interaction_id = 'T-LONG'$$,
                  $$SELECT 'D-' || s, 'P-' || s FROM long_text$$,
                  'long category levels round-trip into department and process');

SELECT * FROM finish();
ROLLBACK;
