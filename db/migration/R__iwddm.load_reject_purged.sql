-- iwddm.load_reject_purged(): step 1b of load_staged, right after load_parse_staged. Once a
-- purge has run, some good events can no longer be applied to a whole history; they are
-- quarantined in rejected_event with a reason that says so, and leave pg_temp.load_event:
--   * every event of a purged task (a tombstone in iwddm.purged_task), or of a task the mart
--     does not hold when one of its events, or the task's creation, lies before
--     mart_config.tasks_purged_before: the task was purged (or its start was never loaded),
--     and applying it would build a partial history;
--   * an event before mart_config.agg_15min_purged_before: the 15-minute rows it would change
--     are gone and the day buckets there are final.
-- Contract: marks the rows in pg_temp.load_raw as rejected (problems), so the batch's audit
-- counts them; a no-op until something was purged. Replaying such an event rejects it again.
CREATE OR REPLACE PROCEDURE iwddm.load_reject_purged()
LANGUAGE plpgsql
AS $$
DECLARE
    tasks_before timestamptz;
    agg_before   timestamptz;
BEGIN
    SELECT tasks_purged_before, agg_15min_purged_before INTO tasks_before, agg_before FROM iwddm.mart_config;
    IF tasks_before IS NULL AND agg_before IS NULL THEN
        RETURN;
    END IF;
    CREATE TEMP TABLE load_purged ON COMMIT DROP AS
    SELECT stage_id, task_event_id, interaction_id,
           CASE WHEN e.event_ts < agg_before
                THEN format('the event time %s is before %s, where the 15-minute aggregates were purged '
                            '(retention agg_15min): the day buckets there are final', e.event_ts, agg_before)
                ELSE format('task %s was purged (retention tasks: its history before %s is gone); '
                            'the event is not applied to a partial history', e.interaction_id, tasks_before) END AS reason
    FROM (SELECT e.*, bool_or(e.event_ts < tasks_before OR e.task_created_ts < tasks_before)
                          OVER (PARTITION BY e.interaction_id) AS task_predates
          FROM pg_temp.load_event e) e
    WHERE e.event_ts < agg_before
       OR EXISTS (SELECT 1 FROM iwddm.purged_task p WHERE p.interaction_id = e.interaction_id)
       OR (e.task_predates
           AND NOT EXISTS (SELECT 1 FROM iwddm.i_task_fact f WHERE f.interaction_id = e.interaction_id)
           AND NOT EXISTS (SELECT 1 FROM iwddm.h_task_fact f WHERE f.interaction_id = e.interaction_id));
    IF EXISTS (SELECT 1 FROM pg_temp.load_purged) THEN
        -- A good event's text is its parsed document (load_parse_staged keeps only bad texts); an
        -- event the job staged typed has none and is written back from its typed fields.
        INSERT INTO iwddm.rejected_event (raw, reason, event_id, interaction_id)
        SELECT DISTINCT ON (md5(d.doc::text)) d.doc::text, d.reason, d.task_event_id, left(d.interaction_id, 64)
        FROM (SELECT p.stage_id, p.reason, p.task_event_id, p.interaction_id,
                     coalesce(r.doc, iwddm.typed_event_document(to_jsonb(e))) AS doc
              FROM pg_temp.load_purged p
              JOIN pg_temp.load_raw r USING (stage_id)
              JOIN pg_temp.load_event e USING (stage_id)) d
        ORDER BY md5(d.doc::text), d.stage_id
        ON CONFLICT (raw_md5) DO NOTHING;
        UPDATE pg_temp.load_raw r SET problems = ARRAY[p.reason]
        FROM pg_temp.load_purged p WHERE r.stage_id = p.stage_id;
        DELETE FROM pg_temp.load_event e USING pg_temp.load_purged p WHERE e.stage_id = p.stage_id;
    END IF;
    DROP TABLE pg_temp.load_purged;
END
$$;
