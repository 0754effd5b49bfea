-- iwddm schema, version 1: dimensions, facts, staging, quarantine, audit and mart settings.
-- Contract: SPEC.md §3 (names), §4 (time). Routines live in repeatable migrations (R__*.sql).
--
-- Keys: every feed-fed dimension's surrogate key is iwddm.member_key(natural key parts), a
-- deterministic 64-bit hash, so the same events loaded in any order give the same keys, and
-- the primary key is also the natural key's uniqueness. Natural keys are not btree-indexed:
-- feed strings have no length limit, and a btree entry must fit in a third of a page.
-- Single-column ones get hash indexes for lookups. Key 0 is each dimension's "unknown"
-- member (natural key null).

CREATE SCHEMA IF NOT EXISTS iwddm;

-- ---------------------------------------------------------------------------------------
-- Mart settings, feed cursor, staging, quarantine, audit
-- ---------------------------------------------------------------------------------------

CREATE TABLE iwddm.mart_config (
    singleton            boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    timezone             text        NOT NULL DEFAULT 'UTC',
    -- A finished day is closed once events past its end plus this grace have been loaded.
    close_grace          interval    NOT NULL DEFAULT interval '2 hours',
    -- Key of task.data whose value becomes the task's custom_dim member (null: none).
    custom_dim_attribute text,
    -- Calendar coverage: date_time holds every interval of [calendar_from, calendar_to).
    calendar_from        timestamptz,
    calendar_to          timestamptz
);
INSERT INTO iwddm.mart_config DEFAULT VALUES;

-- Which task.data keys fill task_fact.custom_attribute1..10.
CREATE TABLE iwddm.custom_attribute_map (
    slot     smallint PRIMARY KEY CHECK (slot BETWEEN 1 AND 10),
    data_key text NOT NULL UNIQUE
);

CREATE TABLE iwddm.feed_cursor (
    feed          text PRIMARY KEY DEFAULT 'task_events',
    last_event_id bigint      NOT NULL DEFAULT 0 CHECK (last_event_id >= 0),
    -- When the cursor last advanced; null until the first load.
    updated_at    timestamptz
);
INSERT INTO iwddm.feed_cursor DEFAULT VALUES;

-- One raw TaskEvent (JSON text) per row. Only raw is needed: a DBA can \copy NDJSON into it.
CREATE TABLE iwddm.stage_task_event (
    stage_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    raw       text        NOT NULL,
    staged_at timestamptz NOT NULL DEFAULT now()
);

-- Bad events, kept with their text and every reason, once per distinct text.
CREATE TABLE iwddm.rejected_event (
    rejected_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    raw            text        NOT NULL,
    raw_md5        text        GENERATED ALWAYS AS (md5(raw)) STORED UNIQUE,
    reason         text        NOT NULL,
    event_id       bigint,
    interaction_id text,
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE iwddm.etl_audit (
    audit_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           uuid,
    entry_kind       text        NOT NULL CHECK (entry_kind IN ('run', 'batch')),
    execution_chain  text,
    status           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    first_event_id   bigint,
    last_event_id    bigint,
    events_staged    integer,
    events_loaded    integer,
    events_duplicate integer,
    events_rejected  integer,
    tasks_touched    integer,
    dimensions_new   jsonb,
    message          text
);
CREATE INDEX etl_audit_run_idx ON iwddm.etl_audit (run_id);

-- ---------------------------------------------------------------------------------------
-- Static dimensions
-- ---------------------------------------------------------------------------------------

CREATE TABLE iwddm.status (
    status_key  smallint PRIMARY KEY,
    status_name text    NOT NULL UNIQUE,
    is_final    boolean NOT NULL,
    is_held     boolean NOT NULL
);

CREATE TABLE iwddm.task_event_type (
    task_event_type_key  bigint PRIMARY KEY,
    task_event_type_name text
);

CREATE TABLE iwddm.age (
    age_key   smallint PRIMARY KEY,
    age_name  text   NOT NULL UNIQUE,
    lower_sec bigint NOT NULL,
    upper_sec bigint
);

CREATE TABLE iwddm.priority (
    priority_key  smallint PRIMARY KEY,
    priority_name text NOT NULL UNIQUE,
    lower_value   integer,
    upper_value   integer
);

CREATE TABLE iwddm.business_value (
    business_value_key  smallint PRIMARY KEY,
    business_value_name text NOT NULL UNIQUE,
    lower_value         integer,
    upper_value         integer
);

CREATE TABLE iwddm.timezone (
    timezone_key  integer PRIMARY KEY,
    timezone_name text NOT NULL UNIQUE
);

-- One row per 15-minute interval; bucket keys are epoch seconds of the enclosing bucket's
-- start in the mart time zone (SPEC §4).
CREATE TABLE iwddm.date_time (
    date_time_key         bigint PRIMARY KEY CHECK (date_time_key % 900 = 0),
    start_ts              timestamptz NOT NULL,
    end_ts                timestamptz NOT NULL,
    local_start           timestamp   NOT NULL,
    event_date_key        integer     NOT NULL,
    interval_of_day       smallint    NOT NULL,
    date_time_30min_key   bigint      NOT NULL,
    date_time_hour_key    bigint      NOT NULL,
    date_time_day_key     bigint      NOT NULL,
    date_time_week_key    bigint      NOT NULL,
    date_time_month_key   bigint      NOT NULL,
    date_time_quarter_key bigint      NOT NULL,
    date_time_year_key    bigint      NOT NULL
);

-- Calendar dates (key yyyymmdd) in the mart time zone.
CREATE TABLE iwddm.event_date (
    event_date_key integer PRIMARY KEY,
    calendar_date  date     NOT NULL UNIQUE,
    year           smallint NOT NULL,
    quarter        smallint NOT NULL,
    month          smallint NOT NULL,
    day_of_month   smallint NOT NULL,
    iso_day_of_week smallint NOT NULL,
    week_start     date     NOT NULL,
    month_name     text     NOT NULL,
    day_name       text     NOT NULL
);

-- Wall-clock time of day to the second (key hhmmss).
CREATE TABLE iwddm.event_time (
    event_time_key integer PRIMARY KEY,
    time_of_day    time     NOT NULL UNIQUE,
    hour           smallint NOT NULL,
    minute         smallint NOT NULL,
    second         smallint NOT NULL,
    interval_of_hour smallint NOT NULL
);

-- ---------------------------------------------------------------------------------------
-- Feed-fed dimensions (created on first sight). *_event_id: the feed id that set the
-- descriptive name; the highest id wins (SPEC §5).
-- ---------------------------------------------------------------------------------------

CREATE TABLE iwddm.tenant (
    tenant_key        bigint PRIMARY KEY,
    tenant_runtime_id text,
    tenant_name       text,
    name_event_id     bigint
);

CREATE TABLE iwddm.solution (
    solution_key        bigint PRIMARY KEY,
    tenant_key          bigint NOT NULL,
    solution_runtime_id text,
    solution_name       text,
    name_event_id       bigint
);

CREATE TABLE iwddm.department (
    department_key  bigint PRIMARY KEY,
    tenant_key      bigint NOT NULL,
    solution_key    bigint NOT NULL,
    department_name text
);

CREATE TABLE iwddm.process (
    process_key    bigint PRIMARY KEY,
    tenant_key     bigint NOT NULL,
    solution_key   bigint NOT NULL,
    department_key bigint NOT NULL,
    process_name   text
);

CREATE TABLE iwddm.category (
    category_key        bigint PRIMARY KEY,
    tenant_key          bigint NOT NULL,
    solution_key        bigint NOT NULL,
    department_key      bigint NOT NULL,
    process_key         bigint NOT NULL,
    category_levels     text[],
    category_path       text,
    category_runtime_id text,
    runtime_id_event_id bigint,
    category_level1 text, category_level2 text, category_level3 text, category_level4 text,
    category_level5 text, category_level6 text, category_level7 text, category_level8 text,
    category_level9 text, category_level10 text
);

CREATE TABLE iwddm.capture_point (
    capture_point_key        bigint PRIMARY KEY,
    capture_point_runtime_id text,
    capture_point_name       text,
    name_event_id            bigint
);

CREATE TABLE iwddm.media_type (
    media_type_key  bigint PRIMARY KEY,
    media_type_name text
);

CREATE TABLE iwddm.media_channel (
    media_channel_key  bigint PRIMARY KEY,
    media_channel_name text
);

CREATE TABLE iwddm.queue (
    queue_key  bigint PRIMARY KEY,
    queue_name text
);

CREATE TABLE iwddm.agent (
    agent_key        bigint PRIMARY KEY,
    employee_id      text,
    agent_name       text,
    name_event_id    bigint,
    agent_first_name text,
    agent_last_name  text
);

CREATE TABLE iwddm.customer (
    customer_key bigint PRIMARY KEY,
    customer_id  text
);

CREATE TABLE iwddm.customer_segment (
    customer_segment_key  bigint PRIMARY KEY,
    customer_segment_name text
);

CREATE TABLE iwddm.product (
    product_key     bigint PRIMARY KEY,
    product_type    text,
    product_subtype text
);

CREATE TABLE iwddm.skill (
    skill_key  bigint PRIMARY KEY,
    skill_name text
);

CREATE TABLE iwddm.result_code (
    result_code_key  bigint PRIMARY KEY,
    result_code_name text
);

CREATE TABLE iwddm.source_process (
    source_process_key     bigint PRIMARY KEY,
    source_process_type    text,
    source_process_subtype text
);

CREATE TABLE iwddm.source_tenant (
    source_tenant_key  bigint PRIMARY KEY,
    source_tenant_name text
);

CREATE TABLE iwddm.custom_dim (
    custom_dim_key   bigint PRIMARY KEY,
    custom_dim_value text
);

-- ---------------------------------------------------------------------------------------
-- Facts: intraday i_*, historical h_* (same shape), and views that union both.
-- ---------------------------------------------------------------------------------------

CREATE TABLE iwddm.i_task_event_fact (
    task_event_id       bigint PRIMARY KEY,
    interaction_id      text        NOT NULL,
    task_event_type_key bigint      NOT NULL,
    event_ts            timestamptz NOT NULL,
    event_interval      bigint      NOT NULL,
    event_date_key      integer     NOT NULL,
    event_time_key      integer     NOT NULL,
    status_key          smallint    NOT NULL,
    priority_key        smallint    NOT NULL,
    business_value_key  smallint    NOT NULL,
    queue_key           bigint      NOT NULL,
    -- The queue this event entered / left; null when the event did not change the queue.
    entered_queue_key   bigint,
    exited_queue_key    bigint,
    assigned_agent_key  bigint      NOT NULL,
    -- Seconds of the assignment / hold that this event ends, else 0.
    work_time_sec       integer     NOT NULL DEFAULT 0,
    held_time_sec       integer     NOT NULL DEFAULT 0,
    priority            integer,
    business_value      integer,
    due_ts              timestamptz,
    tenant_key          bigint      NOT NULL,
    solution_key        bigint      NOT NULL,
    department_key      bigint      NOT NULL,
    process_key         bigint      NOT NULL,
    category_key        bigint      NOT NULL,
    capture_point_key   bigint      NOT NULL,
    media_type_key      bigint      NOT NULL
);
CREATE INDEX i_task_event_fact_history_idx
    ON iwddm.i_task_event_fact (interaction_id, event_ts, task_event_id);

CREATE TABLE iwddm.i_task_work_fact (
    assign_task_event_id bigint PRIMARY KEY,
    interaction_id       text        NOT NULL,
    finish_task_event_id bigint,
    assigned_agent_key   bigint      NOT NULL,
    assign_ts            timestamptz NOT NULL,
    finish_ts            timestamptz,
    assign_interval      bigint      NOT NULL,
    finish_interval      bigint,
    work_time_sec        integer,
    is_abandon           smallint CHECK (is_abandon IN (0, 1))
);
CREATE INDEX i_task_work_fact_task_idx ON iwddm.i_task_work_fact (interaction_id);

CREATE TABLE iwddm.i_task_fact (
    interaction_id                 text PRIMARY KEY,
    capture_id                     text,
    last_task_event_id             bigint      NOT NULL,
    last_event_ts                  timestamptz NOT NULL,
    event_count                    integer     NOT NULL,
    current_status_key             smallint    NOT NULL,
    current_priority_key           smallint    NOT NULL,
    current_queue_key              bigint      NOT NULL,
    business_value_key             smallint    NOT NULL,
    tenant_key                     bigint      NOT NULL,
    solution_key                   bigint      NOT NULL,
    department_key                 bigint      NOT NULL,
    process_key                    bigint      NOT NULL,
    category_key                   bigint      NOT NULL,
    capture_point_key              bigint      NOT NULL,
    media_type_key                 bigint      NOT NULL,
    media_channel_key              bigint      NOT NULL,
    customer_key                   bigint      NOT NULL,
    customer_segment_key           bigint      NOT NULL,
    product_key                    bigint      NOT NULL,
    skill_key                      bigint      NOT NULL,
    result_code_key                bigint      NOT NULL,
    source_process_key             bigint      NOT NULL,
    source_tenant_key              bigint      NOT NULL,
    custom_dim_key                 bigint      NOT NULL,
    last_assigned_agent_key        bigint      NOT NULL,
    created_ts                     timestamptz NOT NULL,
    first_assigned_ts              timestamptz,
    completed_ts                   timestamptz,
    -- Time of the latest transition into a final status while the task is final (else null).
    final_ts                       timestamptz,
    due_ts                         timestamptz,
    task_created_ts                timestamptz,
    priority                       integer,
    business_value                 integer,
    assign_time_from_created_sec   integer,
    complete_time_from_created_sec integer,
    total_work_time_sec            integer     NOT NULL,
    total_held_time_sec            integer     NOT NULL,
    custom_attribute1 text, custom_attribute2 text, custom_attribute3 text, custom_attribute4 text,
    custom_attribute5 text, custom_attribute6 text, custom_attribute7 text, custom_attribute8 text,
    custom_attribute9 text, custom_attribute10 text,
    custom_data                    jsonb,
    created_date_key               integer     NOT NULL,
    created_time_key               integer     NOT NULL,
    created_interval               bigint      NOT NULL,
    first_assigned_date_key        integer,
    first_assigned_time_key        integer,
    first_assigned_interval        bigint,
    completed_date_key             integer,
    completed_time_key             integer,
    completed_interval             bigint,
    due_date_key                   integer,
    due_time_key                   integer,
    due_interval                   bigint
);

CREATE TABLE iwddm.h_task_event_fact (LIKE iwddm.i_task_event_fact INCLUDING ALL);
CREATE TABLE iwddm.h_task_work_fact  (LIKE iwddm.i_task_work_fact  INCLUDING ALL);
CREATE TABLE iwddm.h_task_fact       (LIKE iwddm.i_task_fact       INCLUDING ALL);

CREATE VIEW iwddm.task_event_fact AS
    SELECT * FROM iwddm.i_task_event_fact UNION ALL SELECT * FROM iwddm.h_task_event_fact;
CREATE VIEW iwddm.task_work_fact AS
    SELECT * FROM iwddm.i_task_work_fact UNION ALL SELECT * FROM iwddm.h_task_work_fact;
CREATE VIEW iwddm.task_fact AS
    SELECT * FROM iwddm.i_task_fact UNION ALL SELECT * FROM iwddm.h_task_fact;

-- Lookups by single-column natural key (hash indexes hold strings of any length).
CREATE INDEX task_event_type_name_idx ON iwddm.task_event_type USING hash (task_event_type_name);
CREATE INDEX tenant_runtime_id_idx ON iwddm.tenant USING hash (tenant_runtime_id);
CREATE INDEX capture_point_runtime_id_idx ON iwddm.capture_point USING hash (capture_point_runtime_id);
CREATE INDEX media_type_name_idx ON iwddm.media_type USING hash (media_type_name);
CREATE INDEX media_channel_name_idx ON iwddm.media_channel USING hash (media_channel_name);
CREATE INDEX queue_name_idx ON iwddm.queue USING hash (queue_name);
CREATE INDEX agent_employee_id_idx ON iwddm.agent USING hash (employee_id);
CREATE INDEX customer_id_idx ON iwddm.customer USING hash (customer_id);
CREATE INDEX customer_segment_name_idx ON iwddm.customer_segment USING hash (customer_segment_name);
CREATE INDEX skill_name_idx ON iwddm.skill USING hash (skill_name);
CREATE INDEX result_code_name_idx ON iwddm.result_code USING hash (result_code_name);
CREATE INDEX source_tenant_name_idx ON iwddm.source_tenant USING hash (source_tenant_name);
CREATE INDEX custom_dim_value_idx ON iwddm.custom_dim USING hash (custom_dim_value);
