-- iwddm schema, version 8: data lifecycle (docs/retention.md). Retention settings, what has
-- been purged so far, the materialized day buckets that outlive the 15-minute rows, the
-- purge's audit column and the indexes that make a purge cost what it removes.
--
-- Settings (null: keep forever, the default; set with iwddm.set_retention, read iwddm.retention):
--   keep_tasks       final tasks, with their event and work facts and aggregate flows, are
--                    kept this long after their last event (relative to the latest loaded event);
--   keep_rejected    rejected_event rows, after first_seen_at (relative to now());
--   keep_audit       etl_audit rows, after started_at (relative to now());
--   keep_agg_15min   15-minute aggregate rows (and so the _15min, _30min and _hour views)
--                    are kept this long (relative to the latest loaded event); the day and
--                    coarser buckets are kept forever, materialized before the rows go.
-- Horizons reached (null: nothing purged yet). Both are local midnights in the mart time zone
-- and only move forward:
--   tasks_purged_before      tasks whose last event is before it may have been purged;
--   agg_15min_purged_before  15-minute rows before it are gone; its days are in agg_<area>_day.
ALTER TABLE iwddm.mart_config
    ADD COLUMN keep_tasks              interval CHECK (keep_tasks >= interval '1 day'),
    ADD COLUMN keep_rejected           interval CHECK (keep_rejected >= interval '1 day'),
    ADD COLUMN keep_audit              interval CHECK (keep_audit >= interval '1 day'),
    ADD COLUMN keep_agg_15min          interval CHECK (keep_agg_15min >= interval '1 day'),
    ADD COLUMN tasks_purged_before     timestamptz,
    ADD COLUMN agg_15min_purged_before timestamptz;

-- What a purge removed, per table: {"h_task_event_fact": {"rows": 812345, "bytes": 170000000}, ...}.
-- Written on purge rows only (entry_kind 'maintenance', process_name 'purge', one row per run or per DBA call).
ALTER TABLE iwddm.etl_audit ADD COLUMN purged jsonb;
COMMENT ON COLUMN iwddm.etl_audit.purged IS
    'purge rows: per table, rows removed and heap bytes freed for reuse (iwddm.purge_expired)';

-- Tombstones of purged tasks, so a later event for one is recognized and quarantined
-- (iwddm.load_reject_purged) instead of starting a partial history. Each is kept for
-- keep_tasks again after its task went (the task's own creation time, when the feed sends
-- it, still tells afterwards). About 100 bytes a task, against kilobytes for its facts.
CREATE TABLE iwddm.purged_task (
    interaction_id text PRIMARY KEY,
    last_event_ts  timestamptz NOT NULL
);
CREATE INDEX purged_task_last_event_idx ON iwddm.purged_task (last_event_ts);

-- A purge finds its work by time, so it reads only what it removes.
CREATE INDEX h_task_fact_last_event_idx ON iwddm.h_task_fact (last_event_ts);
CREATE INDEX rejected_event_first_seen_idx ON iwddm.rejected_event (first_seen_at);
CREATE INDEX etl_audit_started_idx ON iwddm.etl_audit (started_at);

-- Day buckets of the days whose 15-minute rows were purged, one table per area, shaped like
-- agg_<area>_15min: date_time_key is the day's last 15-minute interval (where its snapshot
-- measures are taken), flow measures are the day's sums. The day and coarser views read them
-- together with the 15-minute rows (R__iwddm.agg_views.sql); nothing writes them but the purge.
DO $$
DECLARE
    a record;
BEGIN
    FOR a IN SELECT area FROM iwddm.agg_area LOOP
        EXECUTE format('CREATE TABLE iwddm.%I (LIKE iwddm.%I INCLUDING ALL)',
                       'agg_' || a.area || '_day', 'agg_' || a.area || '_15min');
    END LOOP;
END
$$;
