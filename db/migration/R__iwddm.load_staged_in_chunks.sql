-- iwddm.load_staged_in_chunks(chunk_events): loads a large staged set (a backfill \copy'd into
-- iwddm.stage_task_event) in chunks of chunk_events events, in staging order, committing each
-- chunk: memory and temporary space stay those of one chunk, and a stopped load (Ctrl-C, a lost
-- connection) resumes where it stopped when called again. Reports progress as it goes:
--   NOTICE:  load_staged_in_chunks: 300000 of 1000000 events, 2950 events/s, 700000 left
-- Contract: call it on its own, not inside a transaction block (it commits), e.g. in psql
--   CALL iwddm.load_staged_in_chunks(50000);
-- Events staged while it runs join the backlog at its next call. Each chunk is one load_staged
-- batch with its own etl_audit row; the result is the same as one load of everything.
CREATE OR REPLACE PROCEDURE iwddm.load_staged_in_chunks(chunk_events integer DEFAULT 50000)
LANGUAGE plpgsql
AS $$
DECLARE
    total   bigint;
    done    bigint := 0;
    chunk   bigint;
    started timestamptz := clock_timestamp();
BEGIN
    IF chunk_events IS NULL OR chunk_events < 1 THEN
        RAISE EXCEPTION 'load_staged_in_chunks: chunk_events must be a positive number of events, not %',
            coalesce(chunk_events::text, 'NULL')
            USING HINT = 'e.g. CALL iwddm.load_staged_in_chunks(50000); a chunk of 10000 to 100000 events suits most marts.';
    END IF;
    WITH moved AS (DELETE FROM iwddm.stage_task_event RETURNING stage_id, raw, staged_at)
    INSERT INTO iwddm.stage_backlog SELECT * FROM moved;
    COMMIT;
    total := (SELECT count(*) FROM iwddm.stage_backlog);
    LOOP
        WITH next_chunk AS (
            DELETE FROM iwddm.stage_backlog
            WHERE stage_id IN (SELECT stage_id FROM iwddm.stage_backlog ORDER BY stage_id LIMIT chunk_events)
            RETURNING stage_id, raw, staged_at)
        INSERT INTO iwddm.stage_task_event (raw, staged_at) SELECT raw, staged_at FROM next_chunk ORDER BY stage_id;
        GET DIAGNOSTICS chunk = ROW_COUNT;
        EXIT WHEN chunk = 0;
        CALL iwddm.load_staged();
        COMMIT;
        done := done + chunk;
        RAISE NOTICE 'load_staged_in_chunks: % of % events, % events/s, % left', done, total,
            round(done / greatest(extract(epoch FROM clock_timestamp() - started), 0.001)), total - done;
    END LOOP;
END
$$;
