-- iwddm.batch_audit_key(step): the etl_audit_key of the batch load_staged is running, which every
-- fact and dimension row it writes carries (created_/updated_etl_audit_key, SPEC §3.1).
-- Contract: load_staged sets it for its transaction (setting iwddm.etl_audit_key); a step
-- procedure called on its own, outside load_staged, fails here with a hint instead of on a
-- missing temporary table.
CREATE OR REPLACE FUNCTION iwddm.batch_audit_key(step text)
RETURNS bigint
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    audit_key bigint := nullif(current_setting('iwddm.etl_audit_key', true), '')::bigint;
BEGIN
    IF audit_key IS NULL THEN
        RAISE EXCEPTION 'iwddm.%() is a step of iwddm.load_staged and cannot be called on its own', step
            USING HINT = 'Stage events in iwddm.stage_task_event and CALL iwddm.load_staged(); it runs every step.';
    END IF;
    RETURN audit_key;
END
$$;
