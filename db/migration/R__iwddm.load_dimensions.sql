-- iwddm.load_dimensions(new_members): step 2 of load_staged. Creates every dimension member
-- the batch (pg_temp.load_event) names for the first time, updates descriptive names where a
-- higher event id carries a new one, moves department and process validity back to their
-- earliest event, and leaves pg_temp.load_group: the keys of each distinct
-- (tenant, solution, category path) of the batch. Returns {dimension: members added}.
-- Rows it inserts or changes carry the batch's audit key (SPEC §3.1).
-- The batch's distinct natural keys of every dimension come from one pass over load_event
-- (pg_temp.load_member, one grouping set per dimension); the writes read that small table.
CREATE OR REPLACE PROCEDURE iwddm.load_dimensions(INOUT new_members jsonb DEFAULT NULL)
LANGUAGE plpgsql
-- The one pass's ~19 hash tables take well under 1 MB on a 10,000-event page, but default
-- statistics estimate ~9 MB: at the default hash_mem (8 MB) PostgreSQL sorted the wide page for
-- one of the sets instead (~5 ms). Planning only; a larger batch still gets a sort or spills.
SET hash_mem_multiplier = 8
AS $$
DECLARE
    audit_key bigint := iwddm.batch_audit_key('load_dimensions');
    tz        text := (SELECT timezone FROM iwddm.mart_config);
    added     integer;
    flat      record;
BEGIN
    new_members := '{}';
    -- One pass over the page instead of one per dimension (issue 14: 16 scans and aggregations of
    -- load_event cost ~30 ms). member_set names each grouping set by a column only it groups on;
    -- max(task_event_id) decides names (SPEC §5), min(event_ts) department and process validity.
    CREATE TEMP TABLE load_member ON COMMIT DROP AS
    SELECT CASE WHEN grouping(tenant_name) = 0 THEN 'tenant'
                WHEN grouping(capture_point_runtime_id) = 0 THEN 'capture_point'
                WHEN grouping(employee_id) = 0 THEN 'agent'
                WHEN grouping(requested_employee_id) = 0 THEN 'requested_agent'
                WHEN grouping(task_event_type_name) = 0 THEN 'task_event_type'
                WHEN grouping(queue_name) = 0 THEN 'queue'
                WHEN grouping(media_type_name) = 0 THEN 'media_type'
                WHEN grouping(media_channel_name) = 0 THEN 'media_channel'
                WHEN grouping(customer_id) = 0 THEN 'customer'
                WHEN grouping(customer_segment_name) = 0 THEN 'customer_segment'
                WHEN grouping(product_type) = 0 THEN 'product'
                WHEN grouping(skill_name) = 0 THEN 'skill'
                WHEN grouping(result_code_name) = 0 THEN 'result_code'
                WHEN grouping(source_process_type) = 0 THEN 'source_process'
                WHEN grouping(source_tenant_name) = 0 THEN 'source_tenant'
                WHEN grouping(custom_dim_attribute1) = 0 THEN 'custom_dim'
                WHEN grouping(solution_name) = 0 THEN 'solution'
                WHEN grouping(category_levels) = 0 THEN 'category' END AS member_set,
           tenant_runtime_id, tenant_name, capture_point_runtime_id, capture_point_name, employee_id, agent_name,
           requested_employee_id, task_event_type_name, queue_name, media_type_name, media_channel_name,
           customer_id, customer_segment_name, product_type, product_subtype, skill_name, result_code_name,
           source_process_type, source_process_subtype, source_tenant_name,
           custom_dim_attribute1, custom_dim_attribute2, custom_dim_attribute3, custom_dim_attribute4,
           custom_dim_attribute5, solution_runtime_id, solution_name, category_levels, category_runtime_id,
           max(task_event_id) AS task_event_id, min(event_ts) AS first_ts
    FROM pg_temp.load_event
    GROUP BY GROUPING SETS (
        (tenant_runtime_id, tenant_name), (capture_point_runtime_id, capture_point_name), (employee_id, agent_name),
        (requested_employee_id), (task_event_type_name), (queue_name), (media_type_name), (media_channel_name),
        (customer_id), (customer_segment_name), (product_type, product_subtype), (skill_name), (result_code_name),
        (source_process_type, source_process_subtype), (source_tenant_name),
        (custom_dim_attribute1, custom_dim_attribute2, custom_dim_attribute3, custom_dim_attribute4,
         custom_dim_attribute5),
        (tenant_runtime_id, solution_runtime_id, solution_name),
        (tenant_runtime_id, solution_runtime_id, category_levels, category_runtime_id));
    -- How many rows each set has: estimated at one, the group keys below were hashed in a nested
    -- loop, once per group and process (~30 ms).
    ANALYZE pg_temp.load_member (member_set);

    -- The tenant, solution, department and process keys are hashed once per process (~70 on a
    -- page), not per group (~540; MATERIALIZED, or the keys were computed at the join's output);
    -- arrays compare null elements as equal, so the join matches a missing level as GROUP BY does.
    CREATE TEMP TABLE load_group ON COMMIT DROP AS
    WITH process AS MATERIALIZED (
        SELECT process_path,
               iwddm.member_key(process_path[1]) AS tenant_key,
               iwddm.member_key(process_path[1], process_path[2]) AS solution_key,
               iwddm.member_key(process_path[1], process_path[2], process_path[3]) AS department_key,
               iwddm.member_key(VARIADIC process_path) AS process_key
        FROM (SELECT DISTINCT ARRAY[tenant_runtime_id, solution_runtime_id, category_levels[1],
                                    coalesce(category_levels[2], '')] AS process_path
              FROM pg_temp.load_member WHERE member_set = 'category') p)
    SELECT g.tenant_runtime_id, g.solution_runtime_id, g.category_levels, g.first_ts,
           p.tenant_key, p.solution_key, p.department_key, p.process_key,
           iwddm.member_key(g.tenant_runtime_id, g.solution_runtime_id, g.category_levels::text) AS category_key
    FROM (SELECT tenant_runtime_id, solution_runtime_id, category_levels, min(first_ts) AS first_ts
          FROM pg_temp.load_member WHERE member_set = 'category'
          GROUP BY tenant_runtime_id, solution_runtime_id, category_levels) g
    JOIN process p ON p.process_path = ARRAY[g.tenant_runtime_id, g.solution_runtime_id, g.category_levels[1],
                                             coalesce(g.category_levels[2], '')];

    FOR flat IN
        SELECT * FROM (VALUES
            ('tenant', 'tenant', ARRAY['tenant_runtime_id'], 'tenant_name', NULL::text[]),
            ('capture_point', 'capture_point', ARRAY['capture_point_runtime_id'], 'capture_point_name', NULL),
            ('agent', 'agent', ARRAY['employee_id'], 'agent_name', NULL),
            ('agent', 'requested_agent', ARRAY['employee_id'], NULL, ARRAY['requested_employee_id']),
            ('task_event_type', 'task_event_type', ARRAY['task_event_type_name'], NULL, NULL),
            ('queue', 'queue', ARRAY['queue_name'], NULL, NULL),
            ('media_type', 'media_type', ARRAY['media_type_name'], NULL, NULL),
            ('media_channel', 'media_channel', ARRAY['media_channel_name'], NULL, NULL),
            ('customer', 'customer', ARRAY['customer_id'], NULL, NULL),
            ('customer_segment', 'customer_segment', ARRAY['customer_segment_name'], NULL, NULL),
            ('product', 'product', ARRAY['product_type', 'product_subtype'], NULL, NULL),
            ('skill', 'skill', ARRAY['skill_name'], NULL, NULL),
            ('result_code', 'result_code', ARRAY['result_code_name'], NULL, NULL),
            ('source_process', 'source_process', ARRAY['source_process_type', 'source_process_subtype'], NULL, NULL),
            ('source_tenant', 'source_tenant', ARRAY['source_tenant_name'], NULL, NULL),
            ('custom_dim', 'custom_dim', ARRAY['custom_dim_attribute1', 'custom_dim_attribute2', 'custom_dim_attribute3',
                                               'custom_dim_attribute4', 'custom_dim_attribute5'], NULL, NULL))
            AS d(dimension, member_set, natural_key, name_column, source_columns)
    LOOP
        added := iwddm.load_flat_dimension(flat.dimension, flat.member_set, flat.natural_key, flat.name_column,
                                           flat.source_columns);
        new_members := new_members || jsonb_build_object(flat.dimension,
                                                         coalesce((new_members ->> flat.dimension)::integer, 0) + added);
    END LOOP;

    WITH upserted AS (
        INSERT INTO iwddm.solution AS d (solution_key, tenant_key, solution_runtime_id, solution_name, name_event_id,
                                         created_etl_audit_key, updated_etl_audit_key)
        SELECT iwddm.member_key(tenant_runtime_id, solution_runtime_id), iwddm.member_key(tenant_runtime_id),
               solution_runtime_id, solution_name, CASE WHEN solution_name IS NOT NULL THEN task_event_id END,
               audit_key, audit_key
        FROM (SELECT DISTINCT ON (tenant_runtime_id, solution_runtime_id)
                     tenant_runtime_id, solution_runtime_id, solution_name, task_event_id
              FROM pg_temp.load_member WHERE member_set = 'solution'
              ORDER BY tenant_runtime_id, solution_runtime_id, solution_name IS NULL, task_event_id DESC) batch
        ON CONFLICT (solution_key) DO UPDATE
            SET solution_name = EXCLUDED.solution_name, name_event_id = EXCLUDED.name_event_id,
                updated_etl_audit_key = CASE WHEN d.solution_name IS DISTINCT FROM EXCLUDED.solution_name
                                             THEN audit_key ELSE d.updated_etl_audit_key END
            WHERE EXCLUDED.name_event_id > coalesce(d.name_event_id, -1)
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('solution', added);

    -- Department and process: one version each, valid from the earliest event naming it.
    WITH upserted AS (
        INSERT INTO iwddm.department AS d (department_key, tenant_key, solution_key, department_name,
            valid_from, valid_from_date_key, valid_from_time_key, created_etl_audit_key, updated_etl_audit_key)
        SELECT department_key, tenant_key, solution_key, department_name, first_ts,
               iwddm.local_date_key(first_ts, tz), iwddm.local_time_key(first_ts, tz), audit_key, audit_key
        FROM (SELECT department_key, min(tenant_key) AS tenant_key, min(solution_key) AS solution_key,
                     min(category_levels[1]) AS department_name, min(first_ts) AS first_ts
              FROM pg_temp.load_group GROUP BY department_key) batch
        ON CONFLICT (department_key) DO UPDATE
            SET valid_from = EXCLUDED.valid_from, valid_from_date_key = EXCLUDED.valid_from_date_key,
                valid_from_time_key = EXCLUDED.valid_from_time_key, updated_etl_audit_key = audit_key
            WHERE EXCLUDED.valid_from < d.valid_from OR d.valid_from IS NULL
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('department', added);

    WITH upserted AS (
        INSERT INTO iwddm.process AS d (process_key, tenant_key, solution_key, department_key, process_name,
            valid_from, valid_from_date_key, valid_from_time_key, created_etl_audit_key, updated_etl_audit_key)
        SELECT process_key, tenant_key, solution_key, department_key, process_name, first_ts,
               iwddm.local_date_key(first_ts, tz), iwddm.local_time_key(first_ts, tz), audit_key, audit_key
        FROM (SELECT process_key, min(tenant_key) AS tenant_key, min(solution_key) AS solution_key,
                     min(department_key) AS department_key, min(coalesce(category_levels[2], '')) AS process_name,
                     min(first_ts) AS first_ts
              FROM pg_temp.load_group GROUP BY process_key) batch
        ON CONFLICT (process_key) DO UPDATE
            SET valid_from = EXCLUDED.valid_from, valid_from_date_key = EXCLUDED.valid_from_date_key,
                valid_from_time_key = EXCLUDED.valid_from_time_key, updated_etl_audit_key = audit_key
            WHERE EXCLUDED.valid_from < d.valid_from OR d.valid_from IS NULL
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('process', added);

    WITH upserted AS (
        INSERT INTO iwddm.category AS d (category_key, tenant_key, solution_key, department_key, process_key,
            category_levels, category_path, category_runtime_id, runtime_id_event_id,
            category_level1, category_level2, category_level3, category_level4, category_level5,
            category_level6, category_level7, category_level8, category_level9, category_level10,
            created_etl_audit_key, updated_etl_audit_key)
        SELECT g.category_key, g.tenant_key, g.solution_key, g.department_key, g.process_key,
               g.category_levels, array_to_string(g.category_levels, '/'), b.category_runtime_id,
               CASE WHEN b.category_runtime_id IS NOT NULL THEN b.task_event_id END,
               g.category_levels[1], g.category_levels[2], g.category_levels[3], g.category_levels[4],
               g.category_levels[5], g.category_levels[6], g.category_levels[7], g.category_levels[8],
               g.category_levels[9], g.category_levels[10], audit_key, audit_key
        FROM (SELECT DISTINCT ON (tenant_runtime_id, solution_runtime_id, category_levels)
                     tenant_runtime_id, solution_runtime_id, category_levels, category_runtime_id, task_event_id
              FROM pg_temp.load_member WHERE member_set = 'category'
              ORDER BY tenant_runtime_id, solution_runtime_id, category_levels,
                       category_runtime_id IS NULL, task_event_id DESC) b
        JOIN pg_temp.load_group g USING (tenant_runtime_id, solution_runtime_id, category_levels)
        ON CONFLICT (category_key) DO UPDATE
            SET category_runtime_id = EXCLUDED.category_runtime_id, runtime_id_event_id = EXCLUDED.runtime_id_event_id,
                updated_etl_audit_key = CASE WHEN d.category_runtime_id IS DISTINCT FROM EXCLUDED.category_runtime_id
                                             THEN audit_key ELSE d.updated_etl_audit_key END
            WHERE EXCLUDED.runtime_id_event_id > coalesce(d.runtime_id_event_id, -1)
        RETURNING xmax = 0 AS inserted)
    SELECT count(*) FILTER (WHERE inserted) INTO added FROM upserted;
    new_members := new_members || jsonb_build_object('category', added);
    CALL iwddm.check_group_collisions();
    -- load_staged drops the step tables it knows of, so that a caller can load twice in one transaction.
    DROP TABLE pg_temp.load_member;
END
$$;
