-- iwddm schema, version 4: what the WFM push has delivered (SPEC §7, docs/wfm.md).
--
-- One row. last_delivered_interval is the date_time_key (UTC epoch seconds) of the latest
-- 15-minute interval WFM acknowledged; null until the first delivery, when the push starts at
-- the first covered interval (mart_config.agg_from). The driver advances it in the same
-- transaction that records the acknowledgement, so a push that fails, or a run killed after
-- sending, resends every interval after it on the next run (resends are harmless: WFM
-- replaces an (activity, interval) value it already has).
CREATE TABLE iwddm.wfm_delivery (
    singleton               boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_delivered_interval bigint CHECK (last_delivered_interval % 900 = 0),
    delivered_at            timestamptz,
    intervals_delivered     bigint NOT NULL DEFAULT 0
);
INSERT INTO iwddm.wfm_delivery DEFAULT VALUES;
