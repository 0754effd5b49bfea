-- iwddm.refresh_task_time_keys(target, audit_key): recompute, in the mart time zone, the date and
-- time keys (and the zone key) that a table of task data derives from its timestamps: the task,
-- event and work facts (i_ and h_) and the department and process validity columns. Part of
-- iwddm.set_timezone. A row whose keys change gets updated_etl_audit_key = audit_key; the others
-- are not written (SPEC §3.1: "changed since" means what it says).
SET LOCAL client_min_messages = warning;
DROP PROCEDURE IF EXISTS iwddm.refresh_task_time_keys(regclass);
CREATE OR REPLACE PROCEDURE iwddm.refresh_task_time_keys(target regclass, audit_key bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    tz       text := (SELECT timezone FROM iwddm.mart_config);
    family   text := regexp_replace(target::text, '^iwddm\.(i_|h_)?', '');
    key_columns text;
    new_values  text;
    old_values  text;
BEGIN
    IF family NOT IN ('task_fact', 'task_event_fact', 'task_work_fact', 'department', 'process')
       OR target::text NOT LIKE 'iwddm.%' THEN
        RAISE EXCEPTION 'refresh_task_time_keys: % has no time keys to refresh', target
            USING HINT = 'Pass an i_ or h_ task, event or work fact table, iwddm.department or iwddm.process.';
    END IF;
    IF audit_key IS NULL THEN
        RAISE EXCEPTION 'refresh_task_time_keys: no audit key'
            USING HINT = 'Pass the etl_audit_key of the operation (set_timezone writes one).';
    END IF;
    SELECT string_agg(format('%I', key_column), ', '),
           string_agg(format(expression, tz), ', '),
           string_agg(format('t.%I', key_column), ', ')
      INTO key_columns, new_values, old_values
      FROM (VALUES
        ('task_fact', 'created_date_key', 'iwddm.local_date_key(created_ts, %L)'),
        ('task_fact', 'created_time_key', 'iwddm.local_time_key(created_ts, %L)'),
        ('task_fact', 'first_assigned_date_key', 'iwddm.local_date_key(first_assigned_ts, %L)'),
        ('task_fact', 'first_assigned_time_key', 'iwddm.local_time_key(first_assigned_ts, %L)'),
        ('task_fact', 'assigned_date_key', 'iwddm.local_date_key(first_assigned_ts, %L)'),
        ('task_fact', 'assigned_time_key', 'iwddm.local_time_key(first_assigned_ts, %L)'),
        ('task_fact', 'completed_date_key', 'iwddm.local_date_key(completed_ts, %L)'),
        ('task_fact', 'completed_time_key', 'iwddm.local_time_key(completed_ts, %L)'),
        ('task_fact', 'due_date_key', 'iwddm.local_date_key(due_ts, %L)'),
        ('task_fact', 'due_time_key', 'iwddm.local_time_key(due_ts, %L)'),
        ('task_fact', 'activation_date_key', 'iwddm.local_date_key(activation_ts, %L)'),
        ('task_fact', 'activation_time_key', 'iwddm.local_time_key(activation_ts, %L)'),
        ('task_fact', 'source_created_date_key', 'iwddm.local_date_key(source_created_ts, %L)'),
        ('task_fact', 'source_created_time_key', 'iwddm.local_time_key(source_created_ts, %L)'),
        ('task_fact', 'source_first_created_date_key', 'iwddm.local_date_key(source_first_created_ts, %L)'),
        ('task_fact', 'source_first_created_time_key', 'iwddm.local_time_key(source_first_created_ts, %L)'),
        ('task_fact', 'stopped_date_key', 'iwddm.local_date_key(final_ts, %L)'),
        ('task_fact', 'timezone_key', '(SELECT z.timezone_key FROM iwddm.timezone z WHERE z.timezone_name = %L)'),
        ('task_event_fact', 'event_date_key', 'iwddm.local_date_key(event_ts, %L)'),
        ('task_event_fact', 'event_time_key', 'iwddm.local_time_key(event_ts, %L)'),
        ('task_event_fact', 'activation_date_key', 'iwddm.local_date_key(activation_ts, %L)'),
        ('task_event_fact', 'activation_time_key', 'iwddm.local_time_key(activation_ts, %L)'),
        ('task_event_fact', 'due_date_key', 'iwddm.local_date_key(due_ts, %L)'),
        ('task_event_fact', 'due_time_key', 'iwddm.local_time_key(due_ts, %L)'),
        ('task_work_fact', 'assign_date_key', 'iwddm.local_date_key(assign_ts, %L)'),
        ('task_work_fact', 'assign_time_key', 'iwddm.local_time_key(assign_ts, %L)'),
        ('task_work_fact', 'finish_date_key', 'iwddm.local_date_key(finish_ts, %L)'),
        ('task_work_fact', 'finish_time_key', 'iwddm.local_time_key(finish_ts, %L)'),
        ('department', 'valid_from_date_key', 'iwddm.local_date_key(valid_from, %L)'),
        ('department', 'valid_from_time_key', 'iwddm.local_time_key(valid_from, %L)'),
        ('department', 'valid_to_date_key', 'iwddm.local_date_key(valid_to, %L)'),
        ('department', 'valid_to_time_key', 'iwddm.local_time_key(valid_to, %L)'),
        ('process', 'valid_from_date_key', 'iwddm.local_date_key(valid_from, %L)'),
        ('process', 'valid_from_time_key', 'iwddm.local_time_key(valid_from, %L)'),
        ('process', 'valid_to_date_key', 'iwddm.local_date_key(valid_to, %L)'),
        ('process', 'valid_to_time_key', 'iwddm.local_time_key(valid_to, %L)')
      ) AS m(table_family, key_column, expression)
     WHERE table_family = family;
    EXECUTE format('UPDATE %1$s t SET (%2$s) = ROW(%3$s), updated_etl_audit_key = %4$L
                    WHERE ROW(%5$s) IS DISTINCT FROM ROW(%3$s)',
                   target, key_columns, new_values, audit_key, old_values);
END
$$;
