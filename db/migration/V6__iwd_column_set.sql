-- iwddm schema, version 6: the iWD Data Mart column set (SPEC §3.1), so exports, reports and
-- BI models written for the original iWD Data Mart select what they expect.
--
-- * etl_audit speaks iWD: etl_audit_key (was audit_id), parent_etl_audit_key, the iWD status
--   FINISHED / IN PROGRESS / FAILED (derived from the job's finer run_status, was status), ...
-- * Every fact row and every dynamic dimension row carries created_etl_audit_key and
--   updated_etl_audit_key; the loader moves the latter only when a value changed.
-- * Facts get stable surrogate ids (an event fact's id is its task_event_id, a work fact's id
--   its assign_task_event_id), start_date_time_key, and the iWD attribute and date/time keys.
--   Event facts now keep every attribute of the task snapshot after the event, so the task fact
--   (state after the last event) and the work fact (classification at the assignment's start)
--   are functions of the task's history alone.
-- * New dimensions interaction_type and queue_target (unknown member only: the feed has no
--   source), custom_dim with five attributes, validity and runtime columns on department and
--   process, calendar attributes on event_date and date_time.
-- Rows that exist when this migration runs in an upgraded mart are stamped with the audit row
-- it writes there; their new per-event attributes take the task's current values.

-- ---------------------------------------------------------------------------------------
-- etl_audit
-- ---------------------------------------------------------------------------------------
ALTER TABLE iwddm.etl_audit RENAME COLUMN audit_id TO etl_audit_key;
ALTER TABLE iwddm.etl_audit RENAME COLUMN status TO run_status;
ALTER TABLE iwddm.etl_audit DROP CONSTRAINT etl_audit_entry_kind_check;
ALTER TABLE iwddm.etl_audit ADD CONSTRAINT etl_audit_entry_kind_check
    CHECK (entry_kind IN ('run', 'batch', 'maintenance'));
ALTER TABLE iwddm.etl_audit
    ADD COLUMN parent_etl_audit_key     bigint,
    ADD COLUMN status                   text GENERATED ALWAYS AS (
        CASE run_status WHEN 'running' THEN 'IN PROGRESS' WHEN 'loading' THEN 'IN PROGRESS'
                        WHEN 'failed' THEN 'FAILED' ELSE 'FINISHED' END) STORED,
    ADD COLUMN etl_audit_start_time     timestamptz GENERATED ALWAYS AS (started_at) STORED,
    ADD COLUMN etl_audit_finish_time    timestamptz GENERATED ALWAYS AS (finished_at) STORED,
    ADD COLUMN duration                 numeric GENERATED ALWAYS AS (extract(epoch FROM finished_at - started_at)) STORED,
    ADD COLUMN batch_id                 integer,
    ADD COLUMN data_source_type         text NOT NULL DEFAULT 'task',
    ADD COLUMN data_source_name         text,
    ADD COLUMN process_name             text,
    ADD COLUMN first_extracted_event_id bigint,
    ADD COLUMN last_extracted_event_id  bigint,
    ADD COLUMN batch_last_event_id      bigint,
    ADD COLUMN last_interval_date_key   integer,
    ADD COLUMN last_interval_time_key   integer;
CREATE INDEX etl_audit_parent_idx ON iwddm.etl_audit (parent_etl_audit_key);
COMMENT ON COLUMN iwddm.etl_audit.run_status IS
    'the job''s own status: running, succeeded, failed, skipped (run rows), loaded (batch rows), done (maintenance rows); status is its iWD form';

-- An upgraded mart: the rows that exist now were "created" by this migration's audit row. A new
-- mart gets none (its seeded members, the unknown ones and the known event types, keep null
-- audit keys: no batch created them) and so starts with an empty etl_audit.
INSERT INTO iwddm.etl_audit (entry_kind, run_status, started_at, finished_at, process_name, message)
SELECT 'maintenance', 'done', now(), now(), 'schema V6', 'iWD column set added; existing rows stamped with this key'
WHERE EXISTS (SELECT 1 FROM iwddm.etl_audit);

-- ---------------------------------------------------------------------------------------
-- Dimensions
-- ---------------------------------------------------------------------------------------
CREATE TABLE iwddm.interaction_type (
    interaction_type_key     bigint PRIMARY KEY,
    interaction_type_name    text,
    interaction_subtype_name text
);
INSERT INTO iwddm.interaction_type (interaction_type_key) VALUES (0);

CREATE TABLE iwddm.queue_target (
    queue_target_key  bigint PRIMARY KEY,
    queue_target_name text,
    queue_target_type text
);
INSERT INTO iwddm.queue_target (queue_target_key) VALUES (0);

ALTER TABLE iwddm.queue ADD COLUMN queue_type text;
ALTER TABLE iwddm.skill ADD COLUMN skill_id text;

-- custom_dim: up to five task.data keys (iwddm.custom_dim_attribute_map) form one member.
CREATE TABLE iwddm.custom_dim_attribute_map (
    slot     smallint PRIMARY KEY CHECK (slot BETWEEN 1 AND 5),
    data_key text NOT NULL UNIQUE
);
INSERT INTO iwddm.custom_dim_attribute_map (slot, data_key)
SELECT 1, custom_dim_attribute FROM iwddm.mart_config WHERE custom_dim_attribute IS NOT NULL;
ALTER TABLE iwddm.mart_config DROP COLUMN custom_dim_attribute;
ALTER TABLE iwddm.custom_dim RENAME COLUMN custom_dim_value TO custom_dim_attribute1;
ALTER INDEX iwddm.custom_dim_value_idx RENAME TO custom_dim_attribute1_idx;
ALTER TABLE iwddm.custom_dim
    ADD COLUMN custom_dim_attribute2 text, ADD COLUMN custom_dim_attribute3 text,
    ADD COLUMN custom_dim_attribute4 text, ADD COLUMN custom_dim_attribute5 text;

-- department and process: iWD's configuration and validity columns. One version per member,
-- valid from its earliest event by timestamp, open-ended; the feed has no runtime or config ids
-- at these levels (only the full category path has an id).
DO $$
DECLARE
    dim text;
BEGIN
    FOREACH dim IN ARRAY ARRAY['department', 'process'] LOOP
        EXECUTE format($sql$
            ALTER TABLE iwddm.%1$I
                ADD COLUMN %2$I text, ADD COLUMN %3$I text, ADD COLUMN %4$I bigint,
                ADD COLUMN custom_dim_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN valid_from timestamptz, ADD COLUMN valid_to timestamptz,
                ADD COLUMN valid_from_date_key integer, ADD COLUMN valid_from_time_key integer,
                ADD COLUMN valid_to_date_key integer, ADD COLUMN valid_to_time_key integer,
                ADD COLUMN version integer NOT NULL DEFAULT 1 $sql$,
            dim, dim || '_runtime_id', dim || '_config_id', dim || '_config_event_id');
    END LOOP;
END
$$;
ALTER TABLE iwddm.process
    ADD COLUMN category_level3 text, ADD COLUMN category_level4 text, ADD COLUMN category_level5 text,
    ADD COLUMN category_level6 text, ADD COLUMN category_level7 text, ADD COLUMN category_level8 text,
    ADD COLUMN category_level9 text, ADD COLUMN category_level10 text;

-- Calendar attributes (filled by iwddm.extend_calendar).
ALTER TABLE iwddm.event_date
    ADD COLUMN event_date date, ADD COLUMN event_date_str text, ADD COLUMN day_num_in_week smallint,
    ADD COLUMN day_num_in_month smallint, ADD COLUMN day_num_in_year smallint,
    ADD COLUMN week_num_in_year smallint, ADD COLUMN week_start_date date, ADD COLUMN week_end_date date,
    ADD COLUMN month_num_in_year smallint, ADD COLUMN quarter_num_in_year smallint, ADD COLUMN year_num smallint;
UPDATE iwddm.event_date
SET event_date = calendar_date, event_date_str = to_char(calendar_date, 'YYYY-MM-DD'),
    day_num_in_week = iso_day_of_week, day_num_in_month = day_of_month,
    day_num_in_year = extract(doy FROM calendar_date), week_num_in_year = extract(week FROM calendar_date),
    week_start_date = week_start, week_end_date = week_start + 6, month_num_in_year = month,
    quarter_num_in_year = quarter, year_num = year;
ALTER TABLE iwddm.date_time ADD COLUMN cal_date date, ADD COLUMN label_yyyy_mm_dd text;
UPDATE iwddm.date_time SET cal_date = local_start::date, label_yyyy_mm_dd = to_char(local_start, 'YYYY-MM-DD');

-- Audit keys on every dynamic dimension.
DO $$
DECLARE
    dim text;
    migration_key bigint := (SELECT max(etl_audit_key) FROM iwddm.etl_audit WHERE process_name = 'schema V6');
BEGIN
    FOREACH dim IN ARRAY ARRAY['tenant', 'solution', 'department', 'process', 'category', 'capture_point',
                               'media_type', 'media_channel', 'queue', 'agent', 'customer', 'customer_segment',
                               'product', 'skill', 'result_code', 'source_process', 'source_tenant', 'custom_dim',
                               'task_event_type', 'interaction_type', 'queue_target'] LOOP
        EXECUTE format('ALTER TABLE iwddm.%I ADD COLUMN created_etl_audit_key bigint, ADD COLUMN updated_etl_audit_key bigint',
                       dim);
        EXECUTE format('UPDATE iwddm.%I SET created_etl_audit_key = %L, updated_etl_audit_key = %L',
                       dim, migration_key, migration_key);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------
-- Facts (i_ and h_ alike: the historical move copies rows with SELECT *, so the column order
-- of each pair must stay identical)
-- ---------------------------------------------------------------------------------------
DO $$
DECLARE
    p text;
    custom_defs text := (SELECT string_agg(format('ADD COLUMN custom_attribute%s text', n), ', ')
                         FROM generate_series(1, 10) n);
BEGIN
    FOREACH p IN ARRAY ARRAY['i_', 'h_'] LOOP
        -- Event facts: the whole task snapshot after the event.
        EXECUTE format($sql$
            ALTER TABLE iwddm.%1$I
                ADD COLUMN id bigint, ADD COLUMN start_date_time_key bigint,
                ADD COLUMN capture_id text, ADD COLUMN task_created_ts timestamptz,
                ADD COLUMN activation_ts timestamptz, ADD COLUMN activation_date_key integer,
                ADD COLUMN activation_time_key integer, ADD COLUMN due_date_key integer, ADD COLUMN due_time_key integer,
                ADD COLUMN source_created_ts timestamptz, ADD COLUMN source_first_created_ts timestamptz,
                ADD COLUMN interaction_type_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN media_channel_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN customer_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN customer_segment_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN product_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN requested_skill_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN requested_agent_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN result_code_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN source_process_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN source_tenant_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN custom_dim_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN entered_queue_target_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN exited_queue_target_key bigint NOT NULL DEFAULT 0,
                %2$s,
                ADD COLUMN created_etl_audit_key bigint, ADD COLUMN updated_etl_audit_key bigint $sql$,
            p || 'task_event_fact', custom_defs);
        -- Work facts: the task's classification at the assignment's start.
        EXECUTE format($sql$
            ALTER TABLE iwddm.%1$I
                ADD COLUMN id bigint, ADD COLUMN start_date_time_key bigint, ADD COLUMN capture_id text,
                ADD COLUMN tenant_key bigint NOT NULL DEFAULT 0, ADD COLUMN solution_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN department_key bigint NOT NULL DEFAULT 0, ADD COLUMN process_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN capture_point_key bigint NOT NULL DEFAULT 0, ADD COLUMN category_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN customer_key bigint NOT NULL DEFAULT 0, ADD COLUMN customer_segment_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN product_key bigint NOT NULL DEFAULT 0, ADD COLUMN interaction_type_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN media_channel_key bigint NOT NULL DEFAULT 0, ADD COLUMN media_type_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN priority_key smallint NOT NULL DEFAULT 0, ADD COLUMN business_value_key smallint NOT NULL DEFAULT 0,
                ADD COLUMN result_code_key bigint NOT NULL DEFAULT 0, ADD COLUMN source_process_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN source_tenant_key bigint NOT NULL DEFAULT 0, ADD COLUMN custom_dim_key bigint NOT NULL DEFAULT 0,
                %2$s,
                ADD COLUMN queue_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN assign_date_key integer, ADD COLUMN assign_time_key integer,
                ADD COLUMN finish_date_key integer, ADD COLUMN finish_time_key integer,
                ADD COLUMN ucs_interaction_id text,
                ADD COLUMN created_etl_audit_key bigint, ADD COLUMN updated_etl_audit_key bigint $sql$,
            p || 'task_work_fact', custom_defs);
        -- Task facts.
        EXECUTE format($sql$
            ALTER TABLE iwddm.%1$I
                ADD COLUMN start_date_time_key bigint,
                ADD COLUMN interaction_type_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN activation_ts timestamptz, ADD COLUMN activation_date_key integer,
                ADD COLUMN activation_time_key integer, ADD COLUMN activation_interval bigint,
                ADD COLUMN assigned_date_key integer, ADD COLUMN assigned_time_key integer,
                ADD COLUMN assigned_interval bigint,
                ADD COLUMN activate_time_from_created_sec bigint,
                ADD COLUMN crt_time_fr_src_crtd_sec bigint,
                ADD COLUMN src_crt_time_fr_first_crtd_sec bigint,
                ADD COLUMN source_created_ts timestamptz, ADD COLUMN source_created_date_key integer,
                ADD COLUMN source_created_time_key integer, ADD COLUMN source_created_interval bigint,
                ADD COLUMN source_first_created_ts timestamptz, ADD COLUMN source_first_created_date_key integer,
                ADD COLUMN source_first_created_time_key integer, ADD COLUMN source_first_created_interval bigint,
                ADD COLUMN source_due_date_key integer, ADD COLUMN source_due_time_key integer,
                ADD COLUMN current_queue_target_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN last_result_code_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN requested_agent_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN requested_skill_key bigint NOT NULL DEFAULT 0,
                ADD COLUMN stopped_date_key integer,
                ADD COLUMN timezone_key integer,
                ADD COLUMN created_etl_audit_key bigint, ADD COLUMN updated_etl_audit_key bigint $sql$,
            p || 'task_fact');
    END LOOP;
END
$$;

-- An upgraded mart: fill what the stored rows determine; per-event attributes the old event
-- facts did not keep take the task's current values (the best there is).
DO $$
DECLARE
    p text;
    migration_key bigint := (SELECT max(etl_audit_key) FROM iwddm.etl_audit WHERE process_name = 'schema V6');
    tz text := (SELECT timezone FROM iwddm.mart_config);
    tz_key integer := (SELECT timezone_key FROM iwddm.timezone WHERE timezone_name = (SELECT timezone FROM iwddm.mart_config));
BEGIN
    FOREACH p IN ARRAY ARRAY['i_', 'h_'] LOOP
        EXECUTE format($sql$
            UPDATE iwddm.%1$I e SET id = e.task_event_id, start_date_time_key = e.event_interval,
                capture_id = t.capture_id, task_created_ts = t.task_created_ts,
                due_date_key = to_char(e.due_ts AT TIME ZONE %3$L, 'YYYYMMDD')::integer, due_time_key = to_char(e.due_ts AT TIME ZONE %3$L, 'HH24MISS')::integer,
                media_channel_key = t.media_channel_key, customer_key = t.customer_key,
                customer_segment_key = t.customer_segment_key, product_key = t.product_key,
                requested_skill_key = t.skill_key, result_code_key = t.result_code_key,
                source_process_key = t.source_process_key, source_tenant_key = t.source_tenant_key,
                custom_dim_key = t.custom_dim_key,
                custom_attribute1 = t.custom_attribute1, custom_attribute2 = t.custom_attribute2,
                custom_attribute3 = t.custom_attribute3, custom_attribute4 = t.custom_attribute4,
                custom_attribute5 = t.custom_attribute5, custom_attribute6 = t.custom_attribute6,
                custom_attribute7 = t.custom_attribute7, custom_attribute8 = t.custom_attribute8,
                custom_attribute9 = t.custom_attribute9, custom_attribute10 = t.custom_attribute10,
                created_etl_audit_key = %4$L, updated_etl_audit_key = %4$L
            FROM iwddm.%2$I t WHERE t.interaction_id = e.interaction_id $sql$,
            p || 'task_event_fact', p || 'task_fact', tz, migration_key);
        EXECUTE format($sql$
            UPDATE iwddm.%1$I w SET id = w.assign_task_event_id, start_date_time_key = w.assign_interval,
                capture_id = e.capture_id, tenant_key = e.tenant_key, solution_key = e.solution_key,
                department_key = e.department_key, process_key = e.process_key,
                capture_point_key = e.capture_point_key, category_key = e.category_key,
                customer_key = e.customer_key, customer_segment_key = e.customer_segment_key,
                product_key = e.product_key, media_channel_key = e.media_channel_key,
                media_type_key = e.media_type_key, priority_key = e.priority_key,
                business_value_key = e.business_value_key, result_code_key = e.result_code_key,
                source_process_key = e.source_process_key, source_tenant_key = e.source_tenant_key,
                custom_dim_key = e.custom_dim_key, queue_key = e.queue_key,
                custom_attribute1 = e.custom_attribute1, custom_attribute2 = e.custom_attribute2,
                custom_attribute3 = e.custom_attribute3, custom_attribute4 = e.custom_attribute4,
                custom_attribute5 = e.custom_attribute5, custom_attribute6 = e.custom_attribute6,
                custom_attribute7 = e.custom_attribute7, custom_attribute8 = e.custom_attribute8,
                custom_attribute9 = e.custom_attribute9, custom_attribute10 = e.custom_attribute10,
                assign_date_key = to_char(w.assign_ts AT TIME ZONE %3$L, 'YYYYMMDD')::integer,
                assign_time_key = to_char(w.assign_ts AT TIME ZONE %3$L, 'HH24MISS')::integer,
                finish_date_key = to_char(w.finish_ts AT TIME ZONE %3$L, 'YYYYMMDD')::integer,
                finish_time_key = to_char(w.finish_ts AT TIME ZONE %3$L, 'HH24MISS')::integer,
                created_etl_audit_key = %4$L, updated_etl_audit_key = %4$L
            FROM iwddm.%2$I e WHERE e.task_event_id = w.assign_task_event_id $sql$,
            p || 'task_work_fact', p || 'task_event_fact', tz, migration_key);
        EXECUTE format($sql$
            UPDATE iwddm.%1$I t SET start_date_time_key = created_interval,
                assigned_date_key = first_assigned_date_key, assigned_time_key = first_assigned_time_key,
                assigned_interval = first_assigned_interval,
                last_result_code_key = result_code_key, requested_skill_key = skill_key,
                stopped_date_key = to_char(final_ts AT TIME ZONE %2$L, 'YYYYMMDD')::integer, timezone_key = %3$L,
                created_etl_audit_key = %4$L, updated_etl_audit_key = %4$L $sql$,
            p || 'task_fact', tz, tz_key, migration_key);
        EXECUTE format('ALTER TABLE iwddm.%1$I ALTER COLUMN id SET NOT NULL, ADD UNIQUE (id)', p || 'task_event_fact');
        EXECUTE format('ALTER TABLE iwddm.%1$I ALTER COLUMN id SET NOT NULL, ADD UNIQUE (id)', p || 'task_work_fact');
    END LOOP;
END
$$;

-- The custom dimension's key now covers five attributes (iwddm.member_key of the five, inlined:
-- repeatable migrations, the routines among them, run after the versioned ones).
CREATE TEMP TABLE v6_custom_dim_rekey ON COMMIT DROP AS
SELECT custom_dim_key AS old_key, ('x' || left(md5(ARRAY[custom_dim_attribute1, NULL, NULL, NULL, NULL]::text), 16))::bit(64)::bigint AS new_key
FROM iwddm.custom_dim WHERE custom_dim_key <> 0;
UPDATE iwddm.custom_dim d SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE d.custom_dim_key = r.old_key;
UPDATE iwddm.i_task_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;
UPDATE iwddm.h_task_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;
UPDATE iwddm.i_task_event_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;
UPDATE iwddm.h_task_event_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;
UPDATE iwddm.i_task_work_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;
UPDATE iwddm.h_task_work_fact f SET custom_dim_key = r.new_key FROM pg_temp.v6_custom_dim_rekey r WHERE f.custom_dim_key = r.old_key;

-- The blended views pick up the new columns (a view's * is expanded when it is created).
CREATE OR REPLACE VIEW iwddm.task_event_fact AS
    SELECT * FROM iwddm.i_task_event_fact UNION ALL SELECT * FROM iwddm.h_task_event_fact;
CREATE OR REPLACE VIEW iwddm.task_work_fact AS
    SELECT * FROM iwddm.i_task_work_fact UNION ALL SELECT * FROM iwddm.h_task_work_fact;
CREATE OR REPLACE VIEW iwddm.task_fact AS
    SELECT * FROM iwddm.i_task_fact UNION ALL SELECT * FROM iwddm.h_task_fact;

-- "Changed since" exports filter by audit key.
CREATE INDEX i_task_fact_updated_audit_idx ON iwddm.i_task_fact (updated_etl_audit_key);
CREATE INDEX h_task_fact_updated_audit_idx ON iwddm.h_task_fact (updated_etl_audit_key);
