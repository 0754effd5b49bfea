-- iwddm.load_reactivate_tasks(): step 4 of load_staged. A touched task that the historical
-- chain already moved to h_ (a late event for a closed task) moves back to i_ with its event
-- and work rows, so it is recomputed like any other; the historical chain moves it again
-- once it is final in a closed day.
CREATE OR REPLACE PROCEDURE iwddm.load_reactivate_tasks()
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM iwddm.batch_audit_key('load_reactivate_tasks');
    IF NOT EXISTS (SELECT 1 FROM iwddm.h_task_fact h JOIN pg_temp.load_touched t USING (interaction_id)) THEN
        RETURN;
    END IF;
    WITH moved AS (
        DELETE FROM iwddm.h_task_fact h USING pg_temp.load_touched t
        WHERE h.interaction_id = t.interaction_id RETURNING h.*)
    INSERT INTO iwddm.i_task_fact SELECT * FROM moved;
    WITH moved AS (
        DELETE FROM iwddm.h_task_event_fact h USING pg_temp.load_touched t
        WHERE h.interaction_id = t.interaction_id RETURNING h.*)
    INSERT INTO iwddm.i_task_event_fact SELECT * FROM moved;
    WITH moved AS (
        DELETE FROM iwddm.h_task_work_fact h USING pg_temp.load_touched t
        WHERE h.interaction_id = t.interaction_id RETURNING h.*)
    INSERT INTO iwddm.i_task_work_fact SELECT * FROM moved;
END
$$;
