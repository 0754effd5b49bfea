-- iwddm.load_parse_staged(): step 1 of load_staged. Claims every staged row, parses and
-- validates it, quarantines bad events in rejected_event (once per distinct text, with the
-- event and interaction ids whenever they can be read, and the reason), and
-- leaves the good events not loaded before in pg_temp.load_event (one row per event id, typed,
-- with the member keys of the feed-fed dimensions: iwddm.member_key of each natural key).
-- Two sources, one staging order (stage_id): iwddm.stage_task_event (raw text: a DBA's \copy)
-- and the typed staging (the job: events it vouched for arrive typed, keys computed, and skip
-- the check; the others arrive as raw text and get the same check as a \copy'd event), which is
-- the caller's pg_temp.stage_typed_event (the job's, per transaction), the staging slot named by
-- the setting iwddm.staged_ahead (iwddm.stage_ahead_0 or _1: a page the job staged on its second
-- connection while the page before loaded; read where it is, and the setting cleared) and
-- iwddm.stage_typed_event.
-- Contract: runs inside load_staged's transaction; pg_temp.load_raw keeps every claimed row
-- (doc, problems, plain_id: the id when it is a plain integer; raw only when bad; a typed row
-- has no doc) for the batch's audit figures.
-- Cost (issue 14): the reasons are built only for the events iwddm.event_surely_good cannot
-- vouch for, and the batch is parsed, checked and typed in one attempt; a value that passes that
-- test but fails its cast sends the batch to a second attempt with the full check for every
-- event, and a text jsonb refuses to a third, row-by-row one.
CREATE OR REPLACE PROCEDURE iwddm.load_parse_staged()
LANGUAGE plpgsql
AS $$
DECLARE
    attempt integer;
    ahead   text := nullif(current_setting('iwddm.staged_ahead', true), '');
BEGIN
    IF ahead IS NOT NULL AND ahead NOT IN ('stage_ahead_0', 'stage_ahead_1') THEN
        RAISE EXCEPTION 'load_staged: iwddm.staged_ahead is %, which is not a staging slot', ahead
            USING HINT = 'The job sets it to the slot it staged the page in (stage_ahead_0 or stage_ahead_1); leave it unset to load what is staged in iwddm.stage_task_event and iwddm.stage_typed_event.';
    END IF;
    PERFORM iwddm.batch_audit_key('load_parse_staged');  -- only inside load_staged: it consumes staging
    CREATE TEMP TABLE load_raw (stage_id bigint, raw text, doc jsonb, problems text[],
                                event_id bigint, interaction_id text, plain_id bigint) ON COMMIT DROP;
    -- The good raw events, typed, before duplicates and events loaded before drop out (the job's
    -- typed rows go straight to load_event below).
    CREATE TEMP TABLE load_candidate ON COMMIT DROP AS
    SELECT * FROM iwddm.stage_typed_event WHERE false;
    ALTER TABLE pg_temp.load_candidate DROP COLUMN raw;
    -- The typed staging, claimed: the attempts below read the raw texts from here, the typed rows
    -- go to load_event from here. The job stages each page in its transaction's own
    -- pg_temp.stage_typed_event (same columns): that table becomes the claim as it is (moving a
    -- page out of a shared table cost ~30 ms a page). Rows staged in iwddm.stage_typed_event join
    -- it, in ONE pass: after a big load that table holds dead rows until it is vacuumed, and every
    -- scan reads them all.
    IF to_regclass('pg_temp.stage_typed_event') IS NOT NULL THEN
        ALTER TABLE pg_temp.stage_typed_event RENAME TO load_typed_claim;
    ELSE
        CREATE TEMP TABLE load_typed_claim (LIKE iwddm.stage_typed_event) ON COMMIT DROP;
    END IF;
    WITH claimed AS (DELETE FROM iwddm.stage_typed_event RETURNING *)
    INSERT INTO pg_temp.load_typed_claim SELECT * FROM claimed;
    -- Every typed row: the claim, and a page staged ahead read where it is (copying it into the
    -- claim cost ~10 ms a page). The slot is left as it is: emptying it here would make the load
    -- wait for any session reading it, and a load of it again finds every event loaded. The job
    -- empties a slot before it stages into it and when its run ends, and names only a slot it has
    -- just staged.
    IF ahead IS NOT NULL THEN
        EXECUTE format('CREATE TEMP VIEW load_typed_staged AS'
                       ' SELECT * FROM pg_temp.load_typed_claim UNION ALL SELECT * FROM iwddm.%I', ahead);
    ELSE
        CREATE TEMP VIEW load_typed_staged AS SELECT * FROM pg_temp.load_typed_claim;
    END IF;
    -- Three attempts, each undone as a whole if it fails: the first parses, checks (cheaply) and
    -- types the whole batch in a few statements; the second does the same with the full check
    -- for every event, so a value the cheap check let through but its cast refuses (a 02-30) is
    -- rejected with its reasons; the third reads each text on its own, for texts jsonb refuses.
    -- The OFFSET 0 fences make PostgreSQL parse each text and extract its task once, not at every
    -- use. Only a bad event's text is kept (for rejected_event): the good ones are in doc.
    -- problem_text adds what only the text shows (an id written 1.5e2 or given twice).
    FOR attempt IN 1 .. 3 LOOP
        BEGIN
            IF attempt <= 2 THEN
                WITH claimed AS (DELETE FROM iwddm.stage_task_event RETURNING stage_id, raw),
                     claimed_typed AS (SELECT stage_id, raw FROM pg_temp.load_typed_staged WHERE raw IS NOT NULL)
                INSERT INTO pg_temp.load_raw (stage_id, raw, doc, problems, plain_id)
                SELECT stage_id, CASE WHEN cardinality(problems) > 0 THEN raw END, doc, problems,
                       iwddm.plain_event_id(doc)
                FROM (SELECT stage_id, raw, doc,
                             CASE WHEN attempt = 1 AND iwddm.event_surely_good(raw, doc, task, status_known) THEN '{}'::text[]
                                  ELSE iwddm.event_problems(doc, task, status_known) || iwddm.problem_text(raw, doc, task) END AS problems
                      FROM (SELECT p.*, p.doc -> 'task' AS task, s.status_key IS NOT NULL AS status_known
                      FROM (SELECT stage_id, raw, raw::jsonb AS doc
                            FROM (SELECT * FROM claimed UNION ALL SELECT * FROM claimed_typed) c OFFSET 0) p
                            LEFT JOIN iwddm.status s ON s.status_name = p.doc ->> 'status'
                            OFFSET 0) parsed
                      OFFSET 0) checked;
            ELSE
                -- A text jsonb refuses gets the reason PostgreSQL gave, and its ids read another way.
                WITH claimed AS (DELETE FROM iwddm.stage_task_event RETURNING stage_id, raw),
                     claimed_typed AS (SELECT stage_id, raw FROM pg_temp.load_typed_staged WHERE raw IS NOT NULL)
                INSERT INTO pg_temp.load_raw
                SELECT stage_id, raw, doc,
                       CASE WHEN doc IS NOT NULL
                            THEN iwddm.event_problems(doc, task, status_known) || iwddm.problem_text(raw, doc, task)
                            ELSE ARRAY[coalesce(iwddm.problem_unparsable(raw), 'the text is not valid JSON')] END,
                       identity.event_id, identity.interaction_id,
                       iwddm.plain_event_id(doc)
                FROM (SELECT p.*, p.doc -> 'task' AS task, s.status_key IS NOT NULL AS status_known
                      FROM (SELECT stage_id, raw, iwddm.try_jsonb(raw) AS doc
                            FROM (SELECT * FROM claimed UNION ALL SELECT * FROM claimed_typed) c OFFSET 0) p
                      LEFT JOIN iwddm.status s ON s.status_name = p.doc ->> 'status'
                      OFFSET 0) parsed
                LEFT JOIN LATERAL iwddm.try_event_identity(CASE WHEN parsed.doc IS NULL THEN parsed.raw END) identity ON true;
            END IF;
            -- The good raw events, typed the way the job types them (keys: iwddm.member_key, as
            -- iwddm.load_flat_dimension creates the members).
            INSERT INTO pg_temp.load_candidate
            SELECT e.*,
                   iwddm.member_key(e.task_event_type_name), iwddm.member_key(e.queue_name),
                   iwddm.member_key(e.employee_id), iwddm.member_key(e.capture_point_runtime_id),
                   iwddm.member_key(e.media_type_name), iwddm.member_key(e.media_channel_name),
                   iwddm.member_key(e.customer_id), iwddm.member_key(e.customer_segment_name),
                   iwddm.member_key(e.product_type, e.product_subtype), iwddm.member_key(e.skill_name),
                   iwddm.member_key(e.requested_employee_id), iwddm.member_key(e.result_code_name),
                   iwddm.member_key(e.source_process_type, e.source_process_subtype),
                   iwddm.member_key(e.source_tenant_name)
            FROM (
                -- jsonb_to_record types the plain fields in one call each (cheaper than one operator per field).
                SELECT r.stage_id, ev.id AS task_event_id, ev."taskId" AS interaction_id, ev."eventType" AS task_event_type_name,
                       ev."timestamp" AS event_ts, ev.status AS status_name, ev.queue AS queue_name,
                       d -> 'agent' ->> 'employeeId'             AS employee_id,
                       d -> 'agent' ->> 'name'                   AS agent_name,
                       t -> 'tenant' ->> 'id'                    AS tenant_runtime_id,
                       t -> 'tenant' ->> 'name'                  AS tenant_name,
                       t -> 'solution' ->> 'id'                  AS solution_runtime_id,
                       t -> 'solution' ->> 'name'                AS solution_name,
                       t -> 'category' ->> 'id'                  AS category_runtime_id,
                       ARRAY(SELECT jsonb_array_elements_text(t -> 'category' -> 'path')) AS category_levels,
                       t -> 'capturePoint' ->> 'id'              AS capture_point_runtime_id,
                       t -> 'capturePoint' ->> 'name'            AS capture_point_name,
                       tk."mediaType" AS media_type_name, tk.channel AS media_channel_name, tk.priority,
                       tk."businessValue" AS business_value, tk."dueDateTime" AS due_ts, tk."createdDateTime" AS task_created_ts,
                       tk."captureId" AS capture_id, tk."customerId" AS customer_id, tk."customerSegment" AS customer_segment_name,
                       tk."productType" AS product_type, tk."productSubtype" AS product_subtype, tk."requestedSkill" AS skill_name,
                       tk."resultCode" AS result_code_name, tk."sourceTenant" AS source_tenant_name,
                       tk."sourceProcessType" AS source_process_type, tk."sourceProcessSubtype" AS source_process_subtype,
                       tk."requestedAgent" AS requested_employee_id, tk."activationDateTime" AS activation_ts,
                       tk."sourceCreatedDateTime" AS source_created_ts, tk."sourceFirstCreatedDateTime" AS source_first_created_ts,
                       tk."expirationDateTime" AS expiration_ts,
                       nullif(t -> 'data', 'null'::jsonb)        AS custom_data
                FROM pg_temp.load_raw r
                CROSS JOIN LATERAL (SELECT r.doc AS d, r.doc -> 'task' AS t OFFSET 0) parts
                CROSS JOIN LATERAL jsonb_to_record(d) AS ev(id bigint, "taskId" text, "eventType" text, "timestamp" timestamptz,
                                                             status text, queue text)
                CROSS JOIN LATERAL jsonb_to_record(t) AS tk("mediaType" text, channel text, priority integer,
                    "businessValue" integer, "dueDateTime" timestamptz, "createdDateTime" timestamptz, "captureId" text,
                    "customerId" text, "customerSegment" text, "productType" text, "productSubtype" text,
                    "requestedSkill" text, "resultCode" text, "sourceTenant" text, "sourceProcessType" text,
                    "sourceProcessSubtype" text, "requestedAgent" text, "activationDateTime" timestamptz,
                    "sourceCreatedDateTime" timestamptz, "sourceFirstCreatedDateTime" timestamptz,
                    "expirationDateTime" timestamptz)
                WHERE r.doc IS NOT NULL AND cardinality(r.problems) = 0
            ) e;
            -- Which attempt loaded the batch (1: cheap check, 2: full check, 3: row by row), for
            -- diagnosis and tests.
            PERFORM set_config('iwddm.parse_attempt', attempt::text, true);
            EXIT;
        EXCEPTION WHEN data_exception OR program_limit_exceeded THEN
            IF attempt = 3 THEN
                RAISE;  -- every event was checked fully: a failure now is a bug, not bad input
            END IF;
        END;
    END LOOP;

    -- The good events not loaded before, with the mapped task.data keys (mart settings;
    -- uncorrelated, so read once per batch); then one row per event id (the first staged wins).
    CREATE TEMP TABLE load_event (LIKE pg_temp.load_candidate,
        custom_dim_attribute1 text, custom_dim_attribute2 text, custom_dim_attribute3 text,
        custom_dim_attribute4 text, custom_dim_attribute5 text,
        custom_attribute1 text, custom_attribute2 text, custom_attribute3 text, custom_attribute4 text,
        custom_attribute5 text, custom_attribute6 text, custom_attribute7 text, custom_attribute8 text,
        custom_attribute9 text, custom_attribute10 text) ON COMMIT DROP;
    -- The job's typed rows, each counted in load_raw as a good event, join the raw candidates.
    WITH counted AS (INSERT INTO pg_temp.load_raw (stage_id, problems, plain_id)
                     SELECT stage_id, '{}', task_event_id FROM pg_temp.load_typed_staged WHERE raw IS NULL)
    INSERT INTO pg_temp.load_event
    SELECT c.*,
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_dim_attribute_map WHERE slot = 1),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_dim_attribute_map WHERE slot = 2),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_dim_attribute_map WHERE slot = 3),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_dim_attribute_map WHERE slot = 4),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_dim_attribute_map WHERE slot = 5),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 1),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 2),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 3),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 4),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 5),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 6),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 7),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 8),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 9),
           c.custom_data ->> (SELECT data_key FROM iwddm.custom_attribute_map WHERE slot = 10)
    FROM (SELECT stage_id, task_event_id, interaction_id, task_event_type_name, event_ts, status_name, queue_name,
                 employee_id, agent_name, tenant_runtime_id, tenant_name, solution_runtime_id, solution_name,
                 category_runtime_id, category_levels, capture_point_runtime_id, capture_point_name, media_type_name,
                 media_channel_name, priority, business_value, due_ts, task_created_ts, capture_id, customer_id,
                 customer_segment_name, product_type, product_subtype, skill_name, result_code_name, source_tenant_name,
                 source_process_type, source_process_subtype, requested_employee_id, activation_ts, source_created_ts,
                 source_first_created_ts, expiration_ts, custom_data, task_event_type_key, queue_key, assigned_agent_key,
                 capture_point_key, media_type_key, media_channel_key, customer_key, customer_segment_key, product_key,
                 requested_skill_key, requested_agent_key, result_code_key, source_process_key, source_tenant_key
          FROM pg_temp.load_typed_staged WHERE raw IS NULL
          UNION ALL
          SELECT * FROM pg_temp.load_candidate) c
    WHERE NOT EXISTS (SELECT 1 FROM iwddm.i_task_event_fact f WHERE f.task_event_id = c.task_event_id)
      AND NOT EXISTS (SELECT 1 FROM iwddm.h_task_event_fact f WHERE f.task_event_id = c.task_event_id);
    -- An id staged more than once keeps its first staged copy (stage_id is unique across both
    -- staging tables: one sequence). Duplicates are rare, so they are looked for on the narrow id
    -- instead of sorting every wide row for a DISTINCT ON (issue 14: the claim into a candidate
    -- table and the DISTINCT ON copy cost ~70 ms a page).
    IF EXISTS (SELECT FROM pg_temp.load_event GROUP BY task_event_id HAVING count(*) > 1) THEN
        DELETE FROM pg_temp.load_event e
        WHERE EXISTS (SELECT 1 FROM pg_temp.load_event d WHERE d.task_event_id = e.task_event_id AND d.stage_id < e.stage_id);
    END IF;
    DROP VIEW pg_temp.load_typed_staged;
    DROP TABLE pg_temp.load_candidate, pg_temp.load_typed_claim;
    PERFORM set_config('iwddm.staged_ahead', '', true);
    -- Statistics (and the row count) only for the columns later steps join on: a full ANALYZE of
    -- ~60 columns cost more than the rest of this step (the category path alone 11 ms); without
    -- tenant, solution and status the key step's joins were misplanned (80 -> 130 ms).
    ANALYZE pg_temp.load_event (task_event_id, interaction_id, tenant_runtime_id, solution_runtime_id, status_name);

    -- event_id only when the id is one plain integer (no reason about the id).
    INSERT INTO iwddm.rejected_event (raw, reason, event_id, interaction_id)
    SELECT DISTINCT ON (md5(raw)) raw, array_to_string(problems, '; '),
           CASE WHEN doc IS NULL THEN event_id
                WHEN NOT EXISTS (SELECT 1 FROM unnest(problems) p WHERE p LIKE 'id %') THEN plain_id END,
           CASE WHEN doc IS NULL THEN interaction_id
                WHEN jsonb_typeof(doc -> 'taskId') = 'string' THEN left(doc ->> 'taskId', 64) END
    FROM pg_temp.load_raw
    WHERE cardinality(problems) > 0
    ORDER BY md5(raw), stage_id
    ON CONFLICT (raw_md5) DO NOTHING;
END
$$;
