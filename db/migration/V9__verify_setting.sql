-- iwddm schema, version 9: nightly verification of the aggregates (docs/aggregates.md).
-- When verify_closed_days is on, the historical chain checks each day as it closes with
-- iwddm.verify_aggregates (iwddm.verify_closed_days) and records the result as an etl_audit row
-- of kind 'verify' carrying the count of differing values.
ALTER TABLE iwddm.mart_config
    ADD COLUMN verify_closed_days boolean NOT NULL DEFAULT false,
    -- The last local day verified; the next run verifies the days closed since (at most 7).
    ADD COLUMN verified_through date;
COMMENT ON COLUMN iwddm.mart_config.verify_closed_days IS
    'true: the historical chain verifies each closed day''s aggregates against the facts (iwddm.verify_closed_days)';

ALTER TABLE iwddm.etl_audit ADD COLUMN differences bigint;
COMMENT ON COLUMN iwddm.etl_audit.differences IS
    'verify rows: aggregate values (area, interval, group, measure) that differ from the facts';
ALTER TABLE iwddm.etl_audit DROP CONSTRAINT etl_audit_entry_kind_check;
ALTER TABLE iwddm.etl_audit ADD CONSTRAINT etl_audit_entry_kind_check
    CHECK (entry_kind IN ('run', 'batch', 'maintenance', 'verify'));
