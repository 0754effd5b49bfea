-- iwddm.wfm_activity_intervals(from_key, to_key): what the WFM push sends (SPEC §7,
-- docs/wfm.md) for the 15-minute intervals [from_key, to_key): per interval and activity
-- (department_name || '/' || process_name, "(unknown)" for an unnamed member), the
-- interaction volume (task_classif.entered) and the actual queue (task_classif.backlog),
-- summed over tenant and solution. Only activities with a non-zero value appear; absence
-- means zero. Ordered by interval, then activity.
CREATE OR REPLACE FUNCTION iwddm.wfm_activity_intervals(from_key bigint, to_key bigint)
RETURNS TABLE (date_time_key bigint, activity text, volume bigint, queue bigint)
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF from_key IS NULL OR to_key IS NULL OR from_key % 900 <> 0 OR to_key % 900 <> 0 THEN
        RAISE EXCEPTION 'wfm_activity_intervals: from_key % and to_key % must be interval keys', from_key, to_key
            USING HINT = 'Pass UTC epoch seconds of 15-minute interval starts, e.g. iwddm.interval_key(now()).';
    END IF;
    IF to_key < from_key THEN
        RAISE EXCEPTION 'wfm_activity_intervals: to_key % is before from_key %', to_key, from_key
            USING HINT = 'The range is [from_key, to_key): to_key is the first interval not included.';
    END IF;
    RETURN QUERY
    SELECT a.date_time_key,
           coalesce(d.department_name, '(unknown)') || '/' || coalesce(p.process_name, '(unknown)') AS activity,
           sum(a.entered)::bigint, sum(a.backlog)::bigint
    FROM iwddm.agg_task_classif_15min a
    LEFT JOIN iwddm.department d ON d.department_key = a.department_key
    LEFT JOIN iwddm.process p ON p.process_key = a.process_key
    WHERE a.date_time_key >= from_key AND a.date_time_key < to_key
    GROUP BY 1, 2
    HAVING sum(a.entered) <> 0 OR sum(a.backlog) <> 0
    ORDER BY 1, 2;
END
$$;
