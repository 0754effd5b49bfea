-- iwddm.explain_measure(area, measure, at, group_keys, bucket): the tasks behind one aggregate
-- value, read from the stored per-task flows (agg_<area>_flow), so their contributions add up
-- to the value the view iwd_agg_<area>_<bucket> shows for the bucket holding `at`:
--   SELECT * FROM iwddm.explain_measure('task_classif', 'backlog', '2026-11-20 10:15+01',
--                                       '{"department_key": 12}', 'hour');
-- Contract:
--   bucket: 15min (default), 30min, hour, day, week, month, qrtr, year; the bucket is the one
--     holding `at` in the mart time zone, cut to the covered range like the views.
--   group_keys: a jsonb object of the area's group columns and their keys. A column left out
--     is summed over (so '{}' explains the total over all groups); the value is then the sum
--     of the matching view rows.
--   flow measures: each task's flows summed over the bucket's covered intervals; the event is
--     the task's last event in the bucket that can make the measure (its first event for
--     entered, a completion for completed, an exit for exited_queue, ...; else its last). Snapshot measures: each task's flows summed up to
--     the end e of the bucket's last covered interval (its state at e); the event is the
--     task's last event before e.
--   One row per task with a non-zero contribution: its interaction id, contribution, that
--   event (id, time, type), the status after it, and state: the event's group keys, queue,
--   agent and due time (and for snapshots the task's age at e in seconds).
--   No rows when the bucket lies outside the covered range (the view has no row: zero).
-- Errors (with a HINT) for an unknown area, measure, bucket or group column.
CREATE OR REPLACE FUNCTION iwddm.explain_measure(area text, measure text, at timestamptz,
                                                 group_keys jsonb DEFAULT '{}', bucket text DEFAULT '15min')
RETURNS TABLE (interaction_id text, contribution bigint, task_event_id bigint, event_ts timestamptz,
               event_type text, status text, state jsonb)
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    def        iwddm.agg_area;
    bucket_col text;
    cfg        iwddm.mart_config;
    first_key  bigint;
    last_key   bigint;
    is_flow    boolean;
    unknown    text;
    group_sql  text;
    start_ts   timestamptz;
    local_ts   timestamp;
    bucket_key bigint;
    event_sql  text;  -- true for the events that can make the measure's flows
BEGIN
    IF area IS NULL OR measure IS NULL OR at IS NULL THEN
        RAISE EXCEPTION 'explain_measure: area, measure and at are required'
            USING HINT = 'For example: SELECT * FROM iwddm.explain_measure(''task_classif'', ''backlog'', ''2026-11-20 10:15+01'');';
    END IF;
    SELECT * INTO def FROM iwddm.agg_area a WHERE a.area = explain_measure.area;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'explain_measure: unknown area %', area
            USING HINT = format('The areas are: %s.', (SELECT string_agg(a.area, ', ' ORDER BY a.area) FROM iwddm.agg_area a));
    END IF;
    IF NOT measure = ANY (def.flow_measures || def.snapshot_measures) THEN
        RAISE EXCEPTION 'explain_measure: unknown measure % of area %', measure, area
            USING HINT = format('The measures of %s are: %s.', area, array_to_string(def.flow_measures || def.snapshot_measures, ', '));
    END IF;
    bucket_col := CASE bucket WHEN '15min' THEN 'date_time_key' WHEN '30min' THEN 'date_time_30min_key'
                              WHEN 'hour' THEN 'date_time_hour_key' WHEN 'day' THEN 'date_time_day_key'
                              WHEN 'week' THEN 'date_time_week_key' WHEN 'month' THEN 'date_time_month_key'
                              WHEN 'qrtr' THEN 'date_time_quarter_key' WHEN 'year' THEN 'date_time_year_key' END;
    IF bucket_col IS NULL THEN
        RAISE EXCEPTION 'explain_measure: unknown bucket %', bucket
            USING HINT = 'The buckets are: 15min, 30min, hour, day, week, month, qrtr, year (the suffixes of the iwd_agg_ views).';
    END IF;
    IF group_keys IS NULL OR jsonb_typeof(group_keys) <> 'object' THEN
        RAISE EXCEPTION 'explain_measure: group_keys must be a jsonb object, not %', coalesce(group_keys::text, 'null')
            USING HINT = format('Pass group columns of %s with their keys, e.g. ''{"%s": 1}'', or ''{}'' for all groups.',
                                area, def.group_columns[1]);
    END IF;
    SELECT string_agg(k, ', ' ORDER BY k) INTO unknown FROM jsonb_object_keys(group_keys) k WHERE NOT k = ANY (def.group_columns);
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'explain_measure: unknown group column % of area %', unknown, area
            USING HINT = format('The group columns of %s are: %s.', area, array_to_string(def.group_columns, ', '));
    END IF;
    SELECT string_agg(g.key, ', ' ORDER BY g.key) INTO unknown FROM jsonb_each(group_keys) g
    WHERE jsonb_typeof(g.value) <> 'number' OR g.value::text !~ '^-?[0-9]{1,19}$'
       OR g.value::text::numeric NOT BETWEEN -9223372036854775808 AND 9223372036854775807;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'explain_measure: the key of group column % is not an integer', unknown
            USING HINT = 'Group keys are the dimension keys of the view''s group columns, e.g. {"department_key": 12}.';
    END IF;

    SELECT * INTO cfg FROM iwddm.mart_config;
    -- The key of the bucket holding `at`, as iwddm.extend_calendar writes it, then the
    -- bucket's covered intervals (a bucket starts at or before its intervals, within a year).
    start_ts := to_timestamp(iwddm.interval_key(at));
    local_ts := start_ts AT TIME ZONE cfg.timezone;
    bucket_key := extract(epoch FROM CASE bucket
        WHEN '15min' THEN start_ts
        WHEN '30min' THEN start_ts - make_interval(mins => extract(minute FROM local_ts)::integer % 30)
        WHEN 'hour' THEN start_ts - make_interval(mins => extract(minute FROM local_ts)::integer)
        WHEN 'qrtr' THEN date_trunc('quarter', start_ts, cfg.timezone)
        ELSE date_trunc(bucket, start_ts, cfg.timezone) END)::bigint;
    EXECUTE format('SELECT min(d.date_time_key), max(d.date_time_key) FROM iwddm.date_time d
                    WHERE d.%I = $1 AND d.date_time_key BETWEEN greatest($2, $1) AND least($3, $1 + 367 * 86400)',
                   bucket_col)
       INTO first_key, last_key USING bucket_key, cfg.agg_from, cfg.agg_to;
    IF last_key IS NULL THEN
        RETURN;
    END IF;
    is_flow := measure = ANY (def.flow_measures);
    -- Which of a task's events in the bucket made a flow (the last such one is shown).
    event_sql := CASE WHEN NOT is_flow THEN 'x.task_event_id IS NOT NULL'
        WHEN measure = 'entered' THEN 'x.event_ts = k.created_ts'
        WHEN measure IN ('completed', 'completed_overdue', 'complete_time_sum_sec', 'finished')
            THEN format('x.status_key = %s', (SELECT s.status_key FROM iwddm.status s WHERE s.status_name = 'completed'))
        WHEN measure IN ('canceled', 'rejected')
            THEN format('x.status_key = %s', (SELECT s.status_key FROM iwddm.status s WHERE s.status_name = measure))
        WHEN measure = 'assigned'
            THEN format('x.status_key = %s', (SELECT s.status_key FROM iwddm.status s WHERE s.status_name = 'assigned'))
        WHEN measure = 'entered_queue' THEN 'x.entered_queue_key IS NOT NULL'
        WHEN measure IN ('exited_queue', 'queue_time_sum_sec') THEN 'x.exited_queue_key IS NOT NULL'
        WHEN measure IN ('abandoned', 'work_time_sum_sec') THEN 'x.work_time_sec > 0'
        ELSE 'x.task_event_id IS NOT NULL' END;
    SELECT coalesce(string_agg(format(' AND f.%1$I = ($3->>%1$L)::bigint', g), ''), '') INTO group_sql
    FROM jsonb_object_keys(group_keys) g;

    RETURN QUERY EXECUTE format($sql$
        WITH contributions AS (
            SELECT f.interaction_id, sum(f.%1$I)::bigint AS contribution
            FROM iwddm.%2$I f
            WHERE f.date_time_key BETWEEN $1 AND $2 %3$s
            GROUP BY f.interaction_id HAVING sum(f.%1$I) <> 0)
        SELECT c.interaction_id, c.contribution, e.task_event_id, e.event_ts, t.task_event_type_name, s.status_name,
               jsonb_strip_nulls(jsonb_build_object(
                   'tenant_key', e.tenant_key, 'solution_key', e.solution_key, 'department_key', e.department_key,
                   'process_key', e.process_key, 'capture_point_key', e.capture_point_key,
                   'media_type_key', e.media_type_key, 'queue_key', e.queue_key, 'agent_key', e.assigned_agent_key,
                   'due_ts', e.due_ts,
                   'age_sec', CASE WHEN $4 THEN NULL ELSE iwddm.whole_seconds(k.created_ts, $6) END))
        FROM contributions c
        LEFT JOIN LATERAL (SELECT tf.created_ts FROM iwddm.task_fact tf WHERE tf.interaction_id = c.interaction_id) k ON true
        LEFT JOIN LATERAL (
            SELECT x.* FROM iwddm.task_event_fact x
            WHERE x.interaction_id = c.interaction_id AND x.event_ts >= $5 AND x.event_ts < $6
            ORDER BY %4$s DESC, x.event_ts DESC, x.task_event_id DESC LIMIT 1) e ON true
        LEFT JOIN iwddm.task_event_type t ON t.task_event_type_key = e.task_event_type_key
        LEFT JOIN iwddm.status s ON s.status_key = e.status_key
        ORDER BY c.interaction_id $sql$,
        measure, 'agg_' || area || '_flow', group_sql, event_sql)
    USING CASE WHEN is_flow THEN first_key ELSE (-9223372036854775807 - 1) END, last_key, group_keys, is_flow,
          CASE WHEN is_flow THEN to_timestamp(first_key) ELSE '-infinity'::timestamptz END, to_timestamp(last_key + 900);
END
$$;
