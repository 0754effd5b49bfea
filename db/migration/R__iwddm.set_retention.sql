-- iwddm.set_retention(setting, keep): how long the mart keeps one kind of data
-- (docs/retention.md). keep NULL keeps it forever (the default of every setting).
--   CALL iwddm.set_retention('tasks', '400 days');      -- final tasks, after their last event
--   CALL iwddm.set_retention('rejected_events', '90 days');
--   CALL iwddm.set_retention('etl_audit', '90 days');
--   CALL iwddm.set_retention('agg_15min', '60 days');   -- day and coarser buckets stay
--   SELECT * FROM iwddm.retention;                      -- read them back
-- Contract: keep is at least one day; the next iwddm.purge_expired (run by the historical
-- chain) applies it. Lengthening a setting later does not bring purged data back.
CREATE OR REPLACE PROCEDURE iwddm.set_retention(setting text, keep interval)
LANGUAGE plpgsql
AS $$
DECLARE
    settings constant text[] := ARRAY['tasks', 'rejected_events', 'etl_audit', 'agg_15min'];
BEGIN
    IF setting IS NULL OR NOT setting = ANY (settings) THEN
        RAISE EXCEPTION 'set_retention: unknown setting %', coalesce(quote_literal(setting), 'NULL')
            USING HINT = 'Use one of ' || array_to_string(settings, ', ') || ' (see SELECT * FROM iwddm.retention).';
    END IF;
    IF keep IS NOT NULL AND keep < interval '1 day' THEN
        RAISE EXCEPTION 'set_retention: % cannot be kept for %', setting, keep
            USING HINT = 'Keep data at least ''1 day''; pass NULL to keep it forever.';
    END IF;
    UPDATE iwddm.mart_config
    SET keep_tasks     = CASE setting WHEN 'tasks'           THEN keep ELSE keep_tasks END,
        keep_rejected  = CASE setting WHEN 'rejected_events' THEN keep ELSE keep_rejected END,
        keep_audit     = CASE setting WHEN 'etl_audit'       THEN keep ELSE keep_audit END,
        keep_agg_15min = CASE setting WHEN 'agg_15min'       THEN keep ELSE keep_agg_15min END;
END
$$;
