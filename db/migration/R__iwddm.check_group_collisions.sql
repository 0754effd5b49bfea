-- iwddm.check_group_collisions(): part of load_dimensions. The tenant, solution, department,
-- process and category keys of the batch's groups (pg_temp.load_group) are hashes of their
-- natural keys; fails the batch when one key stands for two natural keys, within the batch or
-- against a stored member (a 64-bit iwddm.member_key collision), rather than merge them.
CREATE OR REPLACE PROCEDURE iwddm.check_group_collisions()
LANGUAGE plpgsql
AS $$
DECLARE
    clash text;
BEGIN
    IF to_regclass('pg_temp.load_group') IS NULL THEN
        RAISE EXCEPTION 'iwddm.check_group_collisions() is a step of iwddm.load_staged and cannot be called on its own'
            USING HINT = 'Stage events in iwddm.stage_task_event and CALL iwddm.load_staged(); it runs every step.';
    END IF;
    SELECT format('%s key %s stands for %s and %s', dim, member, a, b) INTO clash
    FROM (
        SELECT 'tenant' AS dim, g.tenant_key AS member, g.tenant_runtime_id AS a, d.tenant_runtime_id AS b
        FROM pg_temp.load_group g JOIN iwddm.tenant d USING (tenant_key)
        WHERE d.tenant_runtime_id IS DISTINCT FROM g.tenant_runtime_id
        UNION ALL
        SELECT 'solution', g.solution_key, ROW(g.tenant_key, g.solution_runtime_id)::text,
               ROW(d.tenant_key, d.solution_runtime_id)::text
        FROM pg_temp.load_group g JOIN iwddm.solution d USING (solution_key)
        WHERE (d.tenant_key, d.solution_runtime_id) IS DISTINCT FROM (g.tenant_key, g.solution_runtime_id)
        UNION ALL
        SELECT 'department', g.department_key, ROW(g.solution_key, g.category_levels[1])::text,
               ROW(d.solution_key, d.department_name)::text
        FROM pg_temp.load_group g JOIN iwddm.department d USING (department_key)
        WHERE (d.solution_key, d.department_name) IS DISTINCT FROM (g.solution_key, g.category_levels[1])
        UNION ALL
        SELECT 'process', g.process_key, ROW(g.department_key, coalesce(g.category_levels[2], ''))::text,
               ROW(d.department_key, d.process_name)::text
        FROM pg_temp.load_group g JOIN iwddm.process d USING (process_key)
        WHERE (d.department_key, d.process_name) IS DISTINCT FROM (g.department_key, coalesce(g.category_levels[2], ''))
        UNION ALL
        SELECT 'category', g.category_key, ROW(g.solution_key, g.category_levels)::text,
               ROW(d.solution_key, d.category_levels)::text
        FROM pg_temp.load_group g JOIN iwddm.category d USING (category_key)
        WHERE (d.solution_key, d.category_levels) IS DISTINCT FROM (g.solution_key, g.category_levels)
    ) clashes
    LIMIT 1;
    IF clash IS NOT NULL THEN
        RAISE EXCEPTION 'load_dimensions: two members hash to one key: %', clash
            USING HINT = 'A 64-bit iwddm.member_key collision; nothing of this batch was loaded. Report it: the key '
                         'function must be widened before these events can load.';
    END IF;
END
$$;
