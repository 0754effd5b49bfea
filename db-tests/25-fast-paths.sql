-- The load's fast paths (issue 14) change no outcome: iwddm.event_surely_good never vouches for
-- an event the full check (event_problems, problem_text) finds bad, vouches for the usual good
-- forms, and a batch loaded by the first attempt (cheap check, jsonb_to_record typing) gives the
-- same facts as the same batch loaded by the second, row-by-row attempt.
BEGIN;
SELECT plan(11);

-- One good event, then variants that each change one thing; expected: what the full check says.
CREATE TEMP TABLE variant (label text PRIMARY KEY, raw text NOT NULL);
CREATE TEMP TABLE base AS
SELECT iwddm_test.event(9001, 'T-FAST', '2026-11-20T10:00:00.037Z', 'assigned', 'Assigned', 'Q1', 'E1',
                        '{"priority": 5, "businessValue": 7, "dueDateTime": "2026-11-21T10:00:00Z",
                          "createdDateTime": "2026-11-20T09:59:00.5+01:00", "data": {"region": "north", "n": 3}}') AS raw;
INSERT INTO variant
SELECT label, CASE WHEN path IS NULL THEN raw ELSE iwddm_test.with_value(raw, path::text[], value::jsonb) END
FROM base, (VALUES
    ('good as built', NULL, NULL),
    ('good: offset +05:30', '{timestamp}', '"2026-11-20T10:00:00+05:30"'),
    ('good: offset -0800', '{timestamp}', '"2026-11-20T10:00:00-0800"'),
    ('good: offset +02', '{timestamp}', '"2026-11-20T10:00:00+02"'),
    ('good: nine fraction digits', '{timestamp}', '"2026-11-20T10:00:00.123456789Z"'),
    ('good: category id a number', '{task,category,id}', '42'),
    ('good: no agent', '{agent}', 'null'),
    ('good: null optional string', '{task,customerId}', 'null'),
    ('good: leap day', '{timestamp}', '"2028-02-29T10:00:00Z"'),
    ('bad: hour 24', '{timestamp}', '"2026-11-20T24:00:00Z"'),
    ('bad: second 60', '{timestamp}', '"2026-11-20T23:59:60Z"'),
    ('bad: minute 60', '{timestamp}', '"2026-11-20T23:60:00Z"'),
    ('bad: month 13', '{timestamp}', '"2026-13-20T10:00:00Z"'),
    ('bad: day 32', '{timestamp}', '"2026-11-32T10:00:00Z"'),
    ('bad: no offset', '{timestamp}', '"2026-11-20T10:00:00"'),
    ('bad: space for T', '{timestamp}', '"2026-11-20 10:00:00Z"'),
    ('bad: offset +16:00', '{timestamp}', '"2026-11-20T10:00:00+16:00"'),
    ('bad: ten fraction digits', '{timestamp}', '"2026-11-20T10:00:00.1234567890Z"'),
    ('bad: empty fraction', '{timestamp}', '"2026-11-20T10:00:00.Z"'),
    ('bad: two date-times in one', '{task,dueDateTime}', '"2026-11-21T10:00:00Z 2026-11-22T10:00:00Z"'),
    ('bad: date-time a number', '{task,dueDateTime}', '20261121'),
    ('bad: 1969 once offset', '{timestamp}', '"1970-01-01T00:30:00+01:00"'),
    ('bad: year 2100', '{timestamp}', '"2100-01-01T00:00:00Z"'),
    ('bad: id a string', '{id}', '"9001"'),
    ('bad: id negative', '{id}', '-9001'),
    ('bad: id a fraction', '{id}', '9001.5'),
    ('bad: taskId empty', '{taskId}', '""'),
    ('bad: eventType a number', '{eventType}', '7'),
    ('bad: status unknown', '{status}', '"paused"'),
    ('bad: queue a number', '{queue}', '3'),
    ('bad: agent a string', '{agent}', '"E1"'),
    ('bad: agent without employeeId', '{agent}', '{"name": "x"}'),
    ('bad: agent name a number', '{agent,name}', '5'),
    ('bad: task an array', '{task}', '[1]'),
    ('bad: tenant missing', '{task,tenant}', 'null'),
    ('bad: tenant id empty', '{task,tenant,id}', '""'),
    ('bad: solution name a number', '{task,solution,name}', '1'),
    ('bad: capture point a string', '{task,capturePoint}', '"CP"'),
    ('bad: path empty', '{task,category,path}', '[]'),
    ('bad: path with a number', '{task,category,path}', '["a", 1]'),
    ('bad: path with an empty level', '{task,category,path}', '["a", ""]'),
    ('bad: category id an object', '{task,category,id}', '{}'),
    ('bad: priority 1.5', '{task,priority}', '1.5'),
    ('bad: priority beyond 32 bits', '{task,priority}', '2147483648'),
    ('bad: businessValue a string', '{task,businessValue}', '"7"'),
    ('bad: mediaType a number', '{task,mediaType}', '1'),
    ('bad: sourceProcessSubtype true', '{task,sourceProcessSubtype}', 'true'),
    ('bad: data an array', '{task,data}', '[1]'),
    ('bad: data with an object value', '{task,data,nested}', '{"a": 1}'),
    ('bad: activationDateTime on 02-30', '{task,activationDateTime}', '"2026-02-30T10:00:00Z"')
) v(label, path, value);
-- What only the text shows: an id written with an exponent, and given twice.
INSERT INTO variant SELECT 'bad: id written 9.001e3', replace(raw, '"id": 9001', '"id": 9.001e3') FROM base;
INSERT INTO variant SELECT 'bad: id given twice', replace(raw, '"id": 9001', '"id": 9001, "id": 9002') FROM base;

-- Whether casting the event's date-times as the first attempt does raises an error.
CREATE FUNCTION pg_temp.cast_fails(doc jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM (doc ->> 'timestamp')::timestamptz, r.*
    FROM jsonb_to_record(doc -> 'task') AS r("createdDateTime" timestamptz, "activationDateTime" timestamptz,
        "dueDateTime" timestamptz, "sourceCreatedDateTime" timestamptz, "sourceFirstCreatedDateTime" timestamptz);
    RETURN false;
EXCEPTION WHEN data_exception THEN
    RETURN true;
END
$$;
CREATE TEMP TABLE judged AS
SELECT label, cardinality(iwddm.event_problems(doc, doc -> 'task', s.status_key IS NOT NULL)
                          || iwddm.problem_text(raw, doc, doc -> 'task')) = 0 AS good,
       iwddm.event_surely_good(raw, doc, doc -> 'task', s.status_key IS NOT NULL) AS surely_good,
       pg_temp.cast_fails(doc) AS cast_fails
FROM (SELECT label, raw, raw::jsonb AS doc FROM variant) v
LEFT JOIN iwddm.status s ON s.status_name = v.doc ->> 'status';

SELECT is((SELECT count(*)::int FROM variant WHERE raw LIKE '%9.001e3%' OR raw LIKE '%"id": 9002%'), 2,
          'the two text-only variants were built (the fixture''s JSON spacing is as expected)');
SELECT results_eq($$SELECT label FROM judged WHERE good ORDER BY label$$,
                  $$SELECT label FROM variant WHERE label LIKE 'good%' ORDER BY label$$,
                  'the full check finds exactly the "good" variants good (the fixture is what it says)');
SELECT is_empty($$SELECT label FROM judged WHERE surely_good AND NOT good AND NOT cast_fails$$,
                'event_surely_good vouches for no event that the full check finds bad, but for a day the month lacks, which its cast refuses');
SELECT results_eq($$SELECT label FROM judged WHERE surely_good AND NOT cast_fails ORDER BY label$$,
                  $$SELECT label FROM variant WHERE label LIKE 'good%' ORDER BY label$$,
                  'event_surely_good vouches for every good variant, so good batches take the fast path');

-- A day the month lacks passes the cheap check (the regular expression does not know
-- calendars) and fails the first attempt's cast; the batch is then checked row by row.
SELECT ok((SELECT iwddm.event_surely_good(raw, raw::jsonb, raw::jsonb -> 'task', true)
           FROM (SELECT iwddm_test.event(9101, 'T-FEB30', '2026-02-30T10:00:00Z', 'new') AS raw) e),
          'a February 30 passes the cheap check (it is the cast that refuses it)');

-- The same batch through both attempts: first as is (fast), then with a text jsonb refuses, which
-- sends the whole batch to the second attempt. Every fact must come out the same.
CREATE TEMP TABLE batch AS
SELECT raw FROM variant WHERE label LIKE 'good%' AND label <> 'good as built'
UNION ALL SELECT iwddm_test.event(9102, 'T-FAST2', '2026-11-20T11:00:00Z', 'completed', 'Completed', 'Q2', NULL,
                                  '{"activationDateTime": "2026-11-20T10:30:00-03:00"}');
-- The variants share one id: give each its own, so every one is loaded.
UPDATE batch SET raw = iwddm_test.with_value(raw, '{id}', to_jsonb(9200 + n))
FROM (SELECT ctid AS c, row_number() OVER () AS n FROM batch WHERE raw::jsonb ->> 'id' = '9001') numbered
WHERE batch.ctid = numbered.c;

CREATE FUNCTION pg_temp.facts() RETURNS TABLE (kind text, row_json jsonb) LANGUAGE sql AS $$
    SELECT 'event', to_jsonb(f) - 'created_etl_audit_key' - 'updated_etl_audit_key' FROM iwddm.task_event_fact f
    UNION ALL
    SELECT 'task', to_jsonb(t) - 'created_etl_audit_key' - 'updated_etl_audit_key' FROM iwddm.task_fact t
    UNION ALL
    SELECT 'rejected', jsonb_build_object('raw', raw, 'reason', reason, 'event_id', event_id) FROM iwddm.rejected_event
$$;
SAVEPOINT before_load;
SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw) FROM batch));
SELECT is(current_setting('iwddm.parse_attempt'), '1', 'a batch of good events loads in the first attempt');
-- Kept in a psql variable: a rollback to the savepoint would take a table with it.
SELECT jsonb_agg(f ORDER BY f.kind, f.row_json) AS fast_facts FROM pg_temp.facts() f \gset
ROLLBACK TO SAVEPOINT before_load;
SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw) FROM batch) || '{"id": 9300, not json'::text);
SELECT is(current_setting('iwddm.parse_attempt'), '3', 'a text jsonb refuses sends its batch to the third, row-by-row attempt');
SELECT is((SELECT jsonb_agg(f ORDER BY f.kind, f.row_json) FROM pg_temp.facts() f WHERE kind <> 'rejected'),
          :'fast_facts'::jsonb,
          'the same batch gives the same facts whether the cheap check (first attempt) or the row-by-row check (third attempt) let its events through');
ROLLBACK TO SAVEPOINT before_load;

SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw) FROM batch)
                       || iwddm_test.event(9101, 'T-FEB30', '2026-02-30T10:00:00Z', 'new'));
SELECT is(current_setting('iwddm.parse_attempt'), '2', 'a February 30 fails the first attempt''s cast: the second attempt checks every event fully');
SELECT results_eq($$SELECT count(*)::int FROM iwddm.task_event_fact$$, $$SELECT count(*)::int FROM batch$$,
                  'every good event of that batch is loaded all the same');
SELECT results_eq($$SELECT reason FROM iwddm.rejected_event$$,
                  $$VALUES ('timestamp must be an ISO-8601 date-time with offset')$$,
                  'and the February 30 is rejected with the full check''s reason');

SELECT * FROM finish();
ROLLBACK;
