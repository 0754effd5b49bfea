-- The loader's steps refuse to run outside iwddm.load_staged (or rebuild_aggregates) with a
-- hint, instead of failing on a missing temporary table or, worse, consuming staged events;
-- and two natural keys that hash to one dimension key fail the batch instead of merging.
BEGIN;
SELECT plan(14);

SELECT iwddm_test.stage(iwddm_test.event(2201, 'T-GUARD', '2026-11-20T10:00:00Z', 'new'));
SELECT throws_ok('CALL iwddm.load_parse_staged()', 'P0001',
    'iwddm.load_parse_staged() is a step of iwddm.load_staged and cannot be called on its own',
    'load_parse_staged refuses to run on its own');
SELECT is((SELECT count(*) FROM iwddm.stage_task_event), 1::bigint, '... and leaves the staged event where it was');
SELECT throws_ok('CALL iwddm.load_dimensions(NULL)', 'P0001',
    'iwddm.load_dimensions() is a step of iwddm.load_staged and cannot be called on its own',
    'load_dimensions refuses to run on its own');
SELECT throws_ok('CALL iwddm.load_key_events()', 'P0001',
    'iwddm.load_key_events() is a step of iwddm.load_staged and cannot be called on its own',
    'load_key_events refuses to run on its own');
SELECT throws_ok('CALL iwddm.load_reactivate_tasks()', 'P0001',
    'iwddm.load_reactivate_tasks() is a step of iwddm.load_staged and cannot be called on its own',
    'load_reactivate_tasks refuses to run on its own');
SELECT throws_ok('CALL iwddm.load_task_histories()', 'P0001',
    'iwddm.load_task_histories() is a step of iwddm.load_staged and cannot be called on its own',
    'load_task_histories refuses to run on its own');
SELECT throws_ok('CALL iwddm.load_task_facts()', 'P0001',
    'iwddm.load_task_facts() is a step of iwddm.load_staged and cannot be called on its own',
    'load_task_facts refuses to run on its own');
SELECT throws_ok('CALL iwddm.load_aggregates()', 'P0001',
    'iwddm.load_aggregates() is a step of iwddm.load_staged and cannot be called on its own',
    'load_aggregates refuses to run on its own');
SELECT throws_ok('CALL iwddm.build_task_history()', 'P0001',
    'iwddm.build_task_history() needs the tasks to read in pg_temp.load_touched',
    'build_task_history refuses to run without its input');
SELECT throws_ok('CALL iwddm.build_task_flows()', 'P0001',
    'iwddm.build_task_flows() needs the task histories in pg_temp.load_history',
    'build_task_flows refuses to run without its input');
SELECT throws_ok($$CALL iwddm.apply_area_flows('task_classif', 0, 900)$$, 'P0001',
    'iwddm.apply_area_flows() needs the recomputed tasks in pg_temp.load_touched and their flows',
    'apply_area_flows refuses to run without its input');

-- The staged event still loads the normal way afterwards.
CALL iwddm.load_staged();
SELECT is((SELECT count(*) FROM iwddm.task_event_fact WHERE task_event_id = 2201), 1::bigint,
          'the event loads through load_staged');

-- A dimension member whose stored natural key differs from the one that hashes to its key: a
-- collision (forged here, since a real 64-bit one cannot be found by hand).
INSERT INTO iwddm.queue (queue_key, queue_name) VALUES (iwddm.member_key('Q-COLLIDE'), 'Q-SOMETHING-ELSE');
SELECT throws_like(
    $$SELECT iwddm_test.load(iwddm_test.event(2202, 'T-COLLIDE', '2026-11-20T10:00:00Z', 'queued', 'Queued', 'Q-COLLIDE'))$$,
    'load_flat_dimension: two queue members hash to one key:%',
    'a queue key that already stands for another name fails the batch');
INSERT INTO iwddm.department (department_key, tenant_key, solution_key, department_name)
VALUES (iwddm.member_key('T1', 'S1', 'Forged'), iwddm.member_key('T1'), iwddm.member_key('T1', 'S1'), 'Not Forged');
SELECT throws_like(
    $$SELECT iwddm_test.load(iwddm_test.event(2203, 'T-COLLIDE-2', '2026-11-20T10:00:00Z', 'new', 'Created', NULL, NULL,
                                              '{"category": {"id": "CF", "path": ["Forged", "P"]}}'))$$,
    'load_dimensions: two members hash to one key: department key%',
    'a department key that already stands for another department fails the batch');

SELECT * FROM finish();
ROLLBACK;
