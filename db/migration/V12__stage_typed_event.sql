-- iwddm schema, version 12: the job's typed staging (issue 14).
-- The job checks each event against FEED.md's rules while it reads the page (on the driver's
-- core, while the database loads the page before) and stages the events it can vouch for as
-- typed columns, with the member keys of their feed-fed dimensions (iwddm.member_key) already
-- computed, so load_staged neither parses their JSON nor hashes their keys. An event the driver
-- cannot vouch for is staged in the same COPY, in staging order, with only its text in raw: the
-- database checks it exactly as a \copy'd event (iwddm.stage_task_event), reasons and all.
-- A typed row therefore always passes the database's own check; SchemaParity and the typed
-- staging tests hold the driver to that.
-- UNLOGGED: staged rows live only inside the job's load transaction (COPY, load_staged, commit),
-- so there is nothing to recover after a crash and no reason to write them to the WAL.
-- stage_id comes from stage_task_event's sequence, so rows of both tables share one order.
CREATE UNLOGGED TABLE iwddm.stage_typed_event (
    -- No key: load_staged claims every row at once, and an index would only slow the COPY.
    stage_id                 bigint      NOT NULL DEFAULT nextval(pg_get_serial_sequence('iwddm.stage_task_event', 'stage_id')),
    raw                      text,        -- set (and nothing else) when the driver could not vouch for the event
    task_event_id            bigint,
    interaction_id           text,
    task_event_type_name     text,
    event_ts                 timestamptz,
    status_name              text,
    queue_name               text,
    employee_id              text,
    agent_name               text,
    tenant_runtime_id        text,
    tenant_name              text,
    solution_runtime_id      text,
    solution_name            text,
    category_runtime_id      text,
    category_levels          text[],
    capture_point_runtime_id text,
    capture_point_name       text,
    media_type_name          text,
    media_channel_name       text,
    priority                 integer,
    business_value           integer,
    due_ts                   timestamptz,
    task_created_ts          timestamptz,
    capture_id               text,
    customer_id              text,
    customer_segment_name    text,
    product_type             text,
    product_subtype          text,
    skill_name               text,
    result_code_name         text,
    source_tenant_name       text,
    source_process_type      text,
    source_process_subtype   text,
    requested_employee_id    text,
    activation_ts            timestamptz,
    source_created_ts        timestamptz,
    source_first_created_ts  timestamptz,
    expiration_ts            timestamptz,
    custom_data              jsonb,
    -- iwddm.member_key of each natural key, as load_key_events would compute it.
    task_event_type_key      bigint,
    queue_key                bigint,
    assigned_agent_key       bigint,
    capture_point_key        bigint,
    media_type_key           bigint,
    media_channel_key        bigint,
    customer_key             bigint,
    customer_segment_key     bigint,
    product_key              bigint,
    requested_skill_key      bigint,
    requested_agent_key      bigint,
    result_code_key          bigint,
    source_process_key       bigint,
    source_tenant_key        bigint,
    CONSTRAINT stage_typed_event_raw_or_typed
        CHECK ((raw IS NULL) = (task_event_id IS NOT NULL AND interaction_id IS NOT NULL AND event_ts IS NOT NULL))
);
