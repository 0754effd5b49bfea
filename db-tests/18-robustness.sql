-- Robustness (issue 12): valid JSON that jsonb cannot store or reads differently from the text
-- never stops a batch and never vanishes: it lands in rejected_event with its text exactly as
-- staged, a reason, and its event and interaction ids when they can be read. Also pins SPEC §6:
-- in_queue summed over queues equals backlog summed over groups, tasks without a queue included.
BEGIN;
SELECT plan(26);

-- label, raw text (as IWD might send it), and a pattern the reason must match.
CREATE TEMP TABLE odd (label text PRIMARY KEY, raw text NOT NULL, pattern text NOT NULL);
INSERT INTO odd VALUES
    ('id with an exponent', regexp_replace(iwddm_test.event(8101, 'T-ODD-EXP', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                           '"id": 8101', '"id": 8.1e3'), 'plain JSON integer, not 8\.1e3'),
    ('id with an exponent and a fraction', regexp_replace(iwddm_test.event(8102, 'T-ODD-EXPFRAC', '2026-11-20T10:00:00Z', 'new',
                                           'Created'), '"id": 8102', '"id": 8.102E3'), 'plain JSON integer, not 8\.102E3'),
    ('id minus zero', regexp_replace(iwddm_test.event(8103, 'T-ODD-NEG0', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                     '"id": 8103', '"id": -0'), 'plain JSON integer, not -0'),
    ('id given twice', regexp_replace(iwddm_test.event(8104, 'T-ODD-DUPID', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                      '"id": 8104', '"id": 9000, "id": 8104'), 'id appears 2 times'),
    ('id given twice, once escaped', regexp_replace(iwddm_test.event(8105, 'T-ODD-ESCID', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                      '"id": 8105', '"id": 8105, "\u0069d": 9001'), 'id appears 2 times'),
    ('priority 1E2', regexp_replace(iwddm_test.event(8106, 'T-ODD-PRIO', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                    '{"priority": 100}'), '"priority": 100', '"priority": 1E2'), 'priority'),
    ('businessValue 5e1', regexp_replace(iwddm_test.event(8107, 'T-ODD-BV', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                    '{"businessValue": 50}'), '"businessValue": 50', '"businessValue":5e1'), 'businessValue'),
    ('lone high surrogate', replace(iwddm_test.event(8108, 'T-ODD-HIGH', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q-HERE'),
                                    'Q-HERE', 'lone \ud800 here'), 'lone UTF-16 surrogate \(\\ud800\)'),
    ('lone low surrogate after a pair', replace(iwddm_test.event(8109, 'T-ODD-LOW', '2026-11-20T10:00:00Z', 'assigned', 'Assigned',
                                    NULL, 'E-HERE'), 'E-HERE', 'E\ud83d\ude00\udc00'), 'lone UTF-16 surrogate \(\\udc00\)'),
    ('a NUL character', replace(iwddm_test.event(8110, 'T-ODD-NUL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q-HERE'),
                                'Q-HERE', 'nul \u0000'), 'NUL'),
    ('nesting beyond the stack', regexp_replace(iwddm_test.event(8111, 'T-ODD-DEEP', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                    '^\{', '{"unknown": ' || repeat('[', 200000) || repeat(']', 200000) || ', '), 'nested too deeply'),
    ('a number beyond numeric', regexp_replace(iwddm_test.event(8112, 'T-ODD-HUGE', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                    '^\{', '{"unknown": 1e1000000, '), 'numeric');

-- Good events around them, some with what a careless check would take for the odd forms.
CREATE TEMP TABLE fine (label text PRIMARY KEY, raw text NOT NULL);
INSERT INTO fine VALUES
    ('plain', iwddm_test.event(8001, 'T-FINE-1', '2026-11-20T10:00:00Z', 'new', 'Created')),
    ('numbers with exponents in data', iwddm_test.event(8002, 'T-FINE-2', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                                       '{"data": {"amount": 1.5e3, "delta": -0.5}, "priority": 100}')),
    ('a surrogate pair', replace(iwddm_test.event(8003, 'T-FINE-3', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q-HERE'),
                                 'Q-HERE', 'pair \ud83d\ude00 ok')),
    ('nesting 300 deep in an unknown field', regexp_replace(iwddm_test.event(8004, 'T-FINE-4', '2026-11-20T10:00:00Z', 'new',
                                 'Created'), '^\{', '{"unknown": ' || repeat('{"a": ', 300) || '1' || repeat('}', 300) || ', ')),
    ('pretty-printed', replace(replace(iwddm_test.event(8005, 'T-FINE-5', '2026-11-20T10:00:00Z', 'new', 'Created'),
                                       ', "', E',\n  "'), '{"id"', E'{\r\n  "id" '));

SELECT lives_ok(
    $$SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY label) FROM odd)
                                   || (SELECT array_agg(raw ORDER BY label) FROM fine))$$,
    'a batch of odd events and good ones loads without an error');

SELECT is((SELECT count(*)::int FROM iwddm.rejected_event r JOIN odd o USING (raw)), (SELECT count(*)::int FROM odd),
          'every odd event is in rejected_event with its text exactly as staged');
SELECT set_eq($$SELECT task_event_id FROM iwddm.task_event_fact$$, ARRAY[8001, 8002, 8003, 8004, 8005]::bigint[],
              'the good events load, and none of the odd ones (no 8100 from 8.1e3, no 0 from -0, no 9000 from a repeat)');

SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN odd o USING (raw) WHERE o.label = l),
                (SELECT pattern FROM odd WHERE label = l), l || ': the reason says what is wrong')
FROM (SELECT label AS l FROM odd ORDER BY label) x;

SELECT results_eq(
    $$SELECT o.label, r.event_id, r.interaction_id FROM iwddm.rejected_event r JOIN odd o USING (raw)
      WHERE o.label IN ('lone high surrogate', 'lone low surrogate after a pair', 'a NUL character',
                        'a number beyond numeric', 'priority 1E2') ORDER BY o.label$$,
    $$VALUES ('a NUL character', 8110::bigint, 'T-ODD-NUL'), ('a number beyond numeric', 8112, 'T-ODD-HUGE'),
             ('lone high surrogate', 8108, 'T-ODD-HIGH'), ('lone low surrogate after a pair', 8109, 'T-ODD-LOW'),
             ('priority 1E2', 8106, 'T-ODD-PRIO')$$,
    'rejected rows carry event_id and interaction_id even when jsonb cannot read the text');
SELECT results_eq(
    $$SELECT o.label, r.event_id, r.interaction_id FROM iwddm.rejected_event r JOIN odd o USING (raw)
      WHERE o.label LIKE 'id %' ORDER BY o.label$$,
    $$VALUES ('id given twice', NULL::bigint, 'T-ODD-DUPID'), ('id given twice, once escaped', NULL, 'T-ODD-ESCID'),
             ('id minus zero', NULL, 'T-ODD-NEG0'), ('id with an exponent', NULL, 'T-ODD-EXP'),
             ('id with an exponent and a fraction', NULL, 'T-ODD-EXPFRAC')$$,
    'an id that is not one plain integer is not guessed: event_id stays null, interaction_id is kept');

SELECT is((SELECT count(*)::int FROM iwddm.rejected_event WHERE interaction_id LIKE 'T-FINE-%'), 0,
          'no good event is rejected, exponents in task.data and a -0.5 included');
SELECT is((SELECT queue_name FROM iwddm.queue q JOIN iwddm.task_event_fact f ON f.queue_key = q.queue_key
           WHERE f.task_event_id = 8003), E'pair \U0001F600 ok', 'a surrogate pair escape loads as the character it spells');

-- Replaying an odd event unchanged rejects it again with the same reason: the text decides.
SELECT lives_ok($$DO 'DECLARE ids bigint[] := ARRAY(SELECT r.rejected_id FROM iwddm.rejected_event r JOIN odd o USING (raw));
                    BEGIN CALL iwddm.replay_rejected(ids); END'$$,
                'replaying the odd events runs');
SELECT is((SELECT count(*)::int FROM iwddm.rejected_event r JOIN odd o USING (raw)), (SELECT count(*)::int FROM odd),
          'replayed unchanged, every odd event is rejected again');
SELECT is((SELECT count(*)::int FROM iwddm.task_event_fact), 5, 'and still none of them loads');

-- SPEC §6: in_queue over all queues (the unknown one included) equals backlog over all groups.
SELECT lives_ok($$SELECT iwddm_test.load(
    iwddm_test.event(8201, 'T-Q-A', '2026-11-21T10:00:00Z', 'queued', 'Queued', 'Q-A'),
    iwddm_test.event(8202, 'T-Q-NONE', '2026-11-21T10:05:00Z', 'new', 'Created'),
    iwddm_test.event(8203, 'T-Q-B', '2026-11-21T10:10:00Z', 'queued', 'Queued', 'Q-B'),
    iwddm_test.event(8204, 'T-Q-A', '2026-11-21T10:20:00Z', 'assigned', 'Assigned', 'Q-A', 'E1'),
    iwddm_test.event(8205, 'T-Q-B', '2026-11-21T10:25:00Z', 'held', 'Held'),
    iwddm_test.event(8206, 'T-Q-A', '2026-11-21T10:40:00Z', 'completed', 'Completed', 'Q-A', 'E1'),
    iwddm_test.event(8207, 'T-Q-B', '2026-11-21T10:50:00Z', 'canceled', 'Canceled'),
    iwddm_test.event(8208, 'T-Q-NONE', '2026-11-21T11:05:00Z', 'queued', 'Queued', 'Q-A'))$$,
    'tasks moving between queues and no queue load');
SELECT is((SELECT count(*)::int FROM (
              SELECT date_time_key, sum(in_queue) AS total FROM iwddm.agg_task_queue_15min GROUP BY date_time_key) q
           FULL JOIN (
              SELECT date_time_key, sum(backlog) AS total FROM iwddm.agg_task_classif_15min GROUP BY date_time_key) c
           USING (date_time_key)
           WHERE coalesce(q.total, 0) <> coalesce(c.total, 0)), 0,
          'at every interval, in_queue summed over queues equals backlog summed over groups');
SELECT ok((SELECT sum(in_queue) > 0 FROM iwddm.agg_task_queue_15min a JOIN iwddm.queue q USING (queue_key)
           WHERE q.queue_name IS NULL OR q.queue_key = (SELECT min(queue_key) FROM iwddm.queue)),
          'a task without a queue is counted in the unknown queue (the pin is not vacuous)');
SELECT ok((SELECT count(DISTINCT date_time_key) >= 4 FROM iwddm.agg_task_classif_15min WHERE backlog <> 0),
          'the comparison covers several intervals with open tasks');

SELECT * FROM finish();
ROLLBACK;
