-- The job's staging slots (issue 14): a page the job staged ahead, on its second connection, in
-- iwddm.stage_ahead_0 or _1 loads exactly as the same events \copy'd raw when its load names the
-- slot (iwddm.staged_ahead); the load reads that slot and no other, leaves it as it is (emptying
-- it would wait for its readers) and clears the setting; loading the slot again finds every
-- event loaded; rows left in a slot no load names are never loaded; a name that is not a slot is
-- refused before anything is claimed.
BEGIN;
SELECT plan(10);

CREATE TEMP TABLE day_events AS
SELECT i, raw FROM unnest(ARRAY[
    iwddm_test.event(301, 'T-S', '2026-11-20T09:00:00Z', 'queued', 'Created', 'Q1', NULL, '{"priority": 150}'),
    iwddm_test.event(302, 'T-S', '2026-11-20T09:20:00Z', 'assigned', 'Assigned', 'Q1', 'E1'),
    iwddm_test.event(303, 'T-U', '2026-11-20T09:25:00Z', 'queued', 'Created', 'Q2', NULL),
    iwddm_test.event(304, 'T-S', '2026-11-20T10:40:00Z', 'completed', 'Completed', 'Q1', 'E1')
]) WITH ORDINALITY AS e(raw, i);

SAVEPOINT before_load;
SELECT iwddm_test.load(VARIADIC (SELECT array_agg(raw ORDER BY i) FROM day_events));
SELECT (SELECT jsonb_agg(jsonb_build_array(table_name, row_text)) FROM iwddm_test.mart_rows()) AS loaded_raw \gset
ROLLBACK TO SAVEPOINT before_load;
CREATE TEMP TABLE loaded_raw AS
SELECT r ->> 0 AS table_name, r ->> 1 AS row_text FROM jsonb_array_elements(:'loaded_raw'::jsonb) r;

-- A slot a killed run left behind: an event the feed never sent, staged in the other slot.
SELECT iwddm_test.stage_ahead('stage_ahead_0',
                              iwddm_test.event(999, 'T-X', '2026-11-20T09:05:00Z', 'queued', 'Created', 'Q9'));
SELECT iwddm_test.stage_ahead('stage_ahead_1', VARIADIC (SELECT array_agg(raw ORDER BY i) FROM day_events));

SELECT set_config('iwddm.staged_ahead', 'stage_typed_event', true);
SELECT throws_ok('CALL iwddm.load_staged()', 'P0001',
                 'load_staged: iwddm.staged_ahead is stage_typed_event, which is not a staging slot',
                 'a setting that names no staging slot is refused');
SELECT is((SELECT count(*) FROM iwddm.stage_ahead_1), 4::bigint, 'the refused load claimed nothing');

SELECT set_config('iwddm.staged_ahead', 'stage_ahead_1', true);
CALL iwddm.load_staged();
SELECT cmp_ok((SELECT count(*) FROM loaded_raw), '>', 30::bigint,
              'the raw load of the day filled facts, dimensions and aggregates to compare');
SELECT results_eq(
    $$SELECT table_name, row_text FROM iwddm_test.mart_rows() ORDER BY 1, 2$$,
    $$SELECT table_name, row_text FROM loaded_raw ORDER BY 1, 2$$,
    'the day staged ahead in a slot gives the same facts, dimensions and 15-minute rows as the day \copy''d raw');
SELECT is((SELECT count(*) FROM iwddm.stage_ahead_1), 4::bigint,
          'the load reads its slot and leaves it as it is, for the job to empty before it stages there again');
SELECT is((SELECT count(*) FROM iwddm.stage_ahead_0), 1::bigint,
          'the slot the load did not name keeps its rows, unloaded');
SELECT is(current_setting('iwddm.staged_ahead'), '', 'the load clears the setting, so a second load claims no slot');
SELECT results_eq(
    $$SELECT events_staged, events_loaded, first_event_id, last_event_id
      FROM iwddm.etl_audit WHERE entry_kind = 'batch' ORDER BY etl_audit_key DESC LIMIT 1$$,
    $$VALUES (4, 4, 301::bigint, 304::bigint)$$,
    'the batch audit counts the slot''s rows as staged and loaded, and not the other slot''s');

-- The same slot named again (the job never does: it names only a slot it has just staged).
SELECT set_config('iwddm.staged_ahead', 'stage_ahead_1', true);
CALL iwddm.load_staged();
SELECT results_eq(
    $$SELECT events_staged, events_loaded, events_duplicate
      FROM iwddm.etl_audit WHERE entry_kind = 'batch' ORDER BY etl_audit_key DESC LIMIT 1$$,
    $$VALUES (4, 0, 4)$$,
    'loading a slot a second time finds every event loaded: nothing is counted or written twice');
SELECT results_eq(
    $$SELECT table_name, row_text FROM iwddm_test.mart_rows() ORDER BY 1, 2$$,
    $$SELECT table_name, row_text FROM loaded_raw ORDER BY 1, 2$$,
    'and the mart is as after the first load');

SELECT * FROM finish();
ROLLBACK;
