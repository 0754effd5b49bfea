-- iwddm.replay_rejected(ids): moves rejected events back to staging and loads them again,
-- after an operator has corrected their text in place:
--   UPDATE iwddm.rejected_event SET raw = '<fixed JSON>' WHERE rejected_id = 42;
--   CALL iwddm.replay_rejected(ARRAY[42]);
-- Events still bad are rejected again (with their current reasons); good ones load.
-- Contract: ids must name existing rows; runs in the caller's transaction.
CREATE OR REPLACE PROCEDURE iwddm.replay_rejected(ids bigint[])
LANGUAGE plpgsql
AS $$
DECLARE
    missing bigint[];
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RAISE EXCEPTION 'replay_rejected: no rejected_id given'
            USING HINT = 'Pass the rejected_id values to replay, e.g. ARRAY[42, 43].';
    END IF;
    SELECT array_agg(id) INTO missing
    FROM unnest(ids) id WHERE NOT EXISTS (SELECT 1 FROM iwddm.rejected_event r WHERE r.rejected_id = id);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'replay_rejected: no rejected event with id %', missing
            USING HINT = 'SELECT rejected_id, reason FROM iwddm.rejected_event lists them.';
    END IF;
    WITH replayed AS (DELETE FROM iwddm.rejected_event WHERE rejected_id = ANY (ids) RETURNING raw)
    INSERT INTO iwddm.stage_task_event (raw) SELECT raw FROM replayed;
    CALL iwddm.load_staged();
END
$$;
