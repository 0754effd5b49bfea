-- Structure of the mart (SPEC §3): every table and view a report or a DBA relies on, the
-- contract columns by name, the static rows, the "unknown" members and the staging table.
BEGIN;
SELECT plan(231);

SELECT has_schema('iwddm', 'the mart lives in schema iwddm');

-- Dimensions fed by the feed: a surrogate <name>_key primary key each.
SELECT has_table('iwddm', 'tenant', 'dimension tenant exists');
SELECT has_table('iwddm', 'solution', 'dimension solution exists');
SELECT has_table('iwddm', 'department', 'dimension department exists');
SELECT has_table('iwddm', 'process', 'dimension process exists');
SELECT has_table('iwddm', 'category', 'dimension category exists');
SELECT has_table('iwddm', 'capture_point', 'dimension capture_point exists');
SELECT has_table('iwddm', 'media_type', 'dimension media_type exists');
SELECT has_table('iwddm', 'media_channel', 'dimension media_channel exists');
SELECT has_table('iwddm', 'queue', 'dimension queue exists');
SELECT has_table('iwddm', 'agent', 'dimension agent exists');
SELECT has_table('iwddm', 'customer', 'dimension customer exists');
SELECT has_table('iwddm', 'customer_segment', 'dimension customer_segment exists');
SELECT has_table('iwddm', 'product', 'dimension product exists');
SELECT has_table('iwddm', 'skill', 'dimension skill exists');
SELECT has_table('iwddm', 'result_code', 'dimension result_code exists');
SELECT has_table('iwddm', 'source_process', 'dimension source_process exists');
SELECT has_table('iwddm', 'source_tenant', 'dimension source_tenant exists');
SELECT has_table('iwddm', 'custom_dim', 'dimension custom_dim exists');

-- Static dimensions.
SELECT has_table('iwddm', 'status', 'static dimension status exists');
SELECT has_table('iwddm', 'task_event_type', 'static dimension task_event_type exists');
SELECT has_table('iwddm', 'age', 'static dimension age exists');
SELECT has_table('iwddm', 'priority', 'static dimension priority exists');
SELECT has_table('iwddm', 'business_value', 'static dimension business_value exists');
SELECT has_table('iwddm', 'date_time', 'static dimension date_time exists');
SELECT has_table('iwddm', 'event_date', 'static dimension event_date exists');
SELECT has_table('iwddm', 'event_time', 'static dimension event_time exists');
SELECT has_table('iwddm', 'timezone', 'static dimension timezone exists');

-- Facts: intraday and historical tables, and the blended views reports read.
SELECT has_table('iwddm', 'i_task_fact', 'intraday task facts exist');
SELECT has_table('iwddm', 'h_task_fact', 'historical task facts exist');
SELECT has_view('iwddm', 'task_fact', 'view task_fact blends intraday and historical task facts');
SELECT has_table('iwddm', 'i_task_event_fact', 'intraday task event facts exist');
SELECT has_table('iwddm', 'h_task_event_fact', 'historical task event facts exist');
SELECT has_view('iwddm', 'task_event_fact', 'view task_event_fact blends intraday and historical event facts');
SELECT has_table('iwddm', 'i_task_work_fact', 'intraday task work facts exist');
SELECT has_table('iwddm', 'h_task_work_fact', 'historical task work facts exist');
SELECT has_view('iwddm', 'task_work_fact', 'view task_work_fact blends intraday and historical work facts');

-- Operations.
SELECT has_table('iwddm', 'etl_audit', 'the run and batch audit table exists');
SELECT has_table('iwddm', 'stage_task_event', 'the staging table exists');
SELECT has_table('iwddm', 'rejected_event', 'the quarantine of bad events exists');
SELECT has_table('iwddm', 'feed_cursor', 'the feed cursor table exists');
SELECT has_table('iwddm', 'mart_config', 'the mart settings table exists');

-- Surrogate keys are the primary keys of their dimension.
SELECT col_is_pk('iwddm', 'tenant', 'tenant_key', 'tenant_key is the primary key of tenant');
SELECT col_is_pk('iwddm', 'solution', 'solution_key', 'solution_key is the primary key of solution');
SELECT col_is_pk('iwddm', 'department', 'department_key', 'department_key is the primary key of department');
SELECT col_is_pk('iwddm', 'process', 'process_key', 'process_key is the primary key of process');
SELECT col_is_pk('iwddm', 'category', 'category_key', 'category_key is the primary key of category');
SELECT col_is_pk('iwddm', 'capture_point', 'capture_point_key', 'capture_point_key is the primary key of capture_point');
SELECT col_is_pk('iwddm', 'media_type', 'media_type_key', 'media_type_key is the primary key of media_type');
SELECT col_is_pk('iwddm', 'media_channel', 'media_channel_key', 'media_channel_key is the primary key of media_channel');
SELECT col_is_pk('iwddm', 'queue', 'queue_key', 'queue_key is the primary key of queue');
SELECT col_is_pk('iwddm', 'agent', 'agent_key', 'agent_key is the primary key of agent');
SELECT col_is_pk('iwddm', 'customer', 'customer_key', 'customer_key is the primary key of customer');
SELECT col_is_pk('iwddm', 'customer_segment', 'customer_segment_key', 'customer_segment_key is the primary key of customer_segment');
SELECT col_is_pk('iwddm', 'product', 'product_key', 'product_key is the primary key of product');
SELECT col_is_pk('iwddm', 'skill', 'skill_key', 'skill_key is the primary key of skill');
SELECT col_is_pk('iwddm', 'result_code', 'result_code_key', 'result_code_key is the primary key of result_code');
SELECT col_is_pk('iwddm', 'source_process', 'source_process_key', 'source_process_key is the primary key of source_process');
SELECT col_is_pk('iwddm', 'source_tenant', 'source_tenant_key', 'source_tenant_key is the primary key of source_tenant');
SELECT col_is_pk('iwddm', 'custom_dim', 'custom_dim_key', 'custom_dim_key is the primary key of custom_dim');
SELECT col_is_pk('iwddm', 'status', 'status_key', 'status_key is the primary key of status');
SELECT col_is_pk('iwddm', 'task_event_type', 'task_event_type_key', 'task_event_type_key is the primary key of task_event_type');
SELECT col_is_pk('iwddm', 'age', 'age_key', 'age_key is the primary key of age');
SELECT col_is_pk('iwddm', 'priority', 'priority_key', 'priority_key is the primary key of priority');
SELECT col_is_pk('iwddm', 'business_value', 'business_value_key', 'business_value_key is the primary key of business_value');
SELECT col_is_pk('iwddm', 'date_time', 'date_time_key', 'date_time_key is the primary key of date_time');
SELECT col_is_pk('iwddm', 'event_date', 'event_date_key', 'event_date_key is the primary key of event_date');
SELECT col_is_pk('iwddm', 'event_time', 'event_time_key', 'event_time_key is the primary key of event_time');
SELECT col_is_pk('iwddm', 'timezone', 'timezone_key', 'timezone_key is the primary key of timezone');

-- Natural keys and descriptive columns named by SPEC §3.
SELECT has_column('iwddm', 'tenant', 'tenant_runtime_id', 'tenant has tenant_runtime_id');
SELECT has_column('iwddm', 'tenant', 'tenant_name', 'tenant has tenant_name');
SELECT has_column('iwddm', 'solution', 'solution_runtime_id', 'solution has solution_runtime_id');
SELECT has_column('iwddm', 'solution', 'solution_name', 'solution has solution_name');
SELECT has_column('iwddm', 'solution', 'tenant_key', 'solution has tenant_key');
SELECT has_column('iwddm', 'department', 'department_name', 'department has department_name');
SELECT has_column('iwddm', 'department', 'tenant_key', 'department has tenant_key');
SELECT has_column('iwddm', 'department', 'solution_key', 'department has solution_key');
SELECT has_column('iwddm', 'process', 'process_name', 'process has process_name');
SELECT has_column('iwddm', 'process', 'department_key', 'process has department_key');
SELECT has_column('iwddm', 'category', 'category_runtime_id', 'category has category_runtime_id');
SELECT has_column('iwddm', 'category', 'category_path', 'category has category_path');
SELECT has_column('iwddm', 'category', 'category_level1', 'category has category_level1');
SELECT has_column('iwddm', 'category', 'category_level2', 'category has category_level2');
SELECT has_column('iwddm', 'category', 'category_level3', 'category has category_level3');
SELECT has_column('iwddm', 'category', 'category_level4', 'category has category_level4');
SELECT has_column('iwddm', 'category', 'category_level5', 'category has category_level5');
SELECT has_column('iwddm', 'category', 'category_level6', 'category has category_level6');
SELECT has_column('iwddm', 'category', 'category_level7', 'category has category_level7');
SELECT has_column('iwddm', 'category', 'category_level8', 'category has category_level8');
SELECT has_column('iwddm', 'category', 'category_level9', 'category has category_level9');
SELECT has_column('iwddm', 'category', 'category_level10', 'category has category_level10');
SELECT has_column('iwddm', 'capture_point', 'capture_point_runtime_id', 'capture_point has capture_point_runtime_id');
SELECT has_column('iwddm', 'capture_point', 'capture_point_name', 'capture_point has capture_point_name');
SELECT has_column('iwddm', 'media_type', 'media_type_name', 'media_type has media_type_name');
SELECT has_column('iwddm', 'queue', 'queue_name', 'queue has queue_name');
SELECT has_column('iwddm', 'agent', 'employee_id', 'agent has employee_id');
SELECT has_column('iwddm', 'agent', 'agent_name', 'agent has agent_name');
SELECT has_column('iwddm', 'customer', 'customer_id', 'customer has customer_id');
SELECT has_column('iwddm', 'product', 'product_type', 'product has product_type');
SELECT has_column('iwddm', 'product', 'product_subtype', 'product has product_subtype');
SELECT has_column('iwddm', 'status', 'status_name', 'status has status_name');
SELECT has_column('iwddm', 'status', 'is_final', 'status has is_final');
SELECT has_column('iwddm', 'status', 'is_held', 'status has is_held');
SELECT has_column('iwddm', 'task_event_type', 'task_event_type_name', 'task_event_type has task_event_type_name');
SELECT has_column('iwddm', 'age', 'age_name', 'age has age_name');
SELECT has_column('iwddm', 'age', 'lower_sec', 'age has lower_sec');
SELECT has_column('iwddm', 'age', 'upper_sec', 'age has upper_sec');
SELECT has_column('iwddm', 'priority', 'priority_name', 'priority has priority_name');
SELECT has_column('iwddm', 'priority', 'lower_value', 'priority has lower_value');
SELECT has_column('iwddm', 'priority', 'upper_value', 'priority has upper_value');
SELECT has_column('iwddm', 'business_value', 'business_value_name', 'business_value has business_value_name');
SELECT has_column('iwddm', 'business_value', 'lower_value', 'business_value has lower_value');
SELECT has_column('iwddm', 'business_value', 'upper_value', 'business_value has upper_value');

-- date_time (SPEC §4): the bucket keys of every coarser grain.
SELECT has_column('iwddm', 'date_time', 'date_time_30min_key', 'date_time has date_time_30min_key');
SELECT has_column('iwddm', 'date_time', 'date_time_hour_key', 'date_time has date_time_hour_key');
SELECT has_column('iwddm', 'date_time', 'date_time_day_key', 'date_time has date_time_day_key');
SELECT has_column('iwddm', 'date_time', 'date_time_week_key', 'date_time has date_time_week_key');
SELECT has_column('iwddm', 'date_time', 'date_time_month_key', 'date_time has date_time_month_key');
SELECT has_column('iwddm', 'date_time', 'date_time_quarter_key', 'date_time has date_time_quarter_key');
SELECT has_column('iwddm', 'date_time', 'date_time_year_key', 'date_time has date_time_year_key');

-- task_fact: every contract column, read through the blended view.
SELECT has_column('iwddm', 'task_fact', 'interaction_id', 'task_fact has interaction_id');
SELECT has_column('iwddm', 'task_fact', 'capture_id', 'task_fact has capture_id');
SELECT has_column('iwddm', 'task_fact', 'last_task_event_id', 'task_fact has last_task_event_id');
SELECT has_column('iwddm', 'task_fact', 'current_status_key', 'task_fact has current_status_key');
SELECT has_column('iwddm', 'task_fact', 'current_priority_key', 'task_fact has current_priority_key');
SELECT has_column('iwddm', 'task_fact', 'current_queue_key', 'task_fact has current_queue_key');
SELECT has_column('iwddm', 'task_fact', 'business_value_key', 'task_fact has business_value_key');
SELECT has_column('iwddm', 'task_fact', 'tenant_key', 'task_fact has tenant_key');
SELECT has_column('iwddm', 'task_fact', 'solution_key', 'task_fact has solution_key');
SELECT has_column('iwddm', 'task_fact', 'department_key', 'task_fact has department_key');
SELECT has_column('iwddm', 'task_fact', 'process_key', 'task_fact has process_key');
SELECT has_column('iwddm', 'task_fact', 'category_key', 'task_fact has category_key');
SELECT has_column('iwddm', 'task_fact', 'capture_point_key', 'task_fact has capture_point_key');
SELECT has_column('iwddm', 'task_fact', 'media_type_key', 'task_fact has media_type_key');
SELECT has_column('iwddm', 'task_fact', 'last_assigned_agent_key', 'task_fact has last_assigned_agent_key');
SELECT has_column('iwddm', 'task_fact', 'created_ts', 'task_fact has created_ts');
SELECT has_column('iwddm', 'task_fact', 'first_assigned_ts', 'task_fact has first_assigned_ts');
SELECT has_column('iwddm', 'task_fact', 'completed_ts', 'task_fact has completed_ts');
SELECT has_column('iwddm', 'task_fact', 'due_ts', 'task_fact has due_ts');
SELECT has_column('iwddm', 'task_fact', 'priority', 'task_fact has the raw priority');
SELECT has_column('iwddm', 'task_fact', 'business_value', 'task_fact has the raw business_value');
SELECT has_column('iwddm', 'task_fact', 'assign_time_from_created_sec', 'task_fact has assign_time_from_created_sec');
SELECT has_column('iwddm', 'task_fact', 'complete_time_from_created_sec', 'task_fact has complete_time_from_created_sec');
SELECT has_column('iwddm', 'task_fact', 'total_work_time_sec', 'task_fact has total_work_time_sec');
SELECT has_column('iwddm', 'task_fact', 'total_held_time_sec', 'task_fact has total_held_time_sec');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute1', 'task_fact has custom_attribute1');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute2', 'task_fact has custom_attribute2');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute3', 'task_fact has custom_attribute3');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute4', 'task_fact has custom_attribute4');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute5', 'task_fact has custom_attribute5');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute6', 'task_fact has custom_attribute6');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute7', 'task_fact has custom_attribute7');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute8', 'task_fact has custom_attribute8');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute9', 'task_fact has custom_attribute9');
SELECT has_column('iwddm', 'task_fact', 'custom_attribute10', 'task_fact has custom_attribute10');
SELECT has_column('iwddm', 'task_fact', 'created_date_key', 'task_fact has created_date_key');
SELECT has_column('iwddm', 'task_fact', 'created_time_key', 'task_fact has created_time_key');
SELECT has_column('iwddm', 'task_fact', 'created_interval', 'task_fact has created_interval');
SELECT has_column('iwddm', 'task_fact', 'first_assigned_date_key', 'task_fact has first_assigned_date_key');
SELECT has_column('iwddm', 'task_fact', 'first_assigned_time_key', 'task_fact has first_assigned_time_key');
SELECT has_column('iwddm', 'task_fact', 'first_assigned_interval', 'task_fact has first_assigned_interval');
SELECT has_column('iwddm', 'task_fact', 'completed_date_key', 'task_fact has completed_date_key');
SELECT has_column('iwddm', 'task_fact', 'completed_time_key', 'task_fact has completed_time_key');
SELECT has_column('iwddm', 'task_fact', 'completed_interval', 'task_fact has completed_interval');
SELECT has_column('iwddm', 'task_fact', 'due_date_key', 'task_fact has due_date_key');
SELECT has_column('iwddm', 'task_fact', 'due_time_key', 'task_fact has due_time_key');
SELECT has_column('iwddm', 'task_fact', 'due_interval', 'task_fact has due_interval');

-- task_event_fact contract columns; task_event_id is unique.
SELECT has_column('iwddm', 'task_event_fact', 'task_event_id', 'task_event_fact has task_event_id');
SELECT has_column('iwddm', 'task_event_fact', 'interaction_id', 'task_event_fact has interaction_id');
SELECT has_column('iwddm', 'task_event_fact', 'task_event_type_key', 'task_event_fact has task_event_type_key');
SELECT has_column('iwddm', 'task_event_fact', 'event_ts', 'task_event_fact has event_ts');
SELECT has_column('iwddm', 'task_event_fact', 'event_interval', 'task_event_fact has event_interval');
SELECT has_column('iwddm', 'task_event_fact', 'status_key', 'task_event_fact has status_key');
SELECT has_column('iwddm', 'task_event_fact', 'priority_key', 'task_event_fact has priority_key');
SELECT has_column('iwddm', 'task_event_fact', 'business_value_key', 'task_event_fact has business_value_key');
SELECT has_column('iwddm', 'task_event_fact', 'entered_queue_key', 'task_event_fact has entered_queue_key');
SELECT has_column('iwddm', 'task_event_fact', 'exited_queue_key', 'task_event_fact has exited_queue_key');
SELECT has_column('iwddm', 'task_event_fact', 'assigned_agent_key', 'task_event_fact has assigned_agent_key');
SELECT has_column('iwddm', 'task_event_fact', 'work_time_sec', 'task_event_fact has work_time_sec');
SELECT has_column('iwddm', 'task_event_fact', 'held_time_sec', 'task_event_fact has held_time_sec');
SELECT col_is_pk('iwddm', 'i_task_event_fact', 'task_event_id', 'task_event_id is unique among intraday event facts');

-- task_work_fact contract columns.
SELECT has_column('iwddm', 'task_work_fact', 'interaction_id', 'task_work_fact has interaction_id');
SELECT has_column('iwddm', 'task_work_fact', 'assign_task_event_id', 'task_work_fact has assign_task_event_id');
SELECT has_column('iwddm', 'task_work_fact', 'finish_task_event_id', 'task_work_fact has finish_task_event_id');
SELECT has_column('iwddm', 'task_work_fact', 'assigned_agent_key', 'task_work_fact has assigned_agent_key');
SELECT has_column('iwddm', 'task_work_fact', 'assign_ts', 'task_work_fact has assign_ts');
SELECT has_column('iwddm', 'task_work_fact', 'finish_ts', 'task_work_fact has finish_ts');
SELECT has_column('iwddm', 'task_work_fact', 'work_time_sec', 'task_work_fact has work_time_sec');
SELECT has_column('iwddm', 'task_work_fact', 'is_abandon', 'task_work_fact has is_abandon');

-- Intraday and historical tables have the same shape, so the views can union them.
SELECT results_eq(
    $$SELECT c.relname::text, a.attnum::int, a.attname::text, format_type(a.atttypid, a.atttypmod)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'iwddm'::regnamespace AND c.relname IN ('h_task_fact', 'h_task_event_fact', 'h_task_work_fact')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2$$,
    $$SELECT replace(c.relname::text, 'i_', 'h_'), a.attnum::int, a.attname::text, format_type(a.atttypid, a.atttypmod)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'iwddm'::regnamespace AND c.relname IN ('i_task_fact', 'i_task_event_fact', 'i_task_work_fact')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, 2$$,
    'every h_ fact table has exactly the columns of its i_ table');

-- etl_audit, rejected_event, stage_task_event.
SELECT has_column('iwddm', 'etl_audit', 'status', 'etl_audit has status');
SELECT has_column('iwddm', 'etl_audit', 'started_at', 'etl_audit has the start time');
SELECT has_column('iwddm', 'etl_audit', 'finished_at', 'etl_audit has the finish time');
SELECT has_column('iwddm', 'etl_audit', 'first_event_id', 'etl_audit has the first event id');
SELECT has_column('iwddm', 'etl_audit', 'last_event_id', 'etl_audit has the last event id');
SELECT has_column('iwddm', 'rejected_event', 'raw', 'rejected_event keeps the raw text');
SELECT has_column('iwddm', 'rejected_event', 'reason', 'rejected_event keeps the reason');
SELECT has_column('iwddm', 'rejected_event', 'first_seen_at', 'rejected_event keeps when the event was seen');
SELECT has_column('iwddm', 'stage_task_event', 'raw', 'stage_task_event has the raw column');
SELECT col_type_is('iwddm', 'stage_task_event', 'raw', 'text', 'stage_task_event.raw is text');
SELECT is(
    (SELECT count(*)::int FROM information_schema.columns
     WHERE table_schema = 'iwddm' AND table_name = 'stage_task_event' AND column_name <> 'raw'
       AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'),
    0, 'every stage_task_event column but raw has a default or accepts null');
SELECT lives_ok(
    $$INSERT INTO iwddm.stage_task_event (raw) VALUES ('{"id": 1}')$$,
    'a row of stage_task_event can be inserted with raw alone, as \copy does');

-- Static rows: statuses (FEED.md), age bands, value bands, time of day.
SELECT results_eq(
    $$SELECT status_name, is_final, is_held FROM iwddm.status ORDER BY status_name$$,
    $$VALUES ('assigned', false, false), ('canceled', true, false), ('captured', false, false),
             ('completed', true, false), ('distributed', false, false), ('errorheld', false, true),
             ('held', false, true), ('new', false, false), ('newheld', false, true),
             ('queued', false, false), ('rejected', true, false)$$,
    'status holds every feed status with its final and held flags');
SELECT results_eq(
    $$SELECT age_name, lower_sec::bigint, upper_sec::bigint FROM iwddm.age ORDER BY lower_sec$$,
    $$VALUES ('<1h', 0::bigint, 3600::bigint), ('1-4h', 3600, 14400), ('4-8h', 14400, 28800),
             ('8-24h', 28800, 86400), ('1-2d', 86400, 172800), ('2-3d', 172800, 259200),
             ('3-5d', 259200, 432000), ('5-7d', 432000, 604800), ('7-14d', 604800, 1209600),
             ('14-30d', 1209600, 2592000), ('30d+', 2592000, NULL)$$,
    'age holds the eleven bands, lower bound inclusive, upper exclusive, the last open');
SELECT results_eq(
    $$SELECT priority_name, lower_value::int, upper_value::int FROM iwddm.priority
      WHERE priority_key <> 0 ORDER BY lower_value NULLS FIRST$$,
    $$VALUES ('<0', NULL::int, -1), ('0-9', 0, 9), ('10-49', 10, 49), ('50-99', 50, 99),
             ('100-199', 100, 199), ('200-499', 200, 499), ('500-999', 500, 999), ('1000+', 1000, NULL)$$,
    'priority holds its bands with both bounds included and open ends null');
SELECT results_eq(
    $$SELECT business_value_name, lower_value::int, upper_value::int FROM iwddm.business_value
      WHERE business_value_key <> 0 ORDER BY lower_value NULLS FIRST$$,
    $$VALUES ('<0', NULL::int, -1), ('0-9', 0, 9), ('10-19', 10, 19), ('20-29', 20, 29),
             ('30-39', 30, 39), ('40-49', 40, 49), ('50-59', 50, 59), ('60-69', 60, 69),
             ('70-79', 70, 79), ('80-89', 80, 89), ('90-99', 90, 99), ('100-199', 100, 199),
             ('200-499', 200, 499), ('500+', 500, NULL)$$,
    'business_value holds its bands with both bounds included and open ends null');
SELECT results_eq(
    $$SELECT lower_value, upper_value FROM iwddm.priority WHERE priority_key = 0
      UNION ALL SELECT lower_value, upper_value FROM iwddm.business_value WHERE business_value_key = 0$$,
    $$VALUES (NULL::int, NULL::int), (NULL, NULL)$$,
    'priority and business_value have a key 0 member without bounds for a missing value');
SELECT results_eq(
    $$SELECT count(*)::int, min(event_time_key)::int, max(event_time_key)::int, count(DISTINCT time_of_day)::int
      FROM iwddm.event_time$$,
    $$VALUES (86400, 0, 235959, 86400)$$,
    'event_time has one row per second of the day, keyed 000000 to 235959');
SELECT is(
    (SELECT count(*)::int FROM iwddm.event_time
     WHERE event_time_key <> extract(hour FROM time_of_day) * 10000 + extract(minute FROM time_of_day) * 100
                             + extract(second FROM time_of_day)),
    0, 'every event_time key is the hhmmss of its time of day');
SELECT ok(
    (SELECT count(*) > 0 FROM iwddm.timezone WHERE timezone_name IN ('UTC', 'Europe/Berlin') HAVING count(*) = 2),
    'timezone lists IANA zone names');

-- Every dimension fed by the feed has its "unknown" member: key 0, natural key null.
SELECT is((SELECT tenant_runtime_id IS NULL FROM iwddm.tenant WHERE tenant_key = 0), true, 'tenant has the unknown member 0');
SELECT is((SELECT solution_runtime_id IS NULL FROM iwddm.solution WHERE solution_key = 0), true, 'solution has the unknown member 0');
SELECT is((SELECT department_name IS NULL FROM iwddm.department WHERE department_key = 0), true, 'department has the unknown member 0');
SELECT is((SELECT process_name IS NULL FROM iwddm.process WHERE process_key = 0), true, 'process has the unknown member 0');
SELECT is((SELECT category_level1 IS NULL FROM iwddm.category WHERE category_key = 0), true, 'category has the unknown member 0');
SELECT is((SELECT capture_point_runtime_id IS NULL FROM iwddm.capture_point WHERE capture_point_key = 0), true, 'capture_point has the unknown member 0');
SELECT is((SELECT media_type_name IS NULL FROM iwddm.media_type WHERE media_type_key = 0), true, 'media_type has the unknown member 0');
SELECT is((SELECT media_channel_name IS NULL FROM iwddm.media_channel WHERE media_channel_key = 0), true, 'media_channel has the unknown member 0');
SELECT is((SELECT queue_name IS NULL FROM iwddm.queue WHERE queue_key = 0), true, 'queue has the unknown member 0');
SELECT is((SELECT employee_id IS NULL FROM iwddm.agent WHERE agent_key = 0), true, 'agent has the unknown member 0');
SELECT is((SELECT customer_id IS NULL FROM iwddm.customer WHERE customer_key = 0), true, 'customer has the unknown member 0');
SELECT is((SELECT customer_segment_name IS NULL FROM iwddm.customer_segment WHERE customer_segment_key = 0), true, 'customer_segment has the unknown member 0');
SELECT is((SELECT product_type IS NULL AND product_subtype IS NULL FROM iwddm.product WHERE product_key = 0), true, 'product has the unknown member 0');
SELECT is((SELECT skill_name IS NULL FROM iwddm.skill WHERE skill_key = 0), true, 'skill has the unknown member 0');
SELECT is((SELECT result_code_name IS NULL FROM iwddm.result_code WHERE result_code_key = 0), true, 'result_code has the unknown member 0');
SELECT is((SELECT source_process_type IS NULL FROM iwddm.source_process WHERE source_process_key = 0), true, 'source_process has the unknown member 0');
SELECT is((SELECT source_tenant_name IS NULL FROM iwddm.source_tenant WHERE source_tenant_key = 0), true, 'source_tenant has the unknown member 0');
SELECT is((SELECT custom_dim_attribute1 IS NULL FROM iwddm.custom_dim WHERE custom_dim_key = 0), true, 'custom_dim has the unknown member 0');
SELECT is((SELECT task_event_type_name IS NULL FROM iwddm.task_event_type WHERE task_event_type_key = 0), true, 'task_event_type has the unknown member 0');

-- The loader entry point a DBA calls.
SELECT has_function('iwddm', 'load_staged', 'the procedure iwddm.load_staged exists');

SELECT is_empty(
    $$SELECT task_event_type_name FROM iwddm.task_event_type
      WHERE task_event_type_key <> iwddm.member_key(task_event_type_name)$$,
    'every predefined event type has the key the loader computes for its name (member_key)');

SELECT * FROM finish();
ROLLBACK;
