-- Fixture builders for the pgTAP suites (schema iwddm_test). Loaded once per test database
-- by scripts/test-in-cluster; every suite runs in a transaction it rolls back.
CREATE SCHEMA IF NOT EXISTS iwddm_test;

-- A TaskEvent's JSON text (FEED.md). The task snapshot defaults to tenant T1 "Acme",
-- solution S1 "Production", category path ["Billing", "Refunds"], media "workitem";
-- task_attrs is merged over those defaults (a key set to null removes nothing: it is null).
CREATE OR REPLACE FUNCTION iwddm_test.event(
    id bigint, task_id text, ts text, status text,
    event_type text DEFAULT 'Updated', queue text DEFAULT NULL, agent text DEFAULT NULL,
    task_attrs jsonb DEFAULT '{}')
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT jsonb_build_object(
        'id', id, 'taskId', task_id, 'eventType', event_type, 'timestamp', ts,
        'status', status, 'queue', queue,
        'agent', CASE WHEN agent IS NOT NULL
                      THEN jsonb_build_object('employeeId', agent, 'name', 'Agent ' || agent) END,
        'task', jsonb_build_object(
                    'captureId', 'CAP-' || task_id,
                    'tenant', jsonb_build_object('id', 'T1', 'name', 'Acme'),
                    'solution', jsonb_build_object('id', 'S1', 'name', 'Production'),
                    'category', jsonb_build_object('id', 'C1', 'path', jsonb_build_array('Billing', 'Refunds')),
                    'mediaType', 'workitem') || task_attrs)::text
$$;

-- Stages raw event texts, as a \copy would.
CREATE OR REPLACE FUNCTION iwddm_test.stage(VARIADIC raws text[])
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO iwddm.stage_task_event (raw) SELECT unnest(raws)
$$;

-- Stages raw event texts and loads them in one batch.
CREATE OR REPLACE FUNCTION iwddm_test.load(VARIADIC raws text[])
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM iwddm_test.stage(VARIADIC raws);
    CALL iwddm.load_staged();
END
$$;

-- The key of a named queue / agent (employee id), for readable expectations.
CREATE OR REPLACE FUNCTION iwddm_test.queue_key(name text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT queue_key FROM iwddm.queue WHERE queue_name = name $$;

CREATE OR REPLACE FUNCTION iwddm_test.agent_key(employee text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT agent_key FROM iwddm.agent WHERE employee_id = employee $$;

CREATE OR REPLACE FUNCTION iwddm_test.status_key(name text) RETURNS smallint
LANGUAGE sql STABLE AS $$ SELECT status_key FROM iwddm.status WHERE status_name = name $$;

-- Variations of an event text, for attributes the builder does not take (renamed agents,
-- missing or malformed fields). path is a jsonb path such as '{task,category,path}'.
CREATE OR REPLACE FUNCTION iwddm_test.with_value(raw text, path text[], value jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT jsonb_set(raw::jsonb, path, coalesce(value, 'null'::jsonb), true)::text $$;

CREATE OR REPLACE FUNCTION iwddm_test.without(raw text, path text[])
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT (raw::jsonb #- path)::text $$;

-- The event text with its agent replaced by {employeeId, name} (name may be null).
CREATE OR REPLACE FUNCTION iwddm_test.with_agent(raw text, employee text, name text)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT iwddm_test.with_value(raw, '{agent}', jsonb_build_object('employeeId', employee, 'name', name)) $$;

-- UTC epoch seconds of an instant: interval keys written by hand as their start instant.
CREATE OR REPLACE FUNCTION iwddm_test.epoch(ts timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$ SELECT extract(epoch FROM ts)::bigint $$;

-- Keys of static members by name, and of feed-fed members by natural key (defaults: the
-- builder's tenant T1 and solution S1).
CREATE OR REPLACE FUNCTION iwddm_test.event_type_key(name text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT task_event_type_key FROM iwddm.task_event_type WHERE task_event_type_name = name $$;

CREATE OR REPLACE FUNCTION iwddm_test.priority_key(band text) RETURNS smallint
LANGUAGE sql STABLE AS $$ SELECT priority_key FROM iwddm.priority WHERE priority_name = band $$;

CREATE OR REPLACE FUNCTION iwddm_test.business_value_key(band text) RETURNS smallint
LANGUAGE sql STABLE AS $$ SELECT business_value_key FROM iwddm.business_value WHERE business_value_name = band $$;

CREATE OR REPLACE FUNCTION iwddm_test.tenant_key(runtime_id text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT tenant_key FROM iwddm.tenant WHERE tenant_runtime_id = runtime_id $$;

CREATE OR REPLACE FUNCTION iwddm_test.solution_key(runtime_id text, tenant_id text DEFAULT 'T1') RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT solution_key FROM iwddm.solution
    WHERE solution_runtime_id = runtime_id AND tenant_key = iwddm_test.tenant_key(tenant_id)
$$;

CREATE OR REPLACE FUNCTION iwddm_test.department_key(name text, solution_id text DEFAULT 'S1', tenant_id text DEFAULT 'T1')
RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT department_key FROM iwddm.department
    WHERE department_name = name AND solution_key = iwddm_test.solution_key(solution_id, tenant_id)
$$;

CREATE OR REPLACE FUNCTION iwddm_test.process_key(department text, name text, solution_id text DEFAULT 'S1', tenant_id text DEFAULT 'T1')
RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT process_key FROM iwddm.process
    WHERE process_name = name AND department_key = iwddm_test.department_key(department, solution_id, tenant_id)
$$;

-- The category member of a full path (1 to 10 levels).
CREATE OR REPLACE FUNCTION iwddm_test.category_key(path text[], solution_id text DEFAULT 'S1', tenant_id text DEFAULT 'T1')
RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT category_key FROM iwddm.category
    WHERE solution_key = iwddm_test.solution_key(solution_id, tenant_id)
      AND ARRAY[category_level1, category_level2, category_level3, category_level4, category_level5,
                category_level6, category_level7, category_level8, category_level9, category_level10]
          IS NOT DISTINCT FROM (path || array_fill(NULL::text, ARRAY[10 - cardinality(path)]))
$$;

CREATE OR REPLACE FUNCTION iwddm_test.capture_point_key(runtime_id text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT capture_point_key FROM iwddm.capture_point WHERE capture_point_runtime_id = runtime_id $$;

CREATE OR REPLACE FUNCTION iwddm_test.media_type_key(name text) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT media_type_key FROM iwddm.media_type WHERE media_type_name = name $$;

-- Every row of the aggregate views of the given buckets ('15min', 'day', ...), as
-- (view name, row as jsonb text), for comparing the views before and after an operation.
CREATE OR REPLACE FUNCTION iwddm_test.agg_view_rows(buckets text[])
RETURNS TABLE (view_name text, row_text text)
LANGUAGE plpgsql
AS $$
DECLARE
    v text;
BEGIN
    FOR v IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'iwddm' AND c.relkind = 'v' AND c.relname LIKE 'iwd\_agg\_%'
               AND substring(c.relname FROM '_([a-z0-9]+)$') = ANY (buckets)
             ORDER BY c.relname LOOP
        RETURN QUERY EXECUTE format('SELECT %L::text, to_jsonb(t)::text FROM iwddm.%I t', v, v);
    END LOOP;
END
$$;

-- Rows per fact and flow table of the given tasks, for checking what a purge removed.
CREATE OR REPLACE FUNCTION iwddm_test.task_rows(tasks text[])
RETURNS TABLE (table_name text, row_count bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT unnest(ARRAY['h_task_event_fact', 'h_task_work_fact', 'h_task_fact',
                                 'i_task_event_fact', 'i_task_work_fact', 'i_task_fact'])
             UNION ALL SELECT 'agg_' || area || '_flow' FROM iwddm.agg_area LOOP
        RETURN QUERY EXECUTE format('SELECT %L::text, count(*) FROM iwddm.%I WHERE interaction_id = ANY ($1)', t, t)
            USING tasks;
    END LOOP;
END
$$;

-- The HINT of the error a statement raises; null when it raises none (or one without a hint).
CREATE OR REPLACE FUNCTION iwddm_test.error_hint(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    hint text;
BEGIN
    EXECUTE statement;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
    RETURN hint;
END
$$;

-- The group of the builder's default task in task_classif / task_age (T1, S1, Billing/Refunds).
CREATE OR REPLACE FUNCTION iwddm_test.classif_group() RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('tenant_key', iwddm_test.tenant_key('T1'), 'solution_key', iwddm_test.solution_key('S1'),
                              'department_key', iwddm_test.department_key('Billing'),
                              'process_key', iwddm_test.process_key('Billing', 'Refunds'))
$$;

-- An event text as the job stages it when it vouches for it (iwddm.stage_typed_event's typed
-- columns, member keys computed), taken from the database's own parse of the text, so a suite
-- can stage the same event typed and raw. The text must be good and not loaded before; as it
-- parses through the staging table, nothing may be staged yet.
CREATE OR REPLACE FUNCTION iwddm_test.typed(raw text)
RETURNS iwddm.stage_typed_event
LANGUAGE plpgsql
AS $$
DECLARE
    typed iwddm.stage_typed_event;
BEGIN
    IF EXISTS (SELECT 1 FROM iwddm.stage_task_event) OR EXISTS (SELECT 1 FROM iwddm.stage_typed_event) THEN
        RAISE EXCEPTION 'iwddm_test.typed(): events are staged already, and its parse would claim them'
            USING HINT = 'Build the typed rows first, then stage.';
    END IF;
    PERFORM iwddm_test.stage(raw);
    PERFORM set_config('iwddm.etl_audit_key', '-1', true);
    CALL iwddm.load_parse_staged();
    PERFORM set_config('iwddm.etl_audit_key', '', true);
    -- The typed columns by name (load_event has them all, and more); staged later, so no stage_id.
    SELECT (jsonb_populate_record(NULL::iwddm.stage_typed_event, to_jsonb(e) - 'stage_id')).*
      INTO STRICT typed FROM pg_temp.load_event e;
    DROP TABLE pg_temp.load_raw, pg_temp.load_event;
    RETURN typed;
END
$$;

-- Stages typed rows (from iwddm_test.typed) as the job's COPY does: in order, each taking the
-- next stage_id, the one order iwddm.stage_task_event's rows share.
CREATE OR REPLACE FUNCTION iwddm_test.stage_typed_rows(VARIADIC typed_rows iwddm.stage_typed_event[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    typed iwddm.stage_typed_event;
BEGIN
    FOREACH typed IN ARRAY typed_rows LOOP
        typed.stage_id := nextval(pg_get_serial_sequence('iwddm.stage_task_event', 'stage_id'));
        INSERT INTO iwddm.stage_typed_event SELECT typed.*;
    END LOOP;
END
$$;

-- Stages event texts as the job stages the events it vouches for: typed, in order.
CREATE OR REPLACE FUNCTION iwddm_test.stage_typed(VARIADIC raws text[])
RETURNS void
LANGUAGE sql
AS $$
    SELECT iwddm_test.stage_typed_rows(VARIADIC array_agg(iwddm_test.typed(r) ORDER BY i))
    FROM unnest(raws) WITH ORDINALITY AS u(r, i)
$$;

-- Stages event texts typed into one of the job's staging slots (iwddm.stage_ahead_0 or _1), as the
-- job's second connection does for the page after the one loading; the slot's default takes the
-- next stage_id.
CREATE OR REPLACE FUNCTION iwddm_test.stage_ahead(slot text, VARIADIC raws text[])
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    raw   text;
    typed iwddm.stage_typed_event;
BEGIN
    FOREACH raw IN ARRAY raws LOOP
        typed := iwddm_test.typed(raw);
        typed.stage_id := nextval(pg_get_serial_sequence('iwddm.stage_task_event', 'stage_id'));
        EXECUTE format('INSERT INTO iwddm.%I SELECT ($1).*', slot) USING typed;
    END LOOP;
END
$$;

-- Every row of the task facts, event and work facts, feed-fed dimensions and 15-minute views,
-- as (table, row as jsonb text) without the audit keys (a batch's key differs from run to
-- run): what two ways of loading the same events must agree on.
CREATE OR REPLACE FUNCTION iwddm_test.mart_rows()
RETURNS TABLE (table_name text, row_text text)
LANGUAGE plpgsql
AS $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT unnest(ARRAY['task_fact', 'task_event_fact', 'task_work_fact', 'tenant', 'solution',
                                 'department', 'process', 'category', 'queue', 'agent', 'capture_point',
                                 'media_type', 'media_channel', 'customer', 'customer_segment', 'product',
                                 'skill', 'result_code', 'source_process', 'source_tenant', 'custom_dim',
                                 'task_event_type'])
             UNION ALL SELECT 'agg_' || area || '_15min' FROM iwddm.agg_area LOOP
        RETURN QUERY EXECUTE format(
            'SELECT %L::text, (to_jsonb(t) - ARRAY[''created_etl_audit_key'', ''updated_etl_audit_key''])::text FROM iwddm.%I t',
            t, t);
    END LOOP;
END
$$;
