-- iwddm.gim_apply_agent_names(updated): copies agent names read from the tenant's Info Mart
-- (GIM resource_ rows, staged by the driver in the temporary table gim_resource(employee_id,
-- resource_name, agent_first_name, agent_last_name)) onto iwddm.agent, matching employee_id
-- (SPEC §7). A null GIM value keeps the mart's; an employee_id present twice in GIM takes the
-- row with the greatest names, so the result does not depend on row order. Returns how many
-- agents changed.
CREATE OR REPLACE PROCEDURE iwddm.gim_apply_agent_names(INOUT updated integer DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
    audit_key bigint;
BEGIN
    IF to_regclass('pg_temp.gim_resource') IS NULL THEN
        RAISE EXCEPTION 'gim_apply_agent_names: the temporary table gim_resource does not exist'
            USING HINT = 'CREATE TEMP TABLE gim_resource (employee_id text, resource_name text, '
                         'agent_first_name text, agent_last_name text) and fill it from GIM resource_ first.';
    END IF;
    CREATE TEMP TABLE gim_agent_change ON COMMIT DROP AS
    WITH gim AS (
        SELECT DISTINCT ON (r.employee_id) r.employee_id, r.resource_name, r.agent_first_name, r.agent_last_name
        FROM pg_temp.gim_resource r
        WHERE r.employee_id IS NOT NULL
        ORDER BY r.employee_id, r.resource_name DESC NULLS LAST, r.agent_first_name DESC NULLS LAST,
                 r.agent_last_name DESC NULLS LAST
    )
    SELECT a.agent_key, coalesce(g.resource_name, a.agent_name) AS agent_name,
           coalesce(g.agent_first_name, a.agent_first_name) AS agent_first_name,
           coalesce(g.agent_last_name, a.agent_last_name) AS agent_last_name
    FROM iwddm.agent a JOIN gim g ON a.employee_id = g.employee_id
    WHERE (a.agent_name, a.agent_first_name, a.agent_last_name) IS DISTINCT FROM
          (coalesce(g.resource_name, a.agent_name), coalesce(g.agent_first_name, a.agent_first_name),
           coalesce(g.agent_last_name, a.agent_last_name));
    updated := 0;
    IF EXISTS (SELECT 1 FROM pg_temp.gim_agent_change) THEN
        -- The agents GIM renames carry this operation's audit key (SPEC §3.1).
        INSERT INTO iwddm.etl_audit (entry_kind, run_status, started_at, finished_at, process_name, message)
        VALUES ('maintenance', 'done', clock_timestamp(), clock_timestamp(), 'gim_agent_names',
                'agent names read from GIM')
        RETURNING etl_audit_key INTO audit_key;
        UPDATE iwddm.agent a
        SET agent_name = c.agent_name, agent_first_name = c.agent_first_name, agent_last_name = c.agent_last_name,
            updated_etl_audit_key = audit_key
        FROM pg_temp.gim_agent_change c WHERE a.agent_key = c.agent_key;
        GET DIAGNOSTICS updated = ROW_COUNT;
    END IF;
    DROP TABLE pg_temp.gim_agent_change;
END
$$;
