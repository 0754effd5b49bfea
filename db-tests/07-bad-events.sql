-- Bad events (FEED.md "Bad input"): each lands in rejected_event with its raw text intact and
-- a reason naming the problem, never blocks the good events of its batch, and is kept once.
BEGIN;
SELECT plan(45);

-- label, raw text, and a pattern (case-insensitive) the reason must match.
CREATE TEMP TABLE bad (label text PRIMARY KEY, raw text NOT NULL, pattern text NOT NULL);
INSERT INTO bad VALUES
    ('not JSON', '{"id": 7100, "taskId": "T-BAD-NOTJSON", this is not json', 'json'),
    ('missing id', iwddm_test.without(iwddm_test.event(7101, 'T-BAD-NOID', '2026-11-20T10:00:00Z', 'new'), '{id}'), '\mid\M'),
    ('id as string', iwddm_test.with_value(iwddm_test.event(7102, 'T-BAD-IDSTRING', '2026-11-20T10:00:00Z', 'new'),
                                           '{id}', '"7102"'), '\mid\M'),
    ('missing taskId', iwddm_test.without(iwddm_test.event(7103, 'T-BAD-NOTASKID', '2026-11-20T10:00:00Z', 'new'),
                                          '{taskId}'), 'taskId'),
    ('empty taskId', iwddm_test.event(7104, '', '2026-11-20T10:00:00Z', 'new'), 'taskId'),
    ('taskId of 65 characters', iwddm_test.event(7105, repeat('x', 65), '2026-11-20T10:00:00Z', 'new'), 'taskId'),
    ('missing eventType', iwddm_test.without(iwddm_test.event(7106, 'T-BAD-NOTYPE', '2026-11-20T10:00:00Z', 'new'),
                                             '{eventType}'), 'eventType'),
    ('timestamp without offset', iwddm_test.event(7107, 'T-BAD-NOOFFSET', '2026-11-20T10:00:00', 'new'), 'timestamp'),
    ('unparsable timestamp', iwddm_test.event(7108, 'T-BAD-FEB30', '2026-02-30T10:00:00Z', 'new'), 'timestamp'),
    ('capitalized status', iwddm_test.event(7109, 'T-BAD-CAPITAL', '2026-11-20T10:00:00Z', 'Completed'), 'status'),
    ('unknown status', iwddm_test.event(7110, 'T-BAD-PAUSED', '2026-11-20T10:00:00Z', 'paused'), 'status'),
    ('missing status', iwddm_test.without(iwddm_test.event(7111, 'T-BAD-NOSTATUS', '2026-11-20T10:00:00Z', 'new'),
                                          '{status}'), 'status'),
    ('missing task', iwddm_test.without(iwddm_test.event(7112, 'T-BAD-NOTASK', '2026-11-20T10:00:00Z', 'new'),
                                        '{task}'), '\mtask\M'),
    ('missing task.tenant', iwddm_test.without(iwddm_test.event(7113, 'T-BAD-NOTENANT', '2026-11-20T10:00:00Z', 'new'),
                                               '{task,tenant}'), 'tenant'),
    ('missing task.solution', iwddm_test.without(iwddm_test.event(7114, 'T-BAD-NOSOLUTION', '2026-11-20T10:00:00Z', 'new'),
                                                 '{task,solution}'), 'solution'),
    ('missing task.category.path', iwddm_test.without(iwddm_test.event(7115, 'T-BAD-NOPATH', '2026-11-20T10:00:00Z', 'new'),
                                                      '{task,category,path}'), 'path'),
    ('path of 0 levels', iwddm_test.with_value(iwddm_test.event(7116, 'T-BAD-PATH0', '2026-11-20T10:00:00Z', 'new'),
                                               '{task,category,path}', '[]'), 'path'),
    ('path of 11 levels', iwddm_test.with_value(iwddm_test.event(7117, 'T-BAD-PATH11', '2026-11-20T10:00:00Z', 'new'),
                                                '{task,category,path}', '["1","2","3","4","5","6","7","8","9","10","11"]'), 'path'),
    ('priority 1.5', iwddm_test.event(7118, 'T-BAD-PRIO15', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                      '{"priority": 1.5}'), 'priority'),
    ('priority "7"', iwddm_test.event(7119, 'T-BAD-PRIOSTR', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                      '{"priority": "7"}'), 'priority'),
    ('agent without employeeId', iwddm_test.with_value(iwddm_test.event(7120, 'T-BAD-AGENT', '2026-11-20T10:00:00Z', 'assigned'),
                                                       '{agent}', '{"name": "Nobody"}'), 'employeeId'),
    ('a NUL character', replace(iwddm_test.event(7121, 'T-BAD-NUL', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q-NULHERE'),
                                'NULHERE', '\u0000'), '\mNUL\M|\\u0000|null char'),
    ('bad dueDateTime', iwddm_test.event(7122, 'T-BAD-DUE', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                         '{"dueDateTime": "2026-11-31T10:00:00Z"}'), 'dueDateTime'),
    ('timestamp in 2100', iwddm_test.event(7123, 'T-BAD-2100', '2100-01-01T00:00:00Z', 'new'), 'timestamp'),
    ('timestamp before 1970', iwddm_test.event(7124, 'T-BAD-1969', '1969-12-31T23:59:59Z', 'new'), 'timestamp'),
    ('bad event of a good task', iwddm_test.event(7005, 'T-GOOD', '2026-11-20T10:10:00Z', 'Reopened', 'Restarted', 'Q1'),
     'status'),
    ('taskId as a number', iwddm_test.with_value(iwddm_test.event(7126, 'T-BAD-TASKNUM', '2026-11-20T10:00:00Z', 'new'),
                                                 '{taskId}', '12345'), 'taskId'),
    ('taskId of 65 non-ASCII characters', iwddm_test.event(7127, repeat(E'\u00eb', 65), '2026-11-20T10:00:00Z', 'new'), 'taskId'),
    ('empty eventType', iwddm_test.event(7128, 'T-BAD-EMPTYTYPE', '2026-11-20T10:00:00Z', 'new', ''), 'eventType'),
    ('tenant without id', iwddm_test.with_value(iwddm_test.event(7129, 'T-BAD-TENANTID', '2026-11-20T10:00:00Z', 'new'),
                                                '{task,tenant}', '{"name": "Acme"}'), 'tenant'),
    ('a JSON array', '[' || iwddm_test.event(7130, 'T-BAD-ARRAY', '2026-11-20T10:00:00Z', 'new') || ']', 'object|json'),
    ('id beyond 64 bits', iwddm_test.with_value(iwddm_test.event(7131, 'T-BAD-IDBIG', '2026-11-20T10:00:00Z', 'new'),
                                                '{id}', '9223372036854775808'), '\mid\M'),
    ('two problems', iwddm_test.without(iwddm_test.event(7125, 'T-BAD-TWO', '2026-11-20T10:00:00Z', 'Done'), '{taskId}'),
     'taskId.*; .*status|status.*; .*taskId');

-- The good events of the same batch, including the longest taskId and the deepest path.
CREATE TEMP TABLE good (ord int, raw text);
INSERT INTO good VALUES
    (1, iwddm_test.event(7001, 'T-GOOD', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1')),
    (2, iwddm_test.event(7002, 'T-GOOD', '2026-11-20T10:05:00Z', 'completed', 'Completed', 'Done')),
    (3, iwddm_test.event(7003, repeat('g', 64), '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1')),
    (4, iwddm_test.with_value(iwddm_test.event(7004, 'T-GOOD-PATH10', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
                              '{task,category,path}', '["1","2","3","4","5","6","7","8","9","10"]')),
    (5, iwddm_test.event(7006, repeat(E'\u00eb', 64), '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1')),
    (6, iwddm_test.with_value(iwddm_test.with_value(
            iwddm_test.event(7007, 'T-GOOD-EXTENDED', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
            '{traceId}', '"abc"'), '{task,newAttribute}', '{"nested": [1, 2]}')),
    (7, iwddm_test.with_value(iwddm_test.event(7008, 'T-GOOD-IDMAX', '2026-11-20T10:00:00Z', 'new', 'Created', 'Q1'),
                              '{id}', '9223372036854775807'));

SELECT is((SELECT count(*)::int FROM bad), 33, 'the fixture holds 33 bad events, each a distinct text');
SELECT lives_ok($$
    SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY ord) FROM
        (SELECT row_number() OVER (ORDER BY label) * 2 AS ord, raw FROM bad
         UNION ALL SELECT ord * 13, raw FROM good) mixed))
$$, 'a batch mixing bad and good events loads');

SELECT results_eq($$SELECT task_event_id FROM iwddm.task_event_fact ORDER BY 1$$,
                  $$VALUES (7001::bigint), (7002), (7003), (7004), (7006), (7007), (9223372036854775807)$$,
                  'every good event of the batch is loaded (unknown extra fields too), and no bad one');
SELECT results_eq($$SELECT interaction_id FROM iwddm.task_fact ORDER BY interaction_id COLLATE "C"$$,
                  $$VALUES ('T-GOOD'), ('T-GOOD-EXTENDED'), ('T-GOOD-IDMAX'), ('T-GOOD-PATH10'), (repeat('g', 64)),
                           (repeat(E'\u00eb', 64))$$,
                  'task facts exist for the good tasks only, 64-character taskIds (counted in characters) included');
SELECT results_eq($$SELECT last_task_event_id, current_status_key::int FROM iwddm.task_fact WHERE interaction_id = 'T-GOOD'$$,
                  $$VALUES (7002::bigint, iwddm_test.status_key('completed')::int)$$,
                  'a bad event of a good task leaves the task as its good events make it');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'bad event of a good task'),
                (SELECT pattern FROM bad WHERE label = 'bad event of a good task'), 'a bad event of a good task: the reason names status');
SELECT results_eq($$SELECT category_level10 FROM iwddm.category WHERE category_key =
                        (SELECT category_key FROM iwddm.task_fact WHERE interaction_id = 'T-GOOD-PATH10')$$,
                  $$VALUES ('10')$$,
                  'a ten-level path is good and keeps its tenth level');
SELECT results_eq($$SELECT raw FROM iwddm.rejected_event ORDER BY raw COLLATE "C"$$,
                  $$SELECT raw FROM bad ORDER BY raw COLLATE "C"$$,
                  'every bad event is kept once, with its raw text intact');
SELECT is((SELECT count(*)::int FROM iwddm.stage_task_event), 0, 'bad events do not stay in staging');

-- One assertion per kind: the reason names the problem.
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'not JSON'),
                (SELECT pattern FROM bad WHERE label = 'not JSON'), 'text that is not JSON: the reason says so');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing id'),
                (SELECT pattern FROM bad WHERE label = 'missing id'), 'missing id: the reason names id');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'id as string'),
                (SELECT pattern FROM bad WHERE label = 'id as string'), 'id given as a string: the reason names id');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing taskId'),
                (SELECT pattern FROM bad WHERE label = 'missing taskId'), 'missing taskId: the reason names taskId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'empty taskId'),
                (SELECT pattern FROM bad WHERE label = 'empty taskId'), 'empty taskId: the reason names taskId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'taskId of 65 characters'),
                (SELECT pattern FROM bad WHERE label = 'taskId of 65 characters'), 'taskId of 65 characters: the reason names taskId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing eventType'),
                (SELECT pattern FROM bad WHERE label = 'missing eventType'), 'missing eventType: the reason names eventType');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'timestamp without offset'),
                (SELECT pattern FROM bad WHERE label = 'timestamp without offset'), 'timestamp without offset: the reason names timestamp');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'unparsable timestamp'),
                (SELECT pattern FROM bad WHERE label = 'unparsable timestamp'), 'timestamp on February 30: the reason names timestamp');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'capitalized status'),
                (SELECT pattern FROM bad WHERE label = 'capitalized status'), 'status Completed (capital): the reason names status');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'unknown status'),
                (SELECT pattern FROM bad WHERE label = 'unknown status'), 'unknown status: the reason names status');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing status'),
                (SELECT pattern FROM bad WHERE label = 'missing status'), 'missing status: the reason names status');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing task'),
                (SELECT pattern FROM bad WHERE label = 'missing task'), 'missing task: the reason names task');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing task.tenant'),
                (SELECT pattern FROM bad WHERE label = 'missing task.tenant'), 'missing task.tenant: the reason names tenant');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing task.solution'),
                (SELECT pattern FROM bad WHERE label = 'missing task.solution'), 'missing task.solution: the reason names solution');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'missing task.category.path'),
                (SELECT pattern FROM bad WHERE label = 'missing task.category.path'), 'missing category path: the reason names the path');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'path of 0 levels'),
                (SELECT pattern FROM bad WHERE label = 'path of 0 levels'), 'path of 0 levels: the reason names the path');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'path of 11 levels'),
                (SELECT pattern FROM bad WHERE label = 'path of 11 levels'), 'path of 11 levels: the reason names the path');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'priority 1.5'),
                (SELECT pattern FROM bad WHERE label = 'priority 1.5'), 'priority 1.5: the reason names priority');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'priority "7"'),
                (SELECT pattern FROM bad WHERE label = 'priority "7"'), 'priority as a string: the reason names priority');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'agent without employeeId'),
                (SELECT pattern FROM bad WHERE label = 'agent without employeeId'), 'agent without employeeId: the reason names employeeId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'a NUL character'),
                (SELECT pattern FROM bad WHERE label = 'a NUL character'), 'a string holding \u0000: the reason names the NUL character');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'bad dueDateTime'),
                (SELECT pattern FROM bad WHERE label = 'bad dueDateTime'), 'dueDateTime on November 31: the reason names dueDateTime');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'timestamp in 2100'),
                (SELECT pattern FROM bad WHERE label = 'timestamp in 2100'), 'timestamp at 2100-01-01: the reason names timestamp');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'timestamp before 1970'),
                (SELECT pattern FROM bad WHERE label = 'timestamp before 1970'), 'timestamp before 1970: the reason names timestamp');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'taskId as a number'),
                (SELECT pattern FROM bad WHERE label = 'taskId as a number'), 'taskId given as a number: the reason names taskId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'taskId of 65 non-ASCII characters'),
                (SELECT pattern FROM bad WHERE label = 'taskId of 65 non-ASCII characters'), 'taskId of 65 two-byte characters: the reason names taskId');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'empty eventType'),
                (SELECT pattern FROM bad WHERE label = 'empty eventType'), 'empty eventType: the reason names eventType');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'tenant without id'),
                (SELECT pattern FROM bad WHERE label = 'tenant without id'), 'tenant without id: the reason names tenant');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'a JSON array'),
                (SELECT pattern FROM bad WHERE label = 'a JSON array'), 'a JSON array instead of an object: the reason says so');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'id beyond 64 bits'),
                (SELECT pattern FROM bad WHERE label = 'id beyond 64 bits'), 'id 2^63: the reason names id');
SELECT imatches((SELECT r.reason FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'two problems'),
                (SELECT pattern FROM bad WHERE label = 'two problems'), 'an event with two problems: the reason lists both, joined by "; "');

SELECT results_eq(
    $$SELECT event_id, interaction_id FROM iwddm.rejected_event r JOIN bad b USING (raw) WHERE b.label = 'capitalized status'$$,
    $$VALUES (7109::bigint, 'T-BAD-CAPITAL')$$,
    'a rejected event with a readable id and taskId records them');

-- Loaded again, in a later batch and twice within it: still kept once.
SELECT lives_ok($$
    SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw) FROM bad WHERE label IN ('capitalized status', 'a NUL character', 'not JSON'))
                                  || (SELECT array_agg(raw) FROM bad WHERE label IN ('capitalized status', 'a NUL character', 'not JSON')))
$$, 'bad events loaded again, twice in one batch, load');
SELECT results_eq($$SELECT raw FROM iwddm.rejected_event ORDER BY raw COLLATE "C"$$,
                  $$SELECT raw FROM bad ORDER BY raw COLLATE "C"$$,
                  'a bad event loaded again is still kept once');
SELECT is((SELECT count(*)::int FROM iwddm.task_event_fact), 7, 'reloading bad events loads nothing');

SELECT * FROM finish();
ROLLBACK;
