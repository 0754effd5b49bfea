-- The job's typed staging (issue 14): events the job stages typed in iwddm.stage_typed_event
-- (no JSON to parse, member keys computed) load exactly as the same events \copy'd raw; a raw
-- row in the typed table is checked like a \copy'd one; both tables share one staging order,
-- so the first staged copy of an event id wins whichever table it came through; the batch's
-- audit counts every row; and a typed event rejected after a purge keeps a readable document.
BEGIN;
SELECT plan(10);

-- A small day: two tasks with an assignment, a hold, a reassignment and custom data, mapped to
-- a custom dimension and a custom attribute.
INSERT INTO iwddm.custom_dim_attribute_map (slot, data_key) VALUES (1, 'region');
INSERT INTO iwddm.custom_attribute_map (slot, data_key) VALUES (1, 'caseType');
CREATE TEMP TABLE day_events AS
SELECT i, raw FROM unnest(ARRAY[
    iwddm_test.event(101, 'T-A', '2026-11-20T09:00:00Z', 'queued', 'Created', 'Q1', NULL,
                     '{"priority": 150, "businessValue": 7, "dueDateTime": "2026-11-20T11:00:00+01:00",
                       "customerId": "C\t1", "data": {"region": "north", "caseType": "claim", "n": 3}}'),
    iwddm_test.event(102, 'T-A', '2026-11-20T09:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1',
                     '{"priority": 150, "businessValue": 7, "data": {"region": "north", "caseType": "claim"}}'),
    iwddm_test.event(103, 'T-B', '2026-11-20T09:25:00.5+02:00', 'queued', 'Created', 'Q "2"', NULL,
                     '{"productType": "a,b", "productSubtype": "NULL", "requestedAgent": "E2"}'),
    iwddm_test.event(104, 'T-A', '2026-11-20T09:40:00Z', 'held', 'Held', 'Q1', 'E1'),
    iwddm_test.event(105, 'T-B', '2026-11-20T09:50:00Z', 'assigned', 'Assigned', 'Q "2"', 'E2'),
    iwddm_test.event(106, 'T-A', '2026-11-20T10:10:00Z', 'assigned', 'Resumed', 'Q1', 'E3'),
    iwddm_test.event(107, 'T-A', '2026-11-20T10:40:00Z', 'completed', 'Completed', 'Q1', 'E3'),
    iwddm_test.event(108, 'T-B', '2026-11-20T11:15:00Z', 'canceled', 'Canceled', 'Q "2"', 'E2')
]) WITH ORDINALITY AS e(raw, i);
CREATE TEMP TABLE typed_day AS
SELECT i, iwddm_test.typed(raw) AS typed FROM day_events ORDER BY i;

SAVEPOINT before_load;
SELECT iwddm_test.stage(VARIADIC (SELECT array_agg(raw ORDER BY i) FROM day_events));
CALL iwddm.load_staged();
-- Kept in a psql variable: rolling back to the savepoint drops anything written after it.
SELECT (SELECT jsonb_agg(jsonb_build_array(table_name, row_text)) FROM iwddm_test.mart_rows()) AS loaded_raw \gset
ROLLBACK TO SAVEPOINT before_load;
CREATE TEMP TABLE loaded_raw AS
SELECT r ->> 0 AS table_name, r ->> 1 AS row_text FROM jsonb_array_elements(:'loaded_raw'::jsonb) r;

SELECT iwddm_test.stage_typed_rows(VARIADIC (SELECT array_agg(typed ORDER BY i) FROM typed_day));
CALL iwddm.load_staged();
SELECT cmp_ok((SELECT count(*) FROM loaded_raw), '>', 40::bigint,
              'the raw load of the day filled facts, dimensions and aggregates to compare');
SELECT results_eq(
    $$SELECT table_name, row_text FROM iwddm_test.mart_rows() ORDER BY 1, 2$$,
    $$SELECT table_name, row_text FROM loaded_raw ORDER BY 1, 2$$,
    'the day staged typed gives the same facts, dimensions and 15-minute rows as the day \copy''d raw');
SELECT is((SELECT count(*) FROM iwddm.stage_typed_event), 0::bigint,
          'load_staged claims every typed row: nothing is left staged');
SELECT results_eq(
    $$SELECT events_staged, events_loaded, events_duplicate, events_rejected, first_event_id, last_event_id
      FROM iwddm.etl_audit WHERE entry_kind = 'batch' ORDER BY etl_audit_key DESC LIMIT 1$$,
    $$VALUES (8, 8, 0, 0, 101::bigint, 108::bigint)$$,
    'the batch audit counts typed rows as staged and loaded events, with their first and last ids');
SELECT is(current_setting('iwddm.parse_attempt'), '1', 'a batch of typed rows needs no second parse attempt');

-- One batch mixing typed rows, raw rows in the typed table and \copy'd rows: the first staged
-- copy of an id wins, a copy of an event loaded before is a duplicate, a bad raw row is rejected.
SAVEPOINT before_bad;
SELECT iwddm_test.load(iwddm_test.event(203, 'T-E', '2026-11-20T12:10:00Z', 'paused', 'Created', 'Q1'),
                       '{"id": 204, "taskId": "T-E"');
SELECT (SELECT jsonb_agg(to_jsonb(r)) FROM (SELECT raw, reason, event_id, interaction_id FROM iwddm.rejected_event) r)
       AS rejected_via_copy \gset
ROLLBACK TO SAVEPOINT before_bad;
CREATE TEMP TABLE rejected_via_copy AS
SELECT * FROM jsonb_to_recordset(:'rejected_via_copy'::jsonb) AS r(raw text, reason text, event_id bigint, interaction_id text);
CREATE TEMP TABLE typed_mixed AS
SELECT iwddm_test.typed(iwddm_test.event(201, 'T-C', '2026-11-20T12:00:00Z', 'queued', 'Created', 'Q-typed-second')) AS a,
       iwddm_test.typed(iwddm_test.event(202, 'T-D', '2026-11-20T12:05:00Z', 'queued', 'Created', 'Q-typed-first')) AS b;
SELECT iwddm_test.stage(iwddm_test.event(201, 'T-C', '2026-11-20T12:00:00Z', 'queued', 'Created', 'Q-raw-first'));
SELECT iwddm_test.stage_typed_rows(a, b) FROM typed_mixed;
INSERT INTO iwddm.stage_typed_event (raw) VALUES
    (iwddm_test.event(202, 'T-D', '2026-11-20T12:05:00Z', 'queued', 'Created', 'Q-raw-second')),
    (iwddm_test.event(203, 'T-E', '2026-11-20T12:10:00Z', 'paused', 'Created', 'Q1')),
    ('{"id": 204, "taskId": "T-E"'),
    (iwddm_test.event(205, 'T-E', '2026-11-20T12:10:00Z', 'queued', 'Created', 'Q-raw-only'));
SELECT iwddm_test.stage_typed_rows((SELECT typed FROM typed_day WHERE i = 1));  -- event 101, loaded above
CALL iwddm.load_staged();
SELECT results_eq(
    $$SELECT f.task_event_id, q.queue_name FROM iwddm.task_event_fact f JOIN iwddm.queue q USING (queue_key)
      WHERE f.task_event_id > 200 ORDER BY 1$$,
    $$VALUES (201::bigint, 'Q-raw-first'), (202, 'Q-typed-first'), (205, 'Q-raw-only')$$,
    'the first staged copy of an event id wins, whether it came typed, raw in the typed table or \copy''d');
SELECT results_eq(
    $$SELECT events_staged, events_loaded, events_duplicate, events_rejected
      FROM iwddm.etl_audit WHERE entry_kind = 'batch' ORDER BY etl_audit_key DESC LIMIT 1$$,
    $$VALUES (8, 3, 3, 2)$$,
    'the mixed batch counts 8 staged rows: 3 loaded, 3 duplicates (two in the batch, one loaded before), 2 rejected');
SELECT results_eq(
    $$SELECT raw, reason, event_id, interaction_id FROM iwddm.rejected_event ORDER BY raw$$,
    $$SELECT raw, reason, event_id, interaction_id FROM rejected_via_copy ORDER BY raw$$,
    'a raw row in the typed table is rejected with the same text, reasons and ids as the same text \copy''d');

-- After a purge of the 15-minute rows before 2026-11-21, a typed event before that is
-- quarantined; having no text, it is kept as a document rebuilt from its fields, which reads
-- back as the same typed event.
UPDATE iwddm.mart_config SET agg_15min_purged_before = '2026-11-21T00:00:00Z';
CREATE TEMP TABLE late_raw AS
SELECT iwddm_test.event(301, 'T-F', '2026-11-20T13:00:00+01:00', 'queued', 'Created', 'Q1', NULL,
                        '{"priority": -3, "expirationDateTime": "2026-12-01T00:00:00Z", "customerId": "C 9",
                          "capturePoint": {"id": "CP1", "name": null}, "data": {"region": "south", "flag": true, "z": null}}') AS raw;
CREATE TEMP TABLE late_typed AS SELECT iwddm_test.typed(raw) AS typed FROM late_raw;
SELECT iwddm_test.stage_typed_rows((SELECT typed FROM late_typed));
CALL iwddm.load_staged();
SELECT results_eq(
    $$SELECT event_id, interaction_id, reason LIKE 'the event time % is before %' FROM iwddm.rejected_event WHERE event_id = 301$$,
    $$VALUES (301::bigint, 'T-F', true)$$,
    'a typed event before the purged 15-minute rows is quarantined with its ids and the reason');
SELECT is((SELECT iwddm_test.typed(raw) FROM iwddm.rejected_event WHERE event_id = 301)::text,
          (SELECT typed FROM late_typed)::text,
          'the document kept for a typed event reads back as the very same typed event');
ROLLBACK;
