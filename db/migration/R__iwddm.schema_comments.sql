-- Comments on every table, view and column of schema iwddm: what it holds, its unit, and the
-- SPEC rule that defines it (docs/reporting.md follows SPEC's section numbers). psql \d+ and BI
-- tools show them; docs/reference.md is generated from them (org.iwddm.db.SchemaReferenceTest,
-- which also fails when a table, view or column has none).
-- Written for the i_ fact tables, the agg_*_15min tables and date_time: iwddm.copy_comments()
-- copies them to the h_ tables and to the views that read them. A column added by a later
-- migration gets its comment here (this file then changes, so Flyway re-applies it).
-- Runs after the other repeatable migrations it depends on: Flyway orders repeatables by
-- description, and "iwddm.schema comments" sorts after "iwddm.agg views" and "iwddm.copy comments".
SET LOCAL client_min_messages = warning;

COMMENT ON SCHEMA iwddm IS 'The IWD Data Mart (iwddm): dimensions, task facts and 15-minute aggregates of IWD task events. Reference: docs/reference.md; conventions: docs/reporting.md.';


COMMENT ON TABLE iwddm.mart_config IS 'The mart''s settings, one row (SPEC §4): time zone, day-closing grace, calendar and aggregate coverage, retention and verification settings. A DBA changes the time zone with CALL iwddm.set_timezone(...).';
COMMENT ON COLUMN iwddm.mart_config.singleton IS 'always true: the table has exactly one row';
COMMENT ON COLUMN iwddm.mart_config.timezone IS 'the mart time zone (IANA name) in which dates, times of day and day/week/month buckets are computed (SPEC §4); set by the initialize chain from IWDDM_TIMEZONE or CALL iwddm.set_timezone';
COMMENT ON COLUMN iwddm.mart_config.close_grace IS 'a finished day is closed (its final tasks move to the h_ tables) once events past its end plus this interval are loaded (SPEC §3)';
COMMENT ON COLUMN iwddm.mart_config.calendar_from IS 'start of the calendar coverage: date_time holds every interval of [calendar_from, calendar_to) (SPEC §4)';
COMMENT ON COLUMN iwddm.mart_config.calendar_to IS 'end (exclusive) of the calendar coverage (SPEC §4)';
COMMENT ON COLUMN iwddm.mart_config.agg_from IS 'date_time_key of the interval holding the earliest loaded event timestamp: the aggregates cover [agg_from, agg_to] (SPEC §6)';
COMMENT ON COLUMN iwddm.mart_config.agg_to IS 'date_time_key of the interval holding the latest loaded event timestamp (SPEC §6)';
COMMENT ON COLUMN iwddm.mart_config.last_event_ts IS 'timestamp of the newest event loaded (bad events excluded); decides which days are closed; pushed as iwddm_etl_last_event_timestamp_seconds (docs/metrics.md)';

COMMENT ON TABLE iwddm.custom_attribute_map IS 'Which task.data keys fill task_fact.custom_attribute1..10 (SPEC §3.1); a DBA changes it with SQL (docs/loading.md). Default: none.';
COMMENT ON COLUMN iwddm.custom_attribute_map.slot IS 'the custom_attributeN column, 1 to 10';
COMMENT ON COLUMN iwddm.custom_attribute_map.data_key IS 'the task.data key whose value (as text) fills it';

COMMENT ON TABLE iwddm.feed_cursor IS 'Where the job continues reading the IWD feed: the last loaded event id (SPEC §1). It advances in the same transaction as the data it loaded.';
COMMENT ON COLUMN iwddm.feed_cursor.feed IS 'which feed (the tasks feed)';
COMMENT ON COLUMN iwddm.feed_cursor.last_event_id IS 'id of the last event loaded: the next page asks for sinceId = this';
COMMENT ON COLUMN iwddm.feed_cursor.updated_at IS 'when the cursor last advanced; null until the first load';

COMMENT ON TABLE iwddm.stage_task_event IS 'Staging: one raw IWD task event (JSON text) per row, emptied by CALL iwddm.load_staged() (SPEC §3). A DBA can \copy NDJSON into column raw.';
COMMENT ON COLUMN iwddm.stage_task_event.stage_id IS 'staging order (identity)';
COMMENT ON COLUMN iwddm.stage_task_event.raw IS 'one event''s JSON text, as the feed sent it';
COMMENT ON COLUMN iwddm.stage_task_event.staged_at IS 'when it was staged';

COMMENT ON TABLE iwddm.rejected_event IS 'Bad events, kept once per distinct text with every reason; fix the cause and CALL iwddm.replay_rejected(ARRAY[ids]) (SPEC §3, docs/loading.md).';
COMMENT ON COLUMN iwddm.rejected_event.rejected_id IS 'identity, the id replay_rejected takes';
COMMENT ON COLUMN iwddm.rejected_event.raw IS 'the event''s text as received';
COMMENT ON COLUMN iwddm.rejected_event.raw_md5 IS 'md5 of raw: the same bad text is kept once';
COMMENT ON COLUMN iwddm.rejected_event.reason IS 'every problem found, e.g. a missing id or an unparsable timestamp';
COMMENT ON COLUMN iwddm.rejected_event.event_id IS 'the event''s id when it could be read, else null';
COMMENT ON COLUMN iwddm.rejected_event.interaction_id IS 'the task''s id when it could be read, else null';
COMMENT ON COLUMN iwddm.rejected_event.first_seen_at IS 'when the text was first rejected';

COMMENT ON TABLE iwddm.etl_audit IS 'One row per run and one per batch (page) of a run: what was read, loaded, rejected, how long it took and how it ended (SPEC §3; docs/deploy.md).';
COMMENT ON COLUMN iwddm.etl_audit.run_id IS 'the run''s id (the run_id of its log lines); shared by the run row and its batch rows';
COMMENT ON COLUMN iwddm.etl_audit.entry_kind IS '''run'' (one per run) or ''batch'' (one per page)';
COMMENT ON COLUMN iwddm.etl_audit.execution_chain IS 'the chain the run executed: initialize, intraday, historical or full';
COMMENT ON COLUMN iwddm.etl_audit.started_at IS 'when the run or batch started';
COMMENT ON COLUMN iwddm.etl_audit.finished_at IS 'when it ended; null while running';
COMMENT ON COLUMN iwddm.etl_audit.first_event_id IS 'first feed event id of the batch (or run)';
COMMENT ON COLUMN iwddm.etl_audit.last_event_id IS 'last feed event id of the batch (or run)';
COMMENT ON COLUMN iwddm.etl_audit.events_staged IS 'events read from the feed (loaded, duplicate or rejected)';
COMMENT ON COLUMN iwddm.etl_audit.events_loaded IS 'new events loaded into the facts';
COMMENT ON COLUMN iwddm.etl_audit.events_duplicate IS 'events already in the mart (a rerun or an overlap), ignored';
COMMENT ON COLUMN iwddm.etl_audit.events_rejected IS 'bad events quarantined in rejected_event';
COMMENT ON COLUMN iwddm.etl_audit.tasks_touched IS 'tasks whose facts the batch recomputed';
COMMENT ON COLUMN iwddm.etl_audit.dimensions_new IS 'new dimension members added, as {dimension: count}';
COMMENT ON COLUMN iwddm.etl_audit.message IS 'what happened, e.g. the error of a failed run';
COMMENT ON COLUMN iwddm.etl_audit.step_seconds IS 'seconds each load step took, as {step: seconds} (e.g. parse, dimensions, facts, aggregates)';

COMMENT ON TABLE iwddm.wfm_delivery IS 'What the WFM push has delivered, one row (SPEC §7, docs/wfm.md).';
COMMENT ON COLUMN iwddm.wfm_delivery.singleton IS 'always true: the table has exactly one row';
COMMENT ON COLUMN iwddm.wfm_delivery.last_delivered_interval IS 'date_time_key of the latest 15-minute interval WFM acknowledged; null before the first delivery';
COMMENT ON COLUMN iwddm.wfm_delivery.delivered_at IS 'when WFM last acknowledged';
COMMENT ON COLUMN iwddm.wfm_delivery.intervals_delivered IS 'intervals acknowledged in total';

COMMENT ON TABLE iwddm.agg_area IS 'The five aggregate subject areas (SPEC §6): group columns and measures, from which the aggregate tables, their maintenance and the iwd_agg_* views are generated.';
COMMENT ON COLUMN iwddm.agg_area.area IS 'subject area: task_classif, task_capt, task_queue, task_agent or task_age';
COMMENT ON COLUMN iwddm.agg_area.group_columns IS 'the dimension keys it groups by';
COMMENT ON COLUMN iwddm.agg_area.flow_measures IS 'measures counting what happened in an interval (summed over coarser buckets)';
COMMENT ON COLUMN iwddm.agg_area.snapshot_measures IS 'measures counting the state at an interval''s end (a coarser bucket takes the value of its last interval)';

COMMENT ON TABLE iwddm.status IS 'Static dimension of task statuses as the IWD feed sends them: which are final and which are held (SPEC §3, §5).';
COMMENT ON COLUMN iwddm.status.status_key IS 'surrogate key; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.status.status_name IS 'status as the feed names it, e.g. new, assigned, completed, canceled, rejected, held';
COMMENT ON COLUMN iwddm.status.is_final IS 'a final status: completed, canceled or rejected (a task there is not open)';
COMMENT ON COLUMN iwddm.status.is_held IS 'a held status (held, errorheld, newheld): time there counts as held time';

COMMENT ON TABLE iwddm.task_event_type IS 'Dimension of event types (SPEC §3): static, but an unknown type from the feed adds a row.';
COMMENT ON COLUMN iwddm.task_event_type.task_event_type_key IS 'surrogate key (hash of the name); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.task_event_type.task_event_type_name IS 'the feed''s eventType, e.g. Created, Updated, Assigned, Completed';

COMMENT ON TABLE iwddm.age IS 'Static dimension of task age bands in seconds, lower bound inclusive, upper exclusive (SPEC §3): <1h, 1-4h, 4-8h, 8-24h, 1-2d, 2-3d, 3-5d, 5-7d, 7-14d, 14-30d, 30d+.';
COMMENT ON COLUMN iwddm.age.age_key IS 'surrogate key; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.age.age_name IS 'the band''s label, e.g. 1-4h';
COMMENT ON COLUMN iwddm.age.lower_sec IS 'lowest age in the band, seconds (inclusive)';
COMMENT ON COLUMN iwddm.age.upper_sec IS 'end of the band, seconds (exclusive); null for the open 30d+ band';

COMMENT ON TABLE iwddm.priority IS 'Static dimension of priority bands, both bounds inclusive (SPEC §3): <0, 0-9, 10-49, 50-99, 100-199, 200-499, 500-999, 1000+.';
COMMENT ON COLUMN iwddm.priority.priority_key IS 'surrogate key; key 0 is "no value" (priority null)';
COMMENT ON COLUMN iwddm.priority.priority_name IS 'the band''s label, e.g. 10-49';
COMMENT ON COLUMN iwddm.priority.lower_value IS 'lowest priority in the band (inclusive); null for the open lower end';
COMMENT ON COLUMN iwddm.priority.upper_value IS 'highest priority in the band (inclusive); null for the open upper end';

COMMENT ON TABLE iwddm.business_value IS 'Static dimension of business value bands, both bounds inclusive (SPEC §3): <0, 0-9, 10-19, ... 90-99, 100-199, 200-499, 500+.';
COMMENT ON COLUMN iwddm.business_value.business_value_key IS 'surrogate key; key 0 is "no value" (business value null)';
COMMENT ON COLUMN iwddm.business_value.business_value_name IS 'the band''s label, e.g. 10-19';
COMMENT ON COLUMN iwddm.business_value.lower_value IS 'lowest value in the band (inclusive); null for the open lower end';
COMMENT ON COLUMN iwddm.business_value.upper_value IS 'highest value in the band (inclusive); null for the open upper end';

COMMENT ON TABLE iwddm.timezone IS 'Static dimension of time zones (SPEC §3.1).';
COMMENT ON COLUMN iwddm.timezone.timezone_key IS 'surrogate key';
COMMENT ON COLUMN iwddm.timezone.timezone_name IS 'IANA time zone name';

COMMENT ON TABLE iwddm.date_time IS 'One row per 15-minute interval of the calendar coverage, with the keys of the enclosing buckets in the mart time zone (SPEC §4). A local day has 92, 96 or 100 intervals.';
COMMENT ON COLUMN iwddm.date_time.date_time_key IS 'UTC epoch second at which the 15-minute interval starts (SPEC §4); the interval is [start, start + 900 s)';
COMMENT ON COLUMN iwddm.date_time.start_ts IS 'the interval''s start';
COMMENT ON COLUMN iwddm.date_time.end_ts IS 'the interval''s end (exclusive): start_ts + 15 minutes';
COMMENT ON COLUMN iwddm.date_time.local_start IS 'the interval''s start as local wall-clock time in the mart time zone';
COMMENT ON COLUMN iwddm.date_time.event_date_key IS 'key of the local date of the interval''s start in event_date (yyyymmdd)';
COMMENT ON COLUMN iwddm.date_time.interval_of_day IS 'position of the interval in its local day, from 0';
COMMENT ON COLUMN iwddm.date_time.date_time_30min_key IS 'epoch second at which the enclosing local half hour starts (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_hour_key IS 'epoch second at which the enclosing local hour starts (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_day_key IS 'epoch second at which the enclosing local day starts (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_week_key IS 'epoch second at which the enclosing local week starts; weeks start on Monday (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_month_key IS 'epoch second at which the enclosing local month starts (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_quarter_key IS 'epoch second at which the enclosing local quarter starts (SPEC §4)';
COMMENT ON COLUMN iwddm.date_time.date_time_year_key IS 'epoch second at which the enclosing local year starts (SPEC §4)';

COMMENT ON TABLE iwddm.event_date IS 'Calendar dates in the mart time zone, key yyyymmdd (SPEC §3, §3.1).';
COMMENT ON COLUMN iwddm.event_date.event_date_key IS 'the date as yyyymmdd';
COMMENT ON COLUMN iwddm.event_date.calendar_date IS 'the date';
COMMENT ON COLUMN iwddm.event_date.year IS 'year number';
COMMENT ON COLUMN iwddm.event_date.quarter IS 'quarter of the year, 1 to 4';
COMMENT ON COLUMN iwddm.event_date.month IS 'month of the year, 1 to 12';
COMMENT ON COLUMN iwddm.event_date.day_of_month IS 'day of the month, 1 to 31';
COMMENT ON COLUMN iwddm.event_date.iso_day_of_week IS 'ISO day of the week, Monday 1 to Sunday 7';
COMMENT ON COLUMN iwddm.event_date.week_start IS 'the Monday starting the date''s ISO week';
COMMENT ON COLUMN iwddm.event_date.month_name IS 'English month name, e.g. November';
COMMENT ON COLUMN iwddm.event_date.day_name IS 'English day name, e.g. Friday';

COMMENT ON TABLE iwddm.event_time IS 'Wall-clock times of day to the second, key hhmmss (SPEC §3).';
COMMENT ON COLUMN iwddm.event_time.event_time_key IS 'the time as hhmmss (e.g. 93000 for 09:30:00)';
COMMENT ON COLUMN iwddm.event_time.time_of_day IS 'the time of day';
COMMENT ON COLUMN iwddm.event_time.hour IS 'hour, 0 to 23';
COMMENT ON COLUMN iwddm.event_time.minute IS 'minute, 0 to 59';
COMMENT ON COLUMN iwddm.event_time.second IS 'second, 0 to 59';
COMMENT ON COLUMN iwddm.event_time.interval_of_hour IS '15-minute interval within the hour, 0 to 3';

COMMENT ON TABLE iwddm.tenant IS 'Dimension of IWD tenants, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.tenant.tenant_key IS 'surrogate key, references nothing: a hash of the natural key; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.tenant.tenant_runtime_id IS 'the tenant''s id in IWD (natural key)';
COMMENT ON COLUMN iwddm.tenant.tenant_name IS 'the tenant''s name';
COMMENT ON COLUMN iwddm.tenant.name_event_id IS 'feed event id that set the descriptive name: the highest id wins (SPEC §5)';

COMMENT ON TABLE iwddm.solution IS 'Dimension of IWD solutions within a tenant, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.solution.solution_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.solution.tenant_key IS 'the tenant, references tenant';
COMMENT ON COLUMN iwddm.solution.solution_runtime_id IS 'the solution''s id in IWD (natural key, with the tenant)';
COMMENT ON COLUMN iwddm.solution.solution_name IS 'the solution''s name';
COMMENT ON COLUMN iwddm.solution.name_event_id IS 'feed event id that set the descriptive name: the highest id wins (SPEC §5)';

COMMENT ON TABLE iwddm.department IS 'Dimension of departments: level 1 of the category path, per tenant and solution (SPEC §3).';
COMMENT ON COLUMN iwddm.department.department_key IS 'surrogate key (hash of tenant, solution, level 1); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.department.tenant_key IS 'the tenant, references tenant';
COMMENT ON COLUMN iwddm.department.solution_key IS 'the solution, references solution';
COMMENT ON COLUMN iwddm.department.department_name IS 'category level 1 (natural key, with tenant and solution)';

COMMENT ON TABLE iwddm.process IS 'Dimension of processes: levels 1 and 2 of the category path (SPEC §3).';
COMMENT ON COLUMN iwddm.process.process_key IS 'surrogate key (hash of tenant, solution, levels 1 and 2); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.process.tenant_key IS 'the tenant, references tenant';
COMMENT ON COLUMN iwddm.process.solution_key IS 'the solution, references solution';
COMMENT ON COLUMN iwddm.process.department_key IS 'the department (level 1), references department';
COMMENT ON COLUMN iwddm.process.process_name IS 'category level 2; the empty string for a one-level path';

COMMENT ON TABLE iwddm.category IS 'Dimension of full category paths (1 to 10 levels), created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.category.category_key IS 'surrogate key (hash of tenant, solution, path); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.category.tenant_key IS 'the tenant, references tenant';
COMMENT ON COLUMN iwddm.category.solution_key IS 'the solution, references solution';
COMMENT ON COLUMN iwddm.category.department_key IS 'the department (level 1), references department';
COMMENT ON COLUMN iwddm.category.process_key IS 'the process (levels 1 and 2), references process';
COMMENT ON COLUMN iwddm.category.category_levels IS 'the path''s levels as an array';
COMMENT ON COLUMN iwddm.category.category_path IS 'the path as text, levels joined with /';
COMMENT ON COLUMN iwddm.category.category_runtime_id IS 'the category id the feed sends for the full path';
COMMENT ON COLUMN iwddm.category.runtime_id_event_id IS 'feed event id that set category_runtime_id: the highest id wins (SPEC §5)';
COMMENT ON COLUMN iwddm.category.category_level1 IS 'level 1 of the path (the department)';
COMMENT ON COLUMN iwddm.category.category_level2 IS 'level 2 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level3 IS 'level 3 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level4 IS 'level 4 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level5 IS 'level 5 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level6 IS 'level 6 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level7 IS 'level 7 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level8 IS 'level 8 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level9 IS 'level 9 of the path; null when the path is shorter';
COMMENT ON COLUMN iwddm.category.category_level10 IS 'level 10 of the path; null when the path is shorter';

COMMENT ON TABLE iwddm.capture_point IS 'Dimension of capture points (where tasks enter IWD), created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.capture_point.capture_point_key IS 'surrogate key (hash of the runtime id); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.capture_point.capture_point_runtime_id IS 'the capture point''s id in IWD (natural key)';
COMMENT ON COLUMN iwddm.capture_point.capture_point_name IS 'its name';
COMMENT ON COLUMN iwddm.capture_point.name_event_id IS 'feed event id that set the descriptive name: the highest id wins (SPEC §5)';

COMMENT ON TABLE iwddm.media_type IS 'Dimension of media types (e.g. email, workitem), created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.media_type.media_type_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.media_type.media_type_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.media_channel IS 'Dimension of media channels, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.media_channel.media_channel_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.media_channel.media_channel_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.queue IS 'Dimension of queues (e.g. iWD_New, iWD_Completed), created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.queue.queue_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.queue.queue_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.customer_segment IS 'Dimension of customer segments, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.customer_segment.customer_segment_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.customer_segment.customer_segment_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.skill IS 'Dimension of skills requested for tasks, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.skill.skill_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.skill.skill_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.result_code IS 'Dimension of result codes (task.resultCode), created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.result_code.result_code_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.result_code.result_code_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.source_tenant IS 'Dimension of the tenants of the source system, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.source_tenant.source_tenant_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.source_tenant.source_tenant_name IS 'the name as the feed sends it (natural key)';

COMMENT ON TABLE iwddm.custom_dim IS 'Dimension of the combined values of the task.data keys named by iwddm.custom_dim_attribute_map (up to five), created on first sight (SPEC §3.1).';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_key IS 'surrogate key (hash of the natural key); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';

COMMENT ON TABLE iwddm.agent IS 'Dimension of agents by employee id, created on first sight; names from the feed or from GIM (SPEC §3, docs/wfm.md).';
COMMENT ON COLUMN iwddm.agent.agent_key IS 'surrogate key (hash of the employee id); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agent.employee_id IS 'the agent''s employee id (natural key; "same agent" compares it, SPEC §5)';
COMMENT ON COLUMN iwddm.agent.agent_name IS 'the agent''s name';
COMMENT ON COLUMN iwddm.agent.name_event_id IS 'feed event id that set the descriptive name: the highest id wins (SPEC §5)';
COMMENT ON COLUMN iwddm.agent.agent_first_name IS 'first name, from GIM when enabled';
COMMENT ON COLUMN iwddm.agent.agent_last_name IS 'last name, from GIM when enabled';

COMMENT ON TABLE iwddm.customer IS 'Dimension of customers by id, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.customer.customer_key IS 'surrogate key (hash of the customer id); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.customer.customer_id IS 'the customer''s id (natural key)';

COMMENT ON TABLE iwddm.product IS 'Dimension of products, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.product.product_key IS 'surrogate key (hash of type and subtype); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.product.product_type IS 'product type (natural key, with the subtype)';
COMMENT ON COLUMN iwddm.product.product_subtype IS 'product subtype';

COMMENT ON TABLE iwddm.source_process IS 'Dimension of the source system''s processes, created on first sight (SPEC §3).';
COMMENT ON COLUMN iwddm.source_process.source_process_key IS 'surrogate key (hash of type and subtype); key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.source_process.source_process_type IS 'source process type (natural key, with the subtype)';
COMMENT ON COLUMN iwddm.source_process.source_process_subtype IS 'source process subtype';

COMMENT ON TABLE iwddm.i_task_fact IS 'Intraday task facts: one row per task not yet moved to h_task_fact, its current state (SPEC §3, §5). Query the view task_fact.';
COMMENT ON COLUMN iwddm.i_task_fact.interaction_id IS 'the task''s id in IWD (taskId): one row per task';
COMMENT ON COLUMN iwddm.i_task_fact.capture_id IS 'the task''s id in its source system (captureId)';
COMMENT ON COLUMN iwddm.i_task_fact.last_task_event_id IS 'id of the task''s last event in history order (timestamp, then id; SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.last_event_ts IS 'timestamp of that last event';
COMMENT ON COLUMN iwddm.i_task_fact.event_count IS 'number of the task''s events loaded';
COMMENT ON COLUMN iwddm.i_task_fact.current_status_key IS 'status of the task''s current state (after its last event in history order, SPEC §5); references status; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.current_priority_key IS 'priority band of the current priority; references priority; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.current_queue_key IS 'queue of the task''s current state (after its last event in history order, SPEC §5); references queue; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.business_value_key IS 'business value band of the current business value; references business_value; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.department_key IS 'department (category level 1); references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.process_key IS 'process (category levels 1-2); references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.category_key IS 'full category path; references category; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.capture_point_key IS 'references capture_point; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.media_type_key IS 'references media_type; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.media_channel_key IS 'references media_channel; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.customer_key IS 'references customer; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.customer_segment_key IS 'references customer_segment; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.product_key IS 'references product; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.skill_key IS 'requested skill; references skill; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.result_code_key IS 'result code of the task''s current state (after its last event in history order, SPEC §5); references result_code; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.source_process_key IS 'references source_process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.source_tenant_key IS 'references source_tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_dim_key IS 'references custom_dim; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.last_assigned_agent_key IS 'agent of the latest assignment start (SPEC §5); references agent; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_fact.created_ts IS 'when the task came to exist: its first event''s timestamp (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.first_assigned_ts IS 'start of the task''s first assignment (SPEC §5); null if never assigned';
COMMENT ON COLUMN iwddm.i_task_fact.completed_ts IS 'time of the last transition into completed while the current status is completed; else null (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.final_ts IS 'time of the latest transition into a final status while the task is final; else null';
COMMENT ON COLUMN iwddm.i_task_fact.due_ts IS 'due time of the task''s current state (after its last event in history order, SPEC §5) (dueDateTime); null if none';
COMMENT ON COLUMN iwddm.i_task_fact.task_created_ts IS 'IWD''s own creation time of the task (task.createdDateTime), which may precede its first event';
COMMENT ON COLUMN iwddm.i_task_fact.priority IS 'the raw current priority';
COMMENT ON COLUMN iwddm.i_task_fact.business_value IS 'the raw current business value';
COMMENT ON COLUMN iwddm.i_task_fact.assign_time_from_created_sec IS 'first_assigned_ts - created_ts in whole seconds rounded down; null if never assigned (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.complete_time_from_created_sec IS 'completed_ts - created_ts in whole seconds rounded down; null unless completed (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.total_work_time_sec IS 'sum of work_time_sec of the task''s finished assignments, seconds (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.total_held_time_sec IS 'sum of the task''s finished holds, seconds (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_data IS 'the task.data object of the task''s current state (after its last event in history order, SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute1 IS 'value of the task.data key mapped to slot 1 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute2 IS 'value of the task.data key mapped to slot 2 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute3 IS 'value of the task.data key mapped to slot 3 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute4 IS 'value of the task.data key mapped to slot 4 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute5 IS 'value of the task.data key mapped to slot 5 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute6 IS 'value of the task.data key mapped to slot 6 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute7 IS 'value of the task.data key mapped to slot 7 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute8 IS 'value of the task.data key mapped to slot 8 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute9 IS 'value of the task.data key mapped to slot 9 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.custom_attribute10 IS 'value of the task.data key mapped to slot 10 in custom_attribute_map; null when unmapped (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.created_date_key IS 'created_ts''s key of the local calendar date in event_date (yyyymmdd, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.created_time_key IS 'created_ts''s key of the local time of day in event_time (hhmmss, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.created_interval IS 'created_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';
COMMENT ON COLUMN iwddm.i_task_fact.first_assigned_date_key IS 'first_assigned_ts''s key of the local calendar date in event_date (yyyymmdd, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.first_assigned_time_key IS 'first_assigned_ts''s key of the local time of day in event_time (hhmmss, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.first_assigned_interval IS 'first_assigned_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';
COMMENT ON COLUMN iwddm.i_task_fact.completed_date_key IS 'completed_ts''s key of the local calendar date in event_date (yyyymmdd, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.completed_time_key IS 'completed_ts''s key of the local time of day in event_time (hhmmss, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.completed_interval IS 'completed_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';
COMMENT ON COLUMN iwddm.i_task_fact.due_date_key IS 'due_ts''s key of the local calendar date in event_date (yyyymmdd, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.due_time_key IS 'due_ts''s key of the local time of day in event_time (hhmmss, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.due_interval IS 'due_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';

COMMENT ON TABLE iwddm.h_task_fact IS 'Historical task facts: final tasks of closed days, moved from i_task_fact (SPEC §3). Query the view task_fact.';

COMMENT ON TABLE iwddm.i_task_event_fact IS 'Intraday event facts: one row per event of a task in i_task_fact (SPEC §3). Query the view task_event_fact.';
COMMENT ON COLUMN iwddm.i_task_event_fact.task_event_id IS 'the event''s id in the feed (unique)';
COMMENT ON COLUMN iwddm.i_task_event_fact.interaction_id IS 'the task''s id (taskId)';
COMMENT ON COLUMN iwddm.i_task_event_fact.task_event_type_key IS 'references task_event_type; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.event_ts IS 'the event''s timestamp';
COMMENT ON COLUMN iwddm.i_task_event_fact.event_interval IS 'the event''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';
COMMENT ON COLUMN iwddm.i_task_event_fact.event_date_key IS 'the event''s key of the local calendar date in event_date (yyyymmdd, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.event_time_key IS 'the event''s key of the local time of day in event_time (hhmmss, mart time zone; SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.status_key IS 'status after the event (SPEC §5); references status; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.priority_key IS 'priority band after the event (SPEC §5); references priority; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.business_value_key IS 'business value band after the event (SPEC §5); references business_value; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.queue_key IS 'queue after the event (SPEC §5); references queue; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.entered_queue_key IS 'queue this event entered (the queue differs from before it, or the task''s first event); null when the queue did not change (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.exited_queue_key IS 'queue this event left; null when the queue did not change (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.assigned_agent_key IS 'the event''s own agent, whatever its status (SPEC §5); references agent; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.work_time_sec IS 'seconds of the assignment this event ends, else 0 (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.held_time_sec IS 'seconds of the hold this event ends, else 0 (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.priority IS 'raw priority after the event (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.business_value IS 'raw business value after the event (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.due_ts IS 'due time after the event (SPEC §5); null if none';
COMMENT ON COLUMN iwddm.i_task_event_fact.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.department_key IS 'department after the event (SPEC §5); references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.process_key IS 'process after the event (SPEC §5); references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.category_key IS 'category after the event (SPEC §5); references category; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.capture_point_key IS 'references capture_point; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_event_fact.media_type_key IS 'references media_type; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';

COMMENT ON TABLE iwddm.h_task_event_fact IS 'Historical event facts: events of the tasks in h_task_fact (SPEC §3). Query the view task_event_fact.';

COMMENT ON TABLE iwddm.i_task_work_fact IS 'Intraday work facts: one row per assignment of a task in i_task_fact (SPEC §3, §5). Query the view task_work_fact.';
COMMENT ON COLUMN iwddm.i_task_work_fact.assign_task_event_id IS 'id of the event that started the assignment (one row per assignment)';
COMMENT ON COLUMN iwddm.i_task_work_fact.interaction_id IS 'the task''s id (taskId)';
COMMENT ON COLUMN iwddm.i_task_work_fact.finish_task_event_id IS 'id of the event that ended it; null while it runs (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_work_fact.assigned_agent_key IS 'the assigned agent; references agent; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.i_task_work_fact.assign_ts IS 'when the assignment started';
COMMENT ON COLUMN iwddm.i_task_work_fact.finish_ts IS 'when it ended; null while it runs';
COMMENT ON COLUMN iwddm.i_task_work_fact.assign_interval IS 'assign_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4)';
COMMENT ON COLUMN iwddm.i_task_work_fact.finish_interval IS 'finish_ts''s date_time_key (UTC epoch seconds) of the 15-minute interval holding it (SPEC §4); null while it runs';
COMMENT ON COLUMN iwddm.i_task_work_fact.work_time_sec IS 'finish_ts - assign_ts in whole seconds rounded down; null while it runs (SPEC §5)';
COMMENT ON COLUMN iwddm.i_task_work_fact.is_abandon IS '1 unless the ending event''s status is completed, else 0; null while it runs (SPEC §5)';

COMMENT ON TABLE iwddm.h_task_work_fact IS 'Historical work facts: assignments of the tasks in h_task_fact (SPEC §3). Query the view task_work_fact.';

COMMENT ON VIEW iwddm.task_fact IS 'Every task, one row each, in its current state: i_task_fact and h_task_fact together (SPEC §3, §5).';

COMMENT ON VIEW iwddm.task_event_fact IS 'Every loaded event, one row each: i_task_event_fact and h_task_event_fact together (SPEC §3).';

COMMENT ON VIEW iwddm.task_work_fact IS 'Every assignment (agent work on a task), one row each: i_task_work_fact and h_task_work_fact together (SPEC §3, §5).';

COMMENT ON TABLE iwddm.agg_task_classif_15min IS 'The task_classif aggregate per tenant, solution, department and process, per 15-minute interval: the physical grain of the iwd_agg_task_classif_* views (SPEC §6). A row is absent when all its measures are zero.';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.department_key IS 'references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.process_key IS 'references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.entered IS 'flow: tasks whose first event lies in the interval (group as of that event; SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.completed IS 'flow: transitions into completed in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.canceled IS 'flow: transitions into canceled in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.rejected IS 'flow: transitions into rejected in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.completed_overdue IS 'flow: completed transitions whose due time at that event is earlier than the event (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.complete_time_sum_sec IS 'flow: over the completed transitions in the interval, the sum of floor(event time - created_ts), seconds (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.backlog IS 'snapshot: tasks open at the interval''s end (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_15min.overdue_backlog IS 'snapshot: of the backlog, tasks overdue at the interval''s end (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_classif_flow IS 'Each task''s contribution to agg_task_classif_15min, kept so a reload can retract it (incremental maintenance, docs/aggregates.md); snapshot measures hold signed changes (+1 where the task starts counting, -1 where it stops).';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.interaction_id IS 'the task whose contribution this is';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.department_key IS 'references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.process_key IS 'references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.entered IS 'this task''s flow: tasks whose first event lies in the interval (group as of that event; SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.completed IS 'this task''s flow: transitions into completed in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.canceled IS 'this task''s flow: transitions into canceled in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.rejected IS 'this task''s flow: transitions into rejected in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.completed_overdue IS 'this task''s flow: completed transitions whose due time at that event is earlier than the event (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.complete_time_sum_sec IS 'this task''s flow: over the completed transitions in the interval, the sum of floor(event time - created_ts), seconds (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.backlog IS 'this task''s signed change of snapshot: tasks open at the interval''s end (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_classif_flow.overdue_backlog IS 'this task''s signed change of snapshot: of the backlog, tasks overdue at the interval''s end (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_capt_15min IS 'The task_capt aggregate per tenant, solution, capture point and media type, per 15-minute interval: the physical grain of the iwd_agg_task_capt_* views (SPEC §6). A row is absent when all its measures are zero.';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.capture_point_key IS 'references capture_point; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.media_type_key IS 'references media_type; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.entered IS 'flow: tasks whose first event lies in the interval (group as of that event; SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.completed IS 'flow: transitions into completed in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.canceled IS 'flow: transitions into canceled in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.rejected IS 'flow: transitions into rejected in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_15min.backlog IS 'snapshot: tasks open at the interval''s end (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_capt_flow IS 'Each task''s contribution to agg_task_capt_15min, kept so a reload can retract it (incremental maintenance, docs/aggregates.md); snapshot measures hold signed changes (+1 where the task starts counting, -1 where it stops).';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.interaction_id IS 'the task whose contribution this is';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.capture_point_key IS 'references capture_point; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.media_type_key IS 'references media_type; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.entered IS 'this task''s flow: tasks whose first event lies in the interval (group as of that event; SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.completed IS 'this task''s flow: transitions into completed in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.canceled IS 'this task''s flow: transitions into canceled in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.rejected IS 'this task''s flow: transitions into rejected in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_capt_flow.backlog IS 'this task''s signed change of snapshot: tasks open at the interval''s end (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_queue_15min IS 'The task_queue aggregate per queue, per 15-minute interval: the physical grain of the iwd_agg_task_queue_* views (SPEC §6). A row is absent when all its measures are zero.';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.queue_key IS 'references queue; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.entered_queue IS 'flow: events in the interval after which the task''s queue is the group''s queue and before which it was not (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.exited_queue IS 'flow: events in the interval after which the task''s queue is no longer the group''s queue (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.queue_time_sum_sec IS 'flow: for each exit in the interval, seconds since the matching entry (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_15min.in_queue IS 'snapshot: open tasks whose queue at the interval''s end is the group''s queue (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_queue_flow IS 'Each task''s contribution to agg_task_queue_15min, kept so a reload can retract it (incremental maintenance, docs/aggregates.md); snapshot measures hold signed changes (+1 where the task starts counting, -1 where it stops).';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.interaction_id IS 'the task whose contribution this is';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.queue_key IS 'references queue; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.entered_queue IS 'this task''s flow: events in the interval after which the task''s queue is the group''s queue and before which it was not (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.exited_queue IS 'this task''s flow: events in the interval after which the task''s queue is no longer the group''s queue (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.queue_time_sum_sec IS 'this task''s flow: for each exit in the interval, seconds since the matching entry (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_queue_flow.in_queue IS 'this task''s signed change of snapshot: open tasks whose queue at the interval''s end is the group''s queue (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_agent_15min IS 'The task_agent aggregate per agent, per 15-minute interval: the physical grain of the iwd_agg_task_agent_* views (SPEC §6). A row is absent when all its measures are zero.';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.agent_key IS 'references agent; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.assigned IS 'flow: assignments starting in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.finished IS 'flow: assignments ending in the interval with is_abandon 0 (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.abandoned IS 'flow: assignments ending in the interval with is_abandon 1 (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_15min.work_time_sum_sec IS 'flow: work time of the assignments ending in the interval, seconds (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_agent_flow IS 'Each task''s contribution to agg_task_agent_15min, kept so a reload can retract it (incremental maintenance, docs/aggregates.md); snapshot measures hold signed changes (+1 where the task starts counting, -1 where it stops).';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.interaction_id IS 'the task whose contribution this is';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.agent_key IS 'references agent; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.assigned IS 'this task''s flow: assignments starting in the interval (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.finished IS 'this task''s flow: assignments ending in the interval with is_abandon 0 (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.abandoned IS 'this task''s flow: assignments ending in the interval with is_abandon 1 (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_agent_flow.work_time_sum_sec IS 'this task''s flow: work time of the assignments ending in the interval, seconds (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_age_15min IS 'The task_age aggregate per tenant, solution, department, process and age band, per 15-minute interval: the physical grain of the iwd_agg_task_age_* views (SPEC §6). A row is absent when all its measures are zero.';
COMMENT ON COLUMN iwddm.agg_task_age_15min.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.department_key IS 'references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.process_key IS 'references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.age_key IS 'age band of the task at the interval''s end; references age; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_15min.backlog IS 'snapshot: tasks open at the interval''s end whose age (end - created_ts) falls in the band (SPEC §6)';

COMMENT ON TABLE iwddm.agg_task_age_flow IS 'Each task''s contribution to agg_task_age_15min, kept so a reload can retract it (incremental maintenance, docs/aggregates.md); snapshot measures hold signed changes (+1 where the task starts counting, -1 where it stops). Unlike the other areas'' flows, these stop at the covered range end (mart_config.agg_to): an open task''s later band moves are written from agg_task_age_open as the range grows.';
COMMENT ON COLUMN iwddm.agg_task_age_flow.interaction_id IS 'the task whose contribution this is';
COMMENT ON COLUMN iwddm.agg_task_age_flow.date_time_key IS 'the interval, references date_time (SPEC §4)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.tenant_key IS 'references tenant; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.solution_key IS 'references solution; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.department_key IS 'references department; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.process_key IS 'references process; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.age_key IS 'age band of the task at the interval''s end; references age; key 0 is the unknown member (natural key null), so fact keys are never null (SPEC §3, §5)';
COMMENT ON COLUMN iwddm.agg_task_age_flow.backlog IS 'this task''s signed change of snapshot: tasks open at the interval''s end whose age (end - created_ts) falls in the band (SPEC §6)';
COMMENT ON TABLE iwddm.agg_task_age_open IS 'One row per open task (its last status not final): its creation and current group, from which the age bands it moves into after the covered range end follow (iwddm.extend_age_flows writes those moves into agg_task_age_flow as the range grows; docs/aggregates.md).';
COMMENT ON COLUMN iwddm.agg_task_age_open.interaction_id IS 'the open task';
COMMENT ON COLUMN iwddm.agg_task_age_open.created_epoch IS 'when the task was created (its first event), epoch seconds: its age counts from here (SPEC §6)';
COMMENT ON COLUMN iwddm.agg_task_age_open.tenant_key IS 'the task''s tenant now; references tenant';
COMMENT ON COLUMN iwddm.agg_task_age_open.solution_key IS 'the task''s solution now; references solution';
COMMENT ON COLUMN iwddm.agg_task_age_open.department_key IS 'the task''s department now; references department';
COMMENT ON COLUMN iwddm.agg_task_age_open.process_key IS 'the task''s process now; references process';

-- Flyway's own bookkeeping (absent when scripts/apply-migrations applied the files).
-- Retention (V8), verification (V9), the chunked-load backlog (V11).
COMMENT ON COLUMN iwddm.mart_config.keep_tasks IS 'retention of final tasks (with their event and work facts and flows) after their last event; null keeps them forever (docs/retention.md)';
COMMENT ON COLUMN iwddm.mart_config.keep_rejected IS 'retention of rejected_event rows after first_seen_at; null keeps them forever';
COMMENT ON COLUMN iwddm.mart_config.keep_audit IS 'retention of etl_audit rows after started_at; null keeps them forever';
COMMENT ON COLUMN iwddm.mart_config.keep_agg_15min IS 'retention of the 15-minute aggregate rows (day and coarser buckets are kept); null keeps them forever';
COMMENT ON COLUMN iwddm.mart_config.tasks_purged_before IS 'horizon reached by the task purge: tasks whose last event is before it may be gone; null until a purge';
COMMENT ON COLUMN iwddm.mart_config.agg_15min_purged_before IS 'horizon reached by the 15-minute purge: rows before it are gone, their days kept in agg_<area>_day; null until a purge';
COMMENT ON COLUMN iwddm.mart_config.verified_through IS 'the last local day whose aggregates the historical chain verified (iwddm.verify_closed_days)';
COMMENT ON TABLE iwddm.purged_task IS 'Tombstones of purged tasks, so a later event for one is quarantined instead of applied to a partial history (docs/retention.md).';
COMMENT ON COLUMN iwddm.purged_task.interaction_id IS 'the purged task''s id';
COMMENT ON COLUMN iwddm.purged_task.last_event_ts IS 'its last event''s time; the tombstone itself goes one retention period later';
COMMENT ON VIEW iwddm.retention IS 'The retention settings, one row each, with the horizon each purge reached (CALL iwddm.set_retention to change them).';
COMMENT ON COLUMN iwddm.retention.setting IS 'tasks, rejected_events, etl_audit or agg_15min';
COMMENT ON COLUMN iwddm.retention.keep IS 'how long it is kept; null: forever (the default)';
COMMENT ON COLUMN iwddm.retention.purged_before IS 'the horizon the purge reached; null until it purged';
COMMENT ON COLUMN iwddm.retention.applies_to IS 'what the setting keeps';
COMMENT ON TABLE iwddm.stage_backlog IS 'The backlog of a chunked load by hand (CALL iwddm.load_staged_in_chunks): staged rows waiting for their chunk (docs/loading.md).';
COMMENT ON COLUMN iwddm.stage_backlog.stage_id IS 'the row''s staging order';
COMMENT ON COLUMN iwddm.stage_backlog.raw IS 'one event''s JSON text, as staged';
COMMENT ON COLUMN iwddm.stage_backlog.staged_at IS 'when it was staged';
COMMENT ON TABLE iwddm.stage_typed_event IS 'The shape of the job''s staging (issue 14): each event of a page, in feed order; typed, with its member keys, when the job vouched for it against FEED.md''s rules, else its text in raw. The job stages each page in its transaction''s own pg_temp.stage_typed_event (LIKE this table, ON COMMIT DROP), which load_staged takes over, or (staged ahead, on a second connection) in a staging slot, iwddm.stage_ahead_0 or _1, which load_staged reads when iwddm.staged_ahead names it; rows staged here are claimed with either. Emptied by load_staged in the same transaction; unlogged. Not for loads by hand: use iwddm.stage_task_event.';
COMMENT ON COLUMN iwddm.stage_typed_event.stage_id IS 'staging order, shared with iwddm.stage_task_event (its sequence)';
COMMENT ON COLUMN iwddm.stage_typed_event.raw IS 'the event''s JSON text when the job could not vouch for it (then every other column is null and load_staged checks it as a \copy''d event); null for a typed row';
COMMENT ON COLUMN iwddm.stage_typed_event.expiration_ts IS 'task.expirationDateTime (checked, kept only for a quarantined typed event''s document)';
COMMENT ON COLUMN iwddm.stage_typed_event.custom_data IS 'task.data as sent (JSON object), read for the mapped custom dimension and attributes';
-- The typed columns say the same thing each: set from the catalog, so a column added later gets it too.
DO $$
DECLARE
    col name;
BEGIN
    FOR col IN SELECT attname FROM pg_attribute
               WHERE attrelid = 'iwddm.stage_typed_event'::regclass AND attnum > 0 AND NOT attisdropped
                 AND attname NOT IN ('stage_id', 'raw', 'expiration_ts', 'custom_data') LOOP
        EXECUTE format('COMMENT ON COLUMN iwddm.stage_typed_event.%I IS %L', col,
                       CASE WHEN col LIKE '%\_key'
                            THEN 'typed row: iwddm.member_key of the natural key, computed by the job'
                            ELSE 'typed row: the field load_staged reads into this name (docs/loading.md, the job''s typed staging)' END);
    END LOOP;
END
$$;
COMMENT ON TABLE iwddm.stage_ahead_0 IS 'One of the job''s two staging slots (issue 14): the next page, staged on the job''s second connection while the page before loads, committed; its load reads the slot in the page''s own transaction (load_staged, setting iwddm.staged_ahead). The job empties a slot before each staging and both when its run ends, and names only the slot it has just staged, so rows left here are never loaded. Unlogged; not for loads by hand.';
COMMENT ON TABLE iwddm.stage_ahead_1 IS 'The other staging slot: see iwddm.stage_ahead_0.';
-- The slots' columns are iwddm.stage_typed_event's, and say the same.
DO $$
DECLARE
    slot name;
    col  record;
BEGIN
    FOREACH slot IN ARRAY ARRAY['stage_ahead_0', 'stage_ahead_1']::name[] LOOP
        FOR col IN SELECT a.attname, col_description(a.attrelid, a.attnum) AS note FROM pg_attribute a
                   WHERE a.attrelid = 'iwddm.stage_typed_event'::regclass AND a.attnum > 0 AND NOT a.attisdropped LOOP
            EXECUTE format('COMMENT ON COLUMN iwddm.%I.%I IS %L', slot, col.attname, col.note);
        END LOOP;
    END LOOP;
END
$$;
DO $$
DECLARE
    a record;
    col record;
BEGIN
    FOR a IN SELECT area FROM iwddm.agg_area LOOP
        EXECUTE format('COMMENT ON TABLE iwddm.%I IS %L', 'agg_' || a.area || '_day',
            format('Day buckets of %s whose 15-minute rows the retention purged (docs/retention.md): flow measures are the day''s sums, snapshot measures its last interval''s; the day and coarser views read them.', a.area));
        FOR col IN SELECT attname, col_description(('iwddm.agg_' || a.area || '_15min')::regclass, attnum) AS text
                   FROM pg_attribute WHERE attrelid = ('iwddm.agg_' || a.area || '_day')::regclass AND attnum > 0
                     AND NOT attisdropped LOOP
            EXECUTE format('COMMENT ON COLUMN iwddm.%I.%I IS %L', 'agg_' || a.area || '_day', col.attname,
                CASE WHEN col.attname = 'date_time_key' THEN 'date_time_key of the day''s last 15-minute interval, where its snapshot measures are taken'
                     ELSE col.text END);
        END LOOP;
    END LOOP;
END
$$;

-- The iWD Data Mart column set (V6, SPEC §3.1).
COMMENT ON COLUMN iwddm.etl_audit.status IS 'iWD status: FINISHED, IN PROGRESS or FAILED, derived from run_status (SPEC §3.1)';
COMMENT ON TABLE iwddm.custom_dim_attribute_map IS 'Which task.data keys (up to five) form the custom_dim member of a task (SPEC §3.1); a DBA changes it with SQL (docs/loading.md). Default: none.';
COMMENT ON TABLE iwddm.queue_target IS 'Queue targets (SPEC §3.1): only the unknown member 0: the feed has no queue targets.';
COMMENT ON TABLE iwddm.interaction_type IS 'Interaction types (SPEC §3.1): only the unknown member 0, until the feed carries a type.';
COMMENT ON COLUMN iwddm.agent.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.agent.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.capture_point.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.capture_point.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.category.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.category.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_attribute1 IS 'value of the task.data key in custom_dim_attribute_map slot 1 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_attribute2 IS 'value of the task.data key in custom_dim_attribute_map slot 2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_attribute3 IS 'value of the task.data key in custom_dim_attribute_map slot 3 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_attribute4 IS 'value of the task.data key in custom_dim_attribute_map slot 4 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.custom_dim_attribute5 IS 'value of the task.data key in custom_dim_attribute_map slot 5 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.custom_dim_attribute_map.data_key IS 'the task.data key whose value (as text) fills it';
COMMENT ON COLUMN iwddm.custom_dim_attribute_map.slot IS 'the custom_dim_attributeN column, 1 to 5';
COMMENT ON COLUMN iwddm.customer.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.customer.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.customer_segment.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.customer_segment.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.date_time.cal_date IS 'the local date (mart time zone) of the interval''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.date_time.label_yyyy_mm_dd IS 'cal_date as text, YYYY-MM-DD';
COMMENT ON COLUMN iwddm.department.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.department.custom_dim_key IS 'always 0, the custom_dim unknown member: custom dimensions are per task (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.department_config_event_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.department_config_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.department_runtime_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.valid_from IS 'the timestamp of the earliest event naming this member: the version is valid from then (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.valid_from_date_key IS 'event_date key (yyyymmdd) of the local date of valid_from, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.valid_from_time_key IS 'event_time key (hhmmss) of the local time of day of valid_from, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.valid_to IS 'null: the one version is open-ended';
COMMENT ON COLUMN iwddm.department.valid_to_date_key IS 'event_date key (yyyymmdd) of the local date of valid_to, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.valid_to_time_key IS 'event_time key (hhmmss) of the local time of day of valid_to, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.department.version IS 'always 1: one version per member (SPEC §3.1)';
COMMENT ON COLUMN iwddm.etl_audit.batch_id IS 'a batch row''s number within its run (1, 2, ...)';
COMMENT ON COLUMN iwddm.etl_audit.batch_last_event_id IS 'the last event id of the batch (run): where the feed cursor stands after it';
COMMENT ON COLUMN iwddm.etl_audit.data_source_name IS 'the IWD REST URL read, without credentials; iwddm.stage_task_event for a load by hand';
COMMENT ON COLUMN iwddm.etl_audit.data_source_type IS 'always task: the IWD task-event feed';
COMMENT ON COLUMN iwddm.etl_audit.duration IS 'seconds from start to finish; null while in progress';
COMMENT ON COLUMN iwddm.etl_audit.etl_audit_finish_time IS 'iWD name of finished_at';
COMMENT ON COLUMN iwddm.etl_audit.etl_audit_key IS 'iWD audit key: identity, increasing with every run, batch and maintenance row; fact and dimension rows name it in created_/updated_etl_audit_key (SPEC §3.1)';
COMMENT ON COLUMN iwddm.etl_audit.etl_audit_start_time IS 'iWD name of started_at';
COMMENT ON COLUMN iwddm.etl_audit.first_extracted_event_id IS 'smallest event id the batch (run) read, bad events included';
COMMENT ON COLUMN iwddm.etl_audit.last_extracted_event_id IS 'largest event id the batch (run) read, bad events included';
COMMENT ON COLUMN iwddm.etl_audit.last_interval_date_key IS 'event_date key (yyyymmdd) of the local date of the latest loaded interval (mart_config.agg_to), in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.etl_audit.last_interval_time_key IS 'event_time key (hhmmss) of the local time of day of the latest loaded interval (mart_config.agg_to), in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.etl_audit.parent_etl_audit_key IS 'for a batch row, the etl_audit_key of its run''s row; null on run rows and DBA loads';
COMMENT ON COLUMN iwddm.etl_audit.process_name IS 'the chain step: the chain on run rows, intraday (load_staged by hand) on batch rows, the operation on maintenance rows';
COMMENT ON COLUMN iwddm.etl_audit.run_status IS 'the job''s own status: running, succeeded, failed, skipped (run rows); loaded (batch rows); done (maintenance rows)';
COMMENT ON COLUMN iwddm.event_date.day_num_in_month IS 'day of month, 1..31';
COMMENT ON COLUMN iwddm.event_date.day_num_in_week IS 'ISO day of week, Monday 1 .. Sunday 7';
COMMENT ON COLUMN iwddm.event_date.day_num_in_year IS 'day of year, 1..366';
COMMENT ON COLUMN iwddm.event_date.event_date IS 'the date (iWD name)';
COMMENT ON COLUMN iwddm.event_date.event_date_str IS 'the date as text, YYYY-MM-DD';
COMMENT ON COLUMN iwddm.event_date.month_num_in_year IS 'month, 1..12';
COMMENT ON COLUMN iwddm.event_date.quarter_num_in_year IS 'quarter, 1..4';
COMMENT ON COLUMN iwddm.event_date.week_end_date IS 'the Sunday of its week';
COMMENT ON COLUMN iwddm.event_date.week_num_in_year IS 'ISO week number, 1..53';
COMMENT ON COLUMN iwddm.event_date.week_start_date IS 'the Monday of its week';
COMMENT ON COLUMN iwddm.event_date.year_num IS 'year';
COMMENT ON COLUMN iwddm.i_task_event_fact.activation_date_key IS 'event_date key (yyyymmdd) of the local date of activation_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.activation_time_key IS 'event_time key (hhmmss) of the local time of day of activation_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.activation_ts IS 'the task''s activationDateTime after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.capture_id IS 'the task''s captureId after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this row (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute1 IS 'value of the task.data key in custom_attribute_map slot 1 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute10 IS 'value of the task.data key in custom_attribute_map slot 10 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute2 IS 'value of the task.data key in custom_attribute_map slot 2 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute3 IS 'value of the task.data key in custom_attribute_map slot 3 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute4 IS 'value of the task.data key in custom_attribute_map slot 4 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute5 IS 'value of the task.data key in custom_attribute_map slot 5 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute6 IS 'value of the task.data key in custom_attribute_map slot 6 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute7 IS 'value of the task.data key in custom_attribute_map slot 7 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute8 IS 'value of the task.data key in custom_attribute_map slot 8 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_attribute9 IS 'value of the task.data key in custom_attribute_map slot 9 after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.custom_dim_key IS 'custom_dim member of the mapped task.data values after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.customer_key IS 'customer of task.customerId after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.customer_segment_key IS 'customer_segment of task.customerSegment after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.due_date_key IS 'event_date key (yyyymmdd) of the local date of due_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.due_time_key IS 'event_time key (hhmmss) of the local time of day of due_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.entered_queue_target_key IS 'always 0, the unknown queue_target member (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.exited_queue_target_key IS 'always 0, the unknown queue_target member (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.id IS 'stable surrogate id (SPEC §3.1): the event''s task_event_id; the same across reloads, recomputes and the intraday/historical move';
COMMENT ON COLUMN iwddm.i_task_event_fact.interaction_type_key IS 'always 0, the unknown interaction_type member: the feed has no interaction type (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.media_channel_key IS 'media_channel of task.channel after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.product_key IS 'product of task.productType/productSubtype after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.requested_agent_key IS 'agent of task.requestedAgent (employee id) after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.requested_skill_key IS 'skill of task.requestedSkill after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.result_code_key IS 'result_code of task.resultCode after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.source_created_ts IS 'the task''s sourceCreatedDateTime after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.source_first_created_ts IS 'the task''s sourceFirstCreatedDateTime after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.source_process_key IS 'source_process of task.sourceProcessType/Subtype after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.source_tenant_key IS 'source_tenant of task.sourceTenant after the event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.start_date_time_key IS 'event_time key (hhmmss) of the local time of day of start_date, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_event_fact.task_created_ts IS 'the task''s createdDateTime after the event';
COMMENT ON COLUMN iwddm.i_task_event_fact.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.activate_time_from_created_sec IS 'whole seconds from created_ts to activation_ts, rounded down; null when either is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.activation_date_key IS 'event_date key (yyyymmdd) of the local date of activation_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.activation_interval IS 'date_time_key of the 15-minute interval holding activation_ts; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.activation_time_key IS 'event_time key (hhmmss) of the local time of day of activation_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.activation_ts IS 'the task''s activationDateTime after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.assigned_date_key IS 'event_date key (yyyymmdd) of the local date of first_assigned_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.assigned_interval IS 'date_time_key of the 15-minute interval holding first_assigned_ts; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.assigned_time_key IS 'event_time key (hhmmss) of the local time of day of first_assigned_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this row (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.crt_time_fr_src_crtd_sec IS 'whole seconds from sourceCreatedDateTime to created_ts, rounded down (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.current_queue_target_key IS 'always 0, the unknown queue_target member (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.interaction_type_key IS 'always 0, the unknown interaction_type member: the feed has no interaction type (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.last_result_code_key IS 'result_code of task.resultCode after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.requested_agent_key IS 'agent of task.requestedAgent (employee id) after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.requested_skill_key IS 'skill of task.requestedSkill after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_created_date_key IS 'event_date key (yyyymmdd) of the local date of source_created_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_created_interval IS 'date_time_key of the 15-minute interval holding source_created_ts; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_created_time_key IS 'event_time key (hhmmss) of the local time of day of source_created_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_created_ts IS 'the task''s sourceCreatedDateTime after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_due_date_key IS 'event_date key (yyyymmdd) of the local date of the source due time (the feed has none: null), in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_due_time_key IS 'event_time key (hhmmss) of the local time of day of the source due time (the feed has none: null), in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_first_created_date_key IS 'event_date key (yyyymmdd) of the local date of source_first_created_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_first_created_interval IS 'date_time_key of the 15-minute interval holding source_first_created_ts; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_first_created_time_key IS 'event_time key (hhmmss) of the local time of day of source_first_created_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.source_first_created_ts IS 'the task''s sourceFirstCreatedDateTime after the task''s last event (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.src_crt_time_fr_first_crtd_sec IS 'whole seconds from sourceFirstCreatedDateTime to sourceCreatedDateTime, rounded down (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.start_date_time_key IS 'event_time key (hhmmss) of the local time of day of start_date, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.stopped_date_key IS 'event_date key of the last transition into a final status while the task is final; null while open (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_fact.timezone_key IS 'the mart time zone (iwddm.timezone)';
COMMENT ON COLUMN iwddm.i_task_fact.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.assign_date_key IS 'event_date key (yyyymmdd) of the local date of assign_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.assign_time_key IS 'event_time key (hhmmss) of the local time of day of assign_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.business_value_key IS 'business_value band at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.capture_id IS 'the task''s captureId at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.capture_point_key IS 'capture_point at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.category_key IS 'category (full path) at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this row (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute1 IS 'value of the task.data key in custom_attribute_map slot 1 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute10 IS 'value of the task.data key in custom_attribute_map slot 10 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute2 IS 'value of the task.data key in custom_attribute_map slot 2 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute3 IS 'value of the task.data key in custom_attribute_map slot 3 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute4 IS 'value of the task.data key in custom_attribute_map slot 4 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute5 IS 'value of the task.data key in custom_attribute_map slot 5 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute6 IS 'value of the task.data key in custom_attribute_map slot 6 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute7 IS 'value of the task.data key in custom_attribute_map slot 7 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute8 IS 'value of the task.data key in custom_attribute_map slot 8 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_attribute9 IS 'value of the task.data key in custom_attribute_map slot 9 at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.custom_dim_key IS 'custom_dim member of the mapped task.data values at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.customer_key IS 'customer of task.customerId at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.customer_segment_key IS 'customer_segment of task.customerSegment at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.department_key IS 'department (category level 1) at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.finish_date_key IS 'event_date key (yyyymmdd) of the local date of finish_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.finish_time_key IS 'event_time key (hhmmss) of the local time of day of finish_ts, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.id IS 'stable surrogate id (SPEC §3.1): the assign_task_event_id of the assignment''s start; the same across reloads, recomputes and the intraday/historical move';
COMMENT ON COLUMN iwddm.i_task_work_fact.interaction_type_key IS 'always 0, the unknown interaction_type member: the feed has no interaction type (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.media_channel_key IS 'media_channel of task.channel at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.media_type_key IS 'media_type at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.priority_key IS 'priority band of the priority at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.process_key IS 'process (category levels 1-2) at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.product_key IS 'product of task.productType/productSubtype at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.queue_key IS 'queue the task sat in at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.result_code_key IS 'result_code of task.resultCode at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.solution_key IS 'solution at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.source_process_key IS 'source_process of task.sourceProcessType/Subtype at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.source_tenant_key IS 'source_tenant of task.sourceTenant at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.start_date_time_key IS 'event_time key (hhmmss) of the local time of day of start_date, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.tenant_key IS 'tenant at the assignment''s start (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.ucs_interaction_id IS 'null: no UCS in this mart (SPEC §3.1)';
COMMENT ON COLUMN iwddm.i_task_work_fact.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.interaction_type.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.interaction_type.interaction_subtype_name IS 'null: no source in the feed';
COMMENT ON COLUMN iwddm.interaction_type.interaction_type_key IS 'surrogate key; only 0, the unknown member, exists: the feed carries no interaction type (SPEC §3.1)';
COMMENT ON COLUMN iwddm.interaction_type.interaction_type_name IS 'null: no source in the feed';
COMMENT ON COLUMN iwddm.interaction_type.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.media_channel.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.media_channel.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.media_type.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.media_type.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level10 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level3 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level4 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level5 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level6 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level7 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level8 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.category_level9 IS 'null: a process member is category levels 1-2 (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.process.custom_dim_key IS 'always 0, the custom_dim unknown member: custom dimensions are per task (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.process_config_event_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.process_config_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.process_runtime_id IS 'null: the feed carries an id only for the full category path, and no configuration events (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.valid_from IS 'the timestamp of the earliest event naming this member: the version is valid from then (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.valid_from_date_key IS 'event_date key (yyyymmdd) of the local date of valid_from, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.valid_from_time_key IS 'event_time key (hhmmss) of the local time of day of valid_from, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.valid_to IS 'null: the one version is open-ended';
COMMENT ON COLUMN iwddm.process.valid_to_date_key IS 'event_date key (yyyymmdd) of the local date of valid_to, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.valid_to_time_key IS 'event_time key (hhmmss) of the local time of day of valid_to, in the mart time zone; null when it is null (SPEC §3.1)';
COMMENT ON COLUMN iwddm.process.version IS 'always 1: one version per member (SPEC §3.1)';
COMMENT ON COLUMN iwddm.product.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.product.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.queue.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.queue.queue_type IS 'null: the feed names queues only (SPEC §3.1)';
COMMENT ON COLUMN iwddm.queue.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.queue_target.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.queue_target.queue_target_key IS 'surrogate key; only 0, the unknown member, exists: the feed has no queue targets (SPEC §3.1)';
COMMENT ON COLUMN iwddm.queue_target.queue_target_name IS 'null: no source in the feed';
COMMENT ON COLUMN iwddm.queue_target.queue_target_type IS 'null: no source in the feed';
COMMENT ON COLUMN iwddm.queue_target.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.result_code.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.result_code.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.skill.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.skill.skill_id IS 'null: the feed names skills only (SPEC §3.1)';
COMMENT ON COLUMN iwddm.skill.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.solution.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.solution.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.source_process.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.source_process.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.source_tenant.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.source_tenant.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.task_event_type.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.task_event_type.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';
COMMENT ON COLUMN iwddm.tenant.created_etl_audit_key IS 'etl_audit_key of the batch that inserted this member (SPEC §3.1); null for members the schema seeded';
COMMENT ON COLUMN iwddm.tenant.updated_etl_audit_key IS 'etl_audit_key of the last batch or operation that changed one of its values; equals created_etl_audit_key when never changed (SPEC §3.1)';

DO $$
BEGIN
    IF to_regclass('iwddm.flyway_schema_history') IS NOT NULL THEN
        COMMENT ON TABLE iwddm.flyway_schema_history IS 'Flyway''s record of the applied migrations (db/migration): one row per version and per application of a repeatable migration.';
        COMMENT ON COLUMN iwddm.flyway_schema_history.installed_rank IS 'order of application';
        COMMENT ON COLUMN iwddm.flyway_schema_history.version IS 'the migration''s version (V<version>__...); null for a repeatable migration';
        COMMENT ON COLUMN iwddm.flyway_schema_history.description IS 'the migration''s description, from its file name';
        COMMENT ON COLUMN iwddm.flyway_schema_history.type IS 'SQL, or SCHEMA for Flyway''s creation of the schema';
        COMMENT ON COLUMN iwddm.flyway_schema_history.script IS 'the migration''s file name';
        COMMENT ON COLUMN iwddm.flyway_schema_history.checksum IS 'checksum of the file as applied: a repeatable migration is re-applied when it changes';
        COMMENT ON COLUMN iwddm.flyway_schema_history.installed_by IS 'the role that applied it (iwddm_dm)';
        COMMENT ON COLUMN iwddm.flyway_schema_history.installed_on IS 'when it was applied';
        COMMENT ON COLUMN iwddm.flyway_schema_history.execution_time IS 'how long it took, milliseconds';
        COMMENT ON COLUMN iwddm.flyway_schema_history.success IS 'false when it failed (the job then refuses to run until it is repaired)';
    END IF;
END
$$;

CALL iwddm.copy_comments();
