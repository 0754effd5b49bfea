-- iwddm.set_timezone(tz): set the mart's calendar time zone (IANA name) and recompute what
-- depends on it, so the calendar and the facts never disagree (SPEC §4).
-- Contract: refuses unknown names; a no-op when tz is already the mart's zone; takes the
-- load lock so no load runs while keys move. Cost grows with the mart (a DBA operation).
CREATE OR REPLACE PROCEDURE iwddm.set_timezone(tz text)
LANGUAGE plpgsql
AS $$
DECLARE
    first_ts timestamptz;
    last_ts  timestamptz;
    audit_key bigint;
    target   regclass;
BEGIN
    -- The unchanged case comes first: the job calls this on every run, and looking the name up
    -- in pg_timezone_names costs ~50 ms (the mart's zone was checked when it was set).
    IF tz IS NOT NULL AND (SELECT timezone FROM iwddm.mart_config) = tz THEN
        RETURN;
    END IF;
    IF tz IS NULL OR NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = tz) THEN
        RAISE EXCEPTION 'set_timezone: unknown time zone %', coalesce(quote_literal(tz), 'NULL')
            USING HINT = 'Use an IANA name such as ''Europe/Berlin'' or ''UTC'' (see pg_timezone_names).';
    END IF;
    PERFORM iwddm.refuse_purged_range('set_timezone', NULL);
    LOCK TABLE iwddm.load_lock IN EXCLUSIVE MODE;
    IF (SELECT timezone FROM iwddm.mart_config) = tz THEN
        RETURN; -- another session set it while this one waited for the lock
    END IF;

    -- The rows this changes say so: their updated_etl_audit_key is this operation's audit row.
    INSERT INTO iwddm.etl_audit (entry_kind, run_status, started_at, process_name, message)
    VALUES ('maintenance', 'running', clock_timestamp(), 'set_timezone',
            format('mart time zone %s -> %s', (SELECT timezone FROM iwddm.mart_config), tz))
    RETURNING etl_audit_key INTO audit_key;
    UPDATE iwddm.mart_config SET timezone = tz, calendar_from = NULL, calendar_to = NULL;
    DELETE FROM iwddm.date_time;
    DELETE FROM iwddm.event_date;
    SELECT min(event_ts), max(event_ts) INTO first_ts, last_ts FROM iwddm.task_event_fact;
    IF first_ts IS NOT NULL THEN
        CALL iwddm.extend_calendar(first_ts, last_ts);
        FOREACH target IN ARRAY ARRAY['iwddm.i_task_event_fact', 'iwddm.h_task_event_fact', 'iwddm.i_task_fact',
                                      'iwddm.h_task_fact', 'iwddm.i_task_work_fact', 'iwddm.h_task_work_fact',
                                      'iwddm.department', 'iwddm.process']::regclass[] LOOP
            CALL iwddm.refresh_task_time_keys(target, audit_key);
        END LOOP;
    END IF;
    UPDATE iwddm.etl_audit SET run_status = 'done', finished_at = clock_timestamp() WHERE etl_audit_key = audit_key;
END
$$;
