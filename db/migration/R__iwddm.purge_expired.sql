-- iwddm.purge_expired(batch_size, run_id, removed, more): removes what the retention
-- settings (iwddm.set_retention, docs/retention.md) no longer keep. Run by the historical
-- chain after run_historical; a DBA calls it too:
--   CALL iwddm.purge_expired();            -- everything due, in the caller's transaction
--   CALL iwddm.purge_expired(20000);       -- one bounded batch; repeat while more is true
-- What goes, oldest first, and only that:
--   tasks: final tasks of the h_ tables whose last event is before the tasks horizon (the
--     local midnight keep_tasks before the latest loaded event, never after the historical
--     chain's closed days), with their event and work facts and aggregate flows. An open
--     task, or one with any event after the horizon, stays. The 15-minute rows are not
--     touched: a final task's snapshot flows net to zero by its final event, so no stored
--     snapshot needs them, and flows before the horizon are only read by rebuilds there,
--     which iwddm.refuse_purged_range refuses from now on. A tombstone per task
--     (iwddm.purged_task, itself kept keep_tasks more) lets a later event be quarantined;
--   agg_15min: whole local days before the horizon keep_agg_15min before the latest loaded
--     event (and never an interval WFM has not acknowledged): each day's buckets are first
--     materialized in agg_<area>_day, then its 15-minute rows are deleted in the same
--     transaction, so the day and coarser views never change;
--   rejected_events / etl_audit: rows first seen / started more than keep ago (now()).
-- batch_size bounds one call: at most that many tasks, rejected events and audit rows, and
-- one day of 15-minute rows; NULL removes everything due. more says whether work is left.
-- removed is this call's tally {"<table>": {"rows": n, "bytes": b}} (bytes: the heap size of
-- the removed rows, freed for reuse by later loads once vacuumed; the files do not shrink).
-- Audit: one etl_audit row (entry_kind 'maintenance', process_name 'purge', purged set) per run_id, summed over its
-- calls; each DBA call (run_id NULL) writes its own. Takes the load lock. Rerunning is safe.
CREATE OR REPLACE PROCEDURE iwddm.purge_expired(batch_size integer DEFAULT NULL, run_id uuid DEFAULT NULL,
                                                INOUT removed jsonb DEFAULT NULL, INOUT more boolean DEFAULT NULL)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
    cfg        iwddm.mart_config;
    started_at timestamptz := clock_timestamp();
    horizon    timestamptz;
    day_from   timestamptz;
    day_to     timestamptz;
    last_key   bigint;
    tbl        text;
    a          iwddm.agg_area;
    groups     text;
    measures   text;
    day_sel    text;
    n          bigint;
    b          bigint;
    found_rows bigint;
    days       integer := 0;
    day_rows   bigint := 0;
    notes      text[] := '{}';
    entry      record;
BEGIN
    IF batch_size IS NOT NULL AND batch_size < 1 THEN
        RAISE EXCEPTION 'purge_expired: batch_size % must be at least 1', batch_size
            USING HINT = 'Pass NULL to purge everything due in one transaction, or e.g. 20000.';
    END IF;
    LOCK TABLE iwddm.load_lock IN EXCLUSIVE MODE;  -- never beside a load, like run_historical
    SELECT * INTO cfg FROM iwddm.mart_config;
    removed := '{}';
    more := false;

    -- Tasks: only the expired ones are read (h_task_fact_last_event_idx).
    IF cfg.keep_tasks IS NOT NULL AND cfg.last_event_ts IS NOT NULL THEN
        horizon := least(date_trunc('day', cfg.last_event_ts - cfg.keep_tasks, cfg.timezone),
                         date_trunc('day', cfg.last_event_ts - cfg.close_grace, cfg.timezone));
        CREATE TEMP TABLE purge_task (interaction_id text PRIMARY KEY) ON COMMIT DROP;
        INSERT INTO pg_temp.purge_task
        SELECT f.interaction_id FROM iwddm.h_task_fact f JOIN iwddm.status s ON s.status_key = f.current_status_key
        WHERE f.last_event_ts < horizon AND f.final_ts IS NOT NULL AND s.is_final
        ORDER BY f.last_event_ts LIMIT batch_size;
        GET DIAGNOSTICS found_rows = ROW_COUNT;
        IF found_rows > 0 THEN
            ANALYZE pg_temp.purge_task;
            UPDATE iwddm.mart_config SET tasks_purged_before = greatest(tasks_purged_before, horizon);
            INSERT INTO iwddm.purged_task (interaction_id, last_event_ts)
            SELECT f.interaction_id, f.last_event_ts FROM iwddm.h_task_fact f JOIN pg_temp.purge_task p USING (interaction_id)
            ON CONFLICT (interaction_id) DO NOTHING;
            FOR tbl IN SELECT t FROM unnest(ARRAY['h_task_event_fact', 'h_task_work_fact']) t
                       UNION ALL (SELECT 'agg_' || area || '_flow' FROM iwddm.agg_area ORDER BY area)
                       UNION ALL SELECT 'h_task_fact' LOOP
                EXECUTE format('WITH gone AS (DELETE FROM iwddm.%I x USING pg_temp.purge_task p
                                              WHERE x.interaction_id = p.interaction_id RETURNING pg_column_size(x) AS bytes)
                                SELECT count(*), coalesce(sum(bytes), 0) FROM gone', tbl) INTO n, b;
                removed := iwddm.purge_tally(removed, tbl, n, b);
            END LOOP;
            more := more OR found_rows = coalesce(batch_size, -1);
            notes := notes || format('%s tasks with a last event before %s', found_rows, horizon);
        END IF;
        DROP TABLE pg_temp.purge_task;
        -- Tombstones older than another keep_tasks go too.
        WITH gone AS (
            DELETE FROM iwddm.purged_task x
            WHERE x.interaction_id IN (SELECT t.interaction_id FROM iwddm.purged_task t
                                       WHERE t.last_event_ts < horizon - cfg.keep_tasks
                                       ORDER BY t.last_event_ts LIMIT batch_size)
            RETURNING pg_column_size(x) AS bytes)
        SELECT count(*), coalesce(sum(bytes), 0) INTO n, b FROM gone;
        IF n > 0 THEN
            removed := iwddm.purge_tally(removed, 'purged_task', n, b);
            more := more OR n = coalesce(batch_size, -1);
        END IF;
    END IF;

    -- 15-minute rows, a whole local day at a time: materialize the day's buckets, then delete.
    IF cfg.keep_agg_15min IS NOT NULL AND cfg.agg_from IS NOT NULL THEN
        horizon := least(date_trunc('day', cfg.last_event_ts - cfg.keep_agg_15min, cfg.timezone),
                         (SELECT date_trunc('day', to_timestamp(w.last_delivered_interval + 900), cfg.timezone)
                          FROM iwddm.wfm_delivery w));
        day_from := coalesce(cfg.agg_15min_purged_before, date_trunc('day', to_timestamp(cfg.agg_from), cfg.timezone));
        WHILE day_from < horizon AND (batch_size IS NULL OR days < 1) LOOP
            -- The next local midnight, on local time (a day may last 23 or 25 hours).
            day_to := ((day_from AT TIME ZONE cfg.timezone) + interval '1 day') AT TIME ZONE cfg.timezone;
            last_key := extract(epoch FROM day_to)::bigint - 900;
            FOR a IN SELECT * FROM iwddm.agg_area ORDER BY area LOOP
                SELECT string_agg(format('%I', g), ', ') INTO groups FROM unnest(a.group_columns) g;
                SELECT string_agg(format('%I', m), ', '),
                       string_agg(CASE WHEN m = ANY (a.flow_measures) THEN format('sum(%I)::bigint', m)
                                       ELSE format('coalesce(sum(%I) FILTER (WHERE date_time_key = %s), 0)::bigint', m, last_key)
                                  END, ', ')
                  INTO measures, day_sel FROM unnest(a.flow_measures || a.snapshot_measures) m;
                EXECUTE format('INSERT INTO iwddm.%1$I (date_time_key, %2$s, %3$s)
                                SELECT %4$s, %2$s, %5$s FROM iwddm.%6$I
                                WHERE date_time_key >= %7$s AND date_time_key <= %4$s GROUP BY %2$s',
                               'agg_' || a.area || '_day', groups, measures, last_key, day_sel,
                               'agg_' || a.area || '_15min', extract(epoch FROM day_from)::bigint);
                GET DIAGNOSTICS n = ROW_COUNT;
                day_rows := day_rows + n;
                EXECUTE format('WITH gone AS (DELETE FROM iwddm.%I x WHERE date_time_key >= %s AND date_time_key <= %s
                                              RETURNING pg_column_size(x) AS bytes)
                                SELECT count(*), coalesce(sum(bytes), 0) FROM gone',
                               'agg_' || a.area || '_15min', extract(epoch FROM day_from)::bigint, last_key) INTO n, b;
                removed := iwddm.purge_tally(removed, 'agg_' || a.area || '_15min', n, b);
            END LOOP;
            UPDATE iwddm.mart_config SET agg_15min_purged_before = day_to;
            day_from := day_to;
            days := days + 1;
        END LOOP;
        more := more OR day_from < horizon;
        IF days > 0 THEN
            notes := notes || format('15-minute aggregates of %s days before %s (%s day rows kept)', days, day_from, day_rows);
        END IF;
    END IF;

    IF cfg.keep_rejected IS NOT NULL THEN
        WITH gone AS (
            DELETE FROM iwddm.rejected_event x
            WHERE x.rejected_id IN (SELECT r.rejected_id FROM iwddm.rejected_event r
                                    WHERE r.first_seen_at < now() - cfg.keep_rejected
                                    ORDER BY r.first_seen_at LIMIT batch_size)
            RETURNING pg_column_size(x) AS bytes)
        SELECT count(*), coalesce(sum(bytes), 0) INTO n, b FROM gone;
        IF n > 0 THEN
            removed := iwddm.purge_tally(removed, 'rejected_event', n, b);
            more := more OR n = coalesce(batch_size, -1);
            notes := notes || format('rejected events first seen before %s', now() - cfg.keep_rejected);
        END IF;
    END IF;

    IF cfg.keep_audit IS NOT NULL THEN
        WITH gone AS (
            DELETE FROM iwddm.etl_audit x
            WHERE x.etl_audit_key IN (SELECT r.etl_audit_key FROM iwddm.etl_audit r
                                 WHERE r.started_at < now() - cfg.keep_audit
                                 ORDER BY r.started_at LIMIT batch_size)
            RETURNING pg_column_size(x) AS bytes)
        SELECT count(*), coalesce(sum(bytes), 0) INTO n, b FROM gone;
        IF n > 0 THEN
            removed := iwddm.purge_tally(removed, 'etl_audit', n, b);
            more := more OR n = coalesce(batch_size, -1);
            notes := notes || format('audit rows started before %s', now() - cfg.keep_audit);
        END IF;
    END IF;

    IF removed = '{}' THEN
        RETURN;
    END IF;
    -- One audit row per run: later batches of the same run add to it.
    SELECT x.etl_audit_key, x.purged INTO entry FROM iwddm.etl_audit x
    WHERE purge_expired.run_id IS NOT NULL AND x.run_id = purge_expired.run_id
      AND x.entry_kind = 'maintenance' AND x.purged IS NOT NULL
    FOR UPDATE;
    IF entry.etl_audit_key IS NULL THEN
        INSERT INTO iwddm.etl_audit (run_id, entry_kind, run_status, started_at, finished_at, purged, message,
                                     process_name)
        VALUES (purge_expired.run_id, 'maintenance', 'purged', started_at, clock_timestamp(), removed,
                'purge: ' || array_to_string(notes, '; '), 'purge');
    ELSE
        FOR tbl, n, b IN SELECT e.key, (e.value ->> 'rows')::bigint, (e.value ->> 'bytes')::bigint
                         FROM jsonb_each(removed) e LOOP
            entry.purged := iwddm.purge_tally(entry.purged, tbl, n, b);
        END LOOP;
        UPDATE iwddm.etl_audit x SET purged = entry.purged, finished_at = clock_timestamp(),
               message = 'purge: ' || array_to_string(notes, '; ')
        WHERE x.etl_audit_key = entry.etl_audit_key;
    END IF;
END
$$;
