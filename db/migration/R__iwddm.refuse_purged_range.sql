-- iwddm.refuse_purged_range(caller, from_ts): raises an error when a repair would need data
-- that a purge removed (docs/retention.md). With from_ts: when from_ts lies before a purge
-- horizon (a rebuild there would recompute snapshots without the purged tasks' flows, or
-- 15-minute rows that are gone). With NULL: when anything was purged at all (set_timezone
-- would rebuild the calendar and day buckets over purged history).
CREATE OR REPLACE FUNCTION iwddm.refuse_purged_range(caller text, from_ts timestamptz)
RETURNS void
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    horizon timestamptz;
BEGIN
    SELECT greatest(tasks_purged_before, agg_15min_purged_before) INTO horizon FROM iwddm.mart_config;
    IF horizon IS NULL THEN
        RETURN;
    END IF;
    IF from_ts IS NULL THEN
        RAISE EXCEPTION '%: the mart has been purged before %', caller, horizon
            USING HINT = 'Data before the retention horizon is gone (SELECT * FROM iwddm.retention); '
                         'this cannot be redone over a purged mart.';
    END IF;
    IF from_ts < horizon THEN
        RAISE EXCEPTION '%: % is before the retention horizon %', caller, from_ts, horizon
            USING HINT = format('Data before %s was purged (SELECT * FROM iwddm.retention); start the range at or after it.', horizon);
    END IF;
END
$$;
