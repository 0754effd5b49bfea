-- iwddm.load_dimensions(new_members): step 2 of load_staged. Creates every dimension member
-- the batch (pg_temp.load_event) names for the first time, updates descriptive names where a
-- higher event id carries a new one, and leaves pg_temp.load_group: the keys of each distinct
-- (tenant, solution, category path) of the batch. Returns {dimension: members added}.
CREATE OR REPLACE PROCEDURE iwddm.load_dimensions(INOUT new_members jsonb DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    added integer;
    flat  record;
BEGIN
    new_members := '{}';
    CREATE TEMP TABLE load_group ON COMMIT DROP AS
    SELECT g.tenant_runtime_id, g.solution_runtime_id, g.category_levels,
           iwddm.member_key(g.tenant_runtime_id) AS tenant_key,
           iwddm.member_key(g.tenant_runtime_id, g.solution_runtime_id) AS solution_key,
           iwddm.member_key(g.tenant_runtime_id, g.solution_runtime_id, g.category_levels[1]) AS department_key,
           iwddm.member_key(g.tenant_runtime_id, g.solution_runtime_id, g.category_levels[1],
                            coalesce(g.category_levels[2], '')) AS process_key,
           iwddm.member_key(g.tenant_runtime_id, g.solution_runtime_id, g.category_levels::text) AS category_key
    FROM (SELECT DISTINCT tenant_runtime_id, solution_runtime_id, category_levels FROM pg_temp.load_event) g;

    FOR flat IN
        SELECT * FROM (VALUES
            ('tenant', ARRAY['tenant_runtime_id'], 'tenant_name'),
            ('capture_point', ARRAY['capture_point_runtime_id'], 'capture_point_name'),
            ('agent', ARRAY['employee_id'], 'agent_name'),
            ('task_event_type', ARRAY['task_event_type_name'], NULL),
            ('queue', ARRAY['queue_name'], NULL),
            ('media_type', ARRAY['media_type_name'], NULL),
            ('media_channel', ARRAY['media_channel_name'], NULL),
            ('customer', ARRAY['customer_id'], NULL),
            ('customer_segment', ARRAY['customer_segment_name'], NULL),
            ('product', ARRAY['product_type', 'product_subtype'], NULL),
            ('skill', ARRAY['skill_name'], NULL),
            ('result_code', ARRAY['result_code_name'], NULL),
            ('source_process', ARRAY['source_process_type', 'source_process_subtype'], NULL),
            ('source_tenant', ARRAY['source_tenant_name'], NULL),
            ('custom_dim', ARRAY['custom_dim_value'], NULL)) AS d(dimension, natural_key, name_column)
    LOOP
        added := iwddm.load_flat_dimension(flat.dimension, flat.natural_key, flat.name_column);
        new_members := new_members || jsonb_build_object(flat.dimension, added);
    END LOOP;

    WITH upserted AS (
        INSERT INTO iwddm.solution AS d (solution_key, tenant_key, solution_runtime_id, solution_name, name_event_id)
        SELECT iwddm.member_key(tenant_runtime_id, solution_runtime_id), iwddm.member_key(tenant_runtime_id),
               solution_runtime_id, solution_name, CASE WHEN solution_name IS NOT NULL THEN task_event_id END
        FROM (SELECT DISTINCT ON (tenant_runtime_id, solution_runtime_id)
                     tenant_runtime_id, solution_runtime_id, solution_name, task_event_id
              FROM (SELECT tenant_runtime_id, solution_runtime_id, solution_name, max(task_event_id) AS task_event_id
                    FROM pg_temp.load_event GROUP BY tenant_runtime_id, solution_runtime_id, solution_name) named
              ORDER BY tenant_runtime_id, solution_runtime_id, solution_name IS NULL, task_event_id DESC) batch
        ON CONFLICT (solution_key) DO UPDATE
            SET solution_name = EXCLUDED.solution_name, name_event_id = EXCLUDED.name_event_id
            WHERE EXCLUDED.name_event_id > coalesce(d.name_event_id, -1)
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('solution', added);

    WITH added_rows AS (
        INSERT INTO iwddm.department (department_key, tenant_key, solution_key, department_name)
        SELECT DISTINCT ON (department_key) department_key, tenant_key, solution_key, category_levels[1]
        FROM pg_temp.load_group ORDER BY department_key
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) INTO added FROM added_rows;
    new_members := new_members || jsonb_build_object('department', added);

    WITH added_rows AS (
        INSERT INTO iwddm.process (process_key, tenant_key, solution_key, department_key, process_name)
        SELECT DISTINCT ON (process_key) process_key, tenant_key, solution_key, department_key,
               coalesce(category_levels[2], '')
        FROM pg_temp.load_group ORDER BY process_key
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) INTO added FROM added_rows;
    new_members := new_members || jsonb_build_object('process', added);

    WITH upserted AS (
        INSERT INTO iwddm.category AS d (category_key, tenant_key, solution_key, department_key, process_key,
            category_levels, category_path, category_runtime_id, runtime_id_event_id,
            category_level1, category_level2, category_level3, category_level4, category_level5,
            category_level6, category_level7, category_level8, category_level9, category_level10)
        SELECT g.category_key, g.tenant_key, g.solution_key, g.department_key, g.process_key,
               g.category_levels, array_to_string(g.category_levels, '/'), b.category_runtime_id,
               CASE WHEN b.category_runtime_id IS NOT NULL THEN b.task_event_id END,
               g.category_levels[1], g.category_levels[2], g.category_levels[3], g.category_levels[4],
               g.category_levels[5], g.category_levels[6], g.category_levels[7], g.category_levels[8],
               g.category_levels[9], g.category_levels[10]
        FROM (SELECT DISTINCT ON (tenant_runtime_id, solution_runtime_id, category_levels)
                     tenant_runtime_id, solution_runtime_id, category_levels, category_runtime_id, task_event_id
              FROM (SELECT tenant_runtime_id, solution_runtime_id, category_levels, category_runtime_id,
                           max(task_event_id) AS task_event_id
                    FROM pg_temp.load_event
                    GROUP BY tenant_runtime_id, solution_runtime_id, category_levels, category_runtime_id) named
              ORDER BY tenant_runtime_id, solution_runtime_id, category_levels,
                       category_runtime_id IS NULL, task_event_id DESC) b
        JOIN pg_temp.load_group g USING (tenant_runtime_id, solution_runtime_id, category_levels)
        ON CONFLICT (category_key) DO UPDATE
            SET category_runtime_id = EXCLUDED.category_runtime_id, runtime_id_event_id = EXCLUDED.runtime_id_event_id
            WHERE EXCLUDED.runtime_id_event_id > coalesce(d.runtime_id_event_id, -1)
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('category', added);
END
$$;
