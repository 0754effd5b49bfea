-- iwddm.retention: the retention settings (iwddm.set_retention) and how far each purge has
-- reached, one row per setting (docs/retention.md). keep NULL: kept forever.
-- purged_before: data older than this may be gone (null: nothing purged yet).
CREATE OR REPLACE VIEW iwddm.retention AS
SELECT s.setting, s.keep, s.purged_before, s.applies_to
FROM iwddm.mart_config c
CROSS JOIN LATERAL (VALUES
    ('tasks', c.keep_tasks, c.tasks_purged_before,
     'final tasks, with their event and work facts and aggregate flows, after their last event'),
    ('rejected_events', c.keep_rejected, NULL::timestamptz, 'rejected_event rows, after first_seen_at'),
    ('etl_audit', c.keep_audit, NULL::timestamptz, 'etl_audit rows, after started_at'),
    ('agg_15min', c.keep_agg_15min, c.agg_15min_purged_before,
     '15-minute aggregate rows (_15min, _30min, _hour views); day and coarser buckets are kept')
) AS s(setting, keep, purged_before, applies_to);
