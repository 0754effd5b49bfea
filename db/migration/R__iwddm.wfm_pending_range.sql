-- iwddm.wfm_pending_range(): the closed 15-minute intervals WFM has not received yet
-- (SPEC §7, docs/wfm.md), as [from_key, to_key). Closed means strictly before the interval
-- holding the latest loaded event (mart_config.agg_to). from_key follows the last delivered
-- interval (iwddm.wfm_delivery), or is the first covered interval (agg_from) before any
-- delivery, and never before the 15-minute retention horizon (docs/retention.md).
-- pending = (to_key - from_key) / 900, 0 when nothing is loaded or all is delivered.
CREATE OR REPLACE FUNCTION iwddm.wfm_pending_range(OUT from_key bigint, OUT to_key bigint, OUT pending bigint)
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    cfg  iwddm.mart_config;
    last bigint;
BEGIN
    SELECT * INTO cfg FROM iwddm.mart_config;
    SELECT w.last_delivered_interval INTO last FROM iwddm.wfm_delivery w;
    IF cfg.agg_to IS NULL THEN
        pending := 0;
        RETURN;
    END IF;
    -- Intervals whose 15-minute rows were purged (docs/retention.md) are never sent.
    from_key := greatest(coalesce(last + 900, cfg.agg_from), iwddm.interval_key(cfg.agg_15min_purged_before));
    to_key := greatest(cfg.agg_to, from_key);
    pending := (to_key - from_key) / 900;
END
$$;
