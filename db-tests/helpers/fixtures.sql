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
