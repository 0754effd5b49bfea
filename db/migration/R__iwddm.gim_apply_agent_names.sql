-- iwddm.gim_apply_agent_names(updated): copies agent names read from the tenant's Info Mart
-- (GIM resource_ rows, staged by the driver in the temporary table gim_resource(employee_id,
-- resource_name, agent_first_name, agent_last_name)) onto iwddm.agent, matching employee_id
-- (SPEC §7). A null GIM value keeps the mart's; an employee_id present twice in GIM takes the
-- row with the greatest names, so the result does not depend on row order. Returns how many
-- agents changed.
CREATE OR REPLACE PROCEDURE iwddm.gim_apply_agent_names(INOUT updated integer DEFAULT NULL)
LANGUAGE plpgsql
AS $$
BEGIN
    IF to_regclass('pg_temp.gim_resource') IS NULL THEN
        RAISE EXCEPTION 'gim_apply_agent_names: the temporary table gim_resource does not exist'
            USING HINT = 'CREATE TEMP TABLE gim_resource (employee_id text, resource_name text, '
                         'agent_first_name text, agent_last_name text) and fill it from GIM resource_ first.';
    END IF;
    WITH gim AS (
        SELECT DISTINCT ON (r.employee_id) r.employee_id, r.resource_name, r.agent_first_name, r.agent_last_name
        FROM pg_temp.gim_resource r
        WHERE r.employee_id IS NOT NULL
        ORDER BY r.employee_id, r.resource_name DESC NULLS LAST, r.agent_first_name DESC NULLS LAST,
                 r.agent_last_name DESC NULLS LAST
    )
    UPDATE iwddm.agent a
    SET agent_name = coalesce(g.resource_name, a.agent_name),
        agent_first_name = coalesce(g.agent_first_name, a.agent_first_name),
        agent_last_name = coalesce(g.agent_last_name, a.agent_last_name)
    FROM gim g
    WHERE a.employee_id = g.employee_id
      AND (a.agent_name, a.agent_first_name, a.agent_last_name) IS DISTINCT FROM
          (coalesce(g.resource_name, a.agent_name), coalesce(g.agent_first_name, a.agent_first_name),
           coalesce(g.agent_last_name, a.agent_last_name));
    GET DIAGNOSTICS updated = ROW_COUNT;
END
$$;
