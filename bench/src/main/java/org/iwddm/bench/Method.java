package org.iwddm.bench;

import static org.iwddm.bench.ResultTable.f;

/** The "Method" section: what each scenario does, so a reader can judge the figures. */
final class Method {
    private Method() {
    }

    /** Floor B's tables and its one statement, exactly as the harness runs them. */
    static String floorBStatements() {
        return "\nFloor B's tables (created untimed) and its one timed statement after the COPY:\n\n```sql\n"
                + FloorBScenario.CREATE_SQL + ";\n\n" + FloorBScenario.INSERT_SQL + ";\n```\n";
    }

    static String text(Results r) {
        BenchSettings s = r.settings();
        return f("""
                ## Method

                All throughput scenarios use the same generated feed (org.iwddm.sim.FeedGenerator: a busy
                intraday tenant, about 4.5 events per task, 5 %% late events, no bad events, no re-sends),
                written once to an NDJSON file and served by a fake IWD on loopback with FEED.md's paging.
                Every measured run is checked and the suite fails rather than report a broken run.

                1. **Floors**, from the same events already in memory, in a fresh migrated mart of the same
                   cluster (fsync on):
                   - **Floor A** (row 1): the %,d events COPYed into `iwddm.stage_task_event` with the job's own
                     COPY statement and committed; the rows are removed, untimed, after each run. The chart's
                     floor A line does the same in chunks of each batch size, committing each chunk.
                   - **Floor B** (row 1b), the minimal in-database load: the same raw lines COPYed (the job's
                     CSV format) into a scratch table `floor_b.raw_event(raw text)`, then ONE `INSERT … SELECT`
                     that parses each line with `raw::jsonb`, types every field of FEED.md with
                     `jsonb_to_record` (nested: the event, its `task`, the task's `category`; `->>` for the
                     `agent`, `tenant`, `solution` and `capturePoint` references; `category.path` as `text[]`,
                     `data` as `jsonb`, `priority` and `businessValue` as `int`, every date-time as
                     `timestamptz`) and inserts one row per event into `floor_b.task_event`, whose PRIMARY KEY
                     is the event id; one transaction, committed. The figure is N ÷ the wall time of COPY +
                     INSERT + commit. Both are ordinary logged tables, created untimed; the scratch table is
                     emptied (TRUNCATE) untimed after each commit, the target after each run once every row
                     is checked to be there with its required fields typed. The chart's floor B line does
                     the same per chunk of each batch size (COPY the chunk, the `INSERT … SELECT` of that
                     chunk, commit; the target keeps growing over the run), the timed parts summed.
                     The statements are below the list.
                2. **Pipeline**: `bin/iwddm run` as a child process with the launcher's container JVM options,
                   `IWDDM_EXECUTION_CHAIN=intraday` and `IWDDM_BATCH_SIZE`, reading the events from the fake IWD
                   into a fresh migrated mart each run (a copy of a migrated template database). The figure is
                   N ÷ the process's wall time, so the JVM's start is included. Checked: exit status 0 and
                   "run succeeded", the cursor at the feed's last id, N event facts, nothing rejected.
                3. **Naive peer** (`org.iwddm.bench.NaivePeer`, written only for the benchmark): reads the same
                   pages from the same fake IWD over HTTP (so the transport costs what it costs the job), parses
                   each page into a Gson tree, and per event runs 11 single-row statements on one connection:
                   upserts of the 7 dimension members it references (tenant, solution, category, capture point,
                   media type, queue, agent; `INSERT ... ON CONFLICT DO UPDATE`), an insert of the event row,
                   an upsert of the task's current-state row, and upserts of two 15-minute aggregate rows; one
                   transaction per page with its cursor. Not a straw man: statements are prepared once and
                   reused (server-side prepared after pgjdbc's threshold), autocommit is off, one commit per
                   page. It computes less than the job: no work facts, no history recomputation for late
                   events (a late event only counts), status events instead of transitions, no entered/exited
                   queue, no snapshot measures (backlog), no validation or quarantine of bad events. Its rate
                   is therefore an upper bound for such a tool. Checked: N event rows, cursor at the last id.
                4. **Incremental**: a second generated feed (a month of a smaller tenant); its first %,d events
                   fill a mart in batches of 100,000 (the job's typed COPY + `CALL iwddm.load_staged()`,
                   committed; then `VACUUM ANALYZE`, as autovacuum would after the 2,000,000 deleted staging
                   rows), the next %,d events are the batch. The batch is loaded the way the job loads a
                   page (typed beforehand, then its COPY + `load_staged`) into that mart and into an empty one,
                   each load rolled back, %d times each, with an untimed `VACUUM (INDEX_CLEANUP ON)` of the
                   mart after each rollback: a rolled-back load leaves its rows dead in the tables and their
                   indexes, which the next repetition would otherwise wade through (no committed page
                   leaves those), so every repetition sees the same mart.
                   Checked: every batch event became a fact.
                5. **Memory**: peak resident set (`/usr/bin/time -v`, maximum RSS) of one `bin/iwddm run` over
                   %,d events of the same kind of feed, batch %,d, with the launcher's JVM options.
                6. **Idle run**: after the N events are loaded and one untimed run of the production default
                   chain (`full`) has settled the mart, `bin/iwddm run` with `full` again, %d times, with nothing
                   new: JVM start, connect, run lock, schema check, one empty page, historical step. Checked:
                   "run succeeded", 0 events loaded, cursor and facts unchanged.
                """, s.events(), s.martEvents(), s.incrementalBatch(), s.incrementalRuns(), s.memoryEvents(),
                r.memory().batchSize(), s.idleRuns()) + floorBStatements();
    }
}
