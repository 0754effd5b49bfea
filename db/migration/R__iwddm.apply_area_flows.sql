-- iwddm.apply_area_flows(area, range_from, range_to): brings one area's 15-minute table up to
-- date after a load (SPEC §6, incremental). Contract: pg_temp.load_touched lists the tasks
-- whose flows were recomputed into pg_temp.flow_<area>, pg_temp.flow_task_stored those of them
-- with stored events (only they can have stored flows: a task's flows come from its events);
-- [range_from, range_to] is the new covered range (interval keys), which contains the old one
-- (mart_config.agg_from/agg_to).
-- Steps, each one set-based statement (1 and 2 are one, so a new 15-minute row is written once):
--   1. extend: intervals after the old range end carry its snapshots forward, plus the stored
--      flows that fall there (due times passing, tasks aging into the next band);
--   2. swap and apply: the touched tasks' stored flows are matched with their new ones (one
--      FULL JOIN on the flow key); only the rows that differ are deleted and written, and the
--      net difference (new minus old) per interval and group changes the 15-minute rows: flow
--      measures at their interval, snapshot measures at every interval from there to the
--      range end;
--   3. rows left all-zero are deleted.
-- Cost follows the touched tasks and how far back their changes reach, not the mart's size.
CREATE OR REPLACE PROCEDURE iwddm.apply_area_flows(area text, range_from bigint, range_to bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    def       iwddm.agg_area;
    old_to    bigint := (SELECT agg_to FROM iwddm.mart_config);
    flow_tbl  text := 'agg_' || area || '_flow';
    dense_tbl text := 'agg_' || area || '_15min';
    groups    text;  -- g1, g2
    measures  text;  -- m1, m2
    sums      text;  -- sum(m1) AS m1, ...
    snaps     text;  -- s1, s2: the snapshot measures
    snaps_nz  text;  -- snapshot measures nonzero (false when none)
    flows_nz  text;  -- flow measures nonzero (false when none)
    flow_only text;  -- m1 for flow measures, 0 AS m for snapshot ones
    snap_only text;  -- 0 for flow measures, m for snapshot ones
    add_up    text;  -- m1 = a.m1 + EXCLUDED.m1, ...
    all_zero  text;  -- a.m1 = 0 AND ...
    zero_rows tid[]; -- the 15-minute rows the statement left all-zero
    carry     text := '';  -- the CTEs carrying the snapshots into the new intervals, when the range end moves
    carried   text := '';  -- their rows, among the changes
BEGIN
    IF to_regclass('pg_temp.load_touched') IS NULL OR to_regclass('pg_temp.flow_task_stored') IS NULL THEN
        RAISE EXCEPTION 'iwddm.apply_area_flows() needs the recomputed tasks in pg_temp.load_touched and their flows'
            USING HINT = 'It is a step of iwddm.load_staged; call that instead.';
    END IF;
    SELECT * INTO def FROM iwddm.agg_area a WHERE a.area = apply_area_flows.area;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'apply_area_flows: unknown area %', area
            USING HINT = 'See iwddm.agg_area for the five areas.';
    END IF;
    IF range_from IS NULL OR range_to IS NULL OR range_from > range_to THEN
        RAISE EXCEPTION 'apply_area_flows: invalid range % .. %', range_from, range_to
            USING HINT = 'Pass interval keys with range_from <= range_to.';
    END IF;
    SELECT string_agg(format('%I', g), ', ') INTO groups FROM unnest(def.group_columns) g;
    SELECT string_agg(format('%I', m), ', '), string_agg(format('sum(%I) AS %I', m, m), ', '),
           string_agg(format('%I = a.%I + EXCLUDED.%I', m, m, m), ', '),
           string_agg(format('a.%I = 0', m), ' AND ')
      INTO measures, sums, add_up, all_zero
      FROM unnest(def.flow_measures || def.snapshot_measures) m;
    SELECT coalesce(string_agg(format('%I <> 0', m), ' OR '), 'false'), string_agg(format('%I', m), ', ')
      INTO snaps_nz, snaps FROM unnest(def.snapshot_measures) m;
    SELECT coalesce(string_agg(format('%I <> 0', m), ' OR '), 'false') INTO flows_nz FROM unnest(def.flow_measures) m;
    SELECT string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('%I', m) ELSE format('0 AS %I', m) END, ', '),
           string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('0 AS %I', m) ELSE format('%I', m) END, ', ')
      INTO flow_only, snap_only FROM unnest(def.flow_measures || def.snapshot_measures) m;

    IF old_to IS NOT NULL AND range_to > old_to AND cardinality(def.snapshot_measures) > 0 THEN
        -- The snapshot at each new interval: the old range end's, plus the stored flows up to it,
        -- as one running sum per group at the intervals where the group changes, each held until
        -- its next change (expanding every flow over every later interval cost ~40 ms a page for
        -- the age area of a large mart). Part of the swap statement below, so each new 15-minute
        -- row is written once, with its changes: written first and then updated by the swap, the
        -- age area cost ~30 ms more a page in a large mart, whose open tasks carry ~7,000 age
        -- rows into the intervals a page adds.
        carry := format($sql$
            carry_change AS (
                SELECT date_time_key AS k, %2$s, %3$s FROM iwddm.%4$I
                WHERE date_time_key > %5$s AND date_time_key <= %6$s AND (%7$s)
                UNION ALL
                SELECT %5$s + 900, %2$s, %3$s FROM iwddm.%1$I WHERE date_time_key = %5$s AND (%7$s)),
            carry_net AS (SELECT k, %2$s, %8$s FROM carry_change GROUP BY k, %2$s),
            -- Each group's running sum at the intervals where it changes, held until its next change.
            carry_run AS (
                SELECT k, lead(k) OVER w AS next_k, %2$s, %9$s
                FROM carry_net WINDOW w AS (PARTITION BY %2$s ORDER BY k)),
            carried AS (
                SELECT held.k, %2$s, %3$s
                FROM carry_run r, generate_series(r.k, coalesce(r.next_k - 900, %6$s), 900) held(k)), $sql$,
            dense_tbl, groups, snaps, flow_tbl, old_to, range_to, snaps_nz,
            (SELECT string_agg(format('sum(%I) AS %I', m, m), ', ') FROM unnest(def.snapshot_measures) m),
            (SELECT string_agg(format('sum(%I) OVER w AS %I', m, m), ', ') FROM unnest(def.snapshot_measures) m));
        carried := format('UNION ALL SELECT k, %s, %s FROM carried WHERE %s', groups, snap_only, snaps_nz);
    END IF;

    -- One statement: the touched tasks' stored flows against their new ones (FULL JOIN on the
    -- flow key); only the rows that differ are deleted and written, and their difference
    -- (new minus old) per interval and group is applied; the row ids of rows left all-zero come
    -- back in zero_rows (a temp table for them cost a create and a drop per area and load).
    EXECUTE format($sql$
        WITH %22$s stored AS (
            SELECT f.ctid AS stored_row, f.* FROM iwddm.%1$I f
            WHERE f.interaction_id = ANY (ARRAY(SELECT t.interaction_id FROM pg_temp.flow_task_stored t))),
        diff AS (
            SELECT o.stored_row, n.interaction_id AS new_task, n.date_time_key AS new_key, %2$s
            FROM stored o FULL JOIN pg_temp.%3$I n
              ON n.interaction_id = o.interaction_id AND n.date_time_key = o.date_time_key AND %4$s
            WHERE o.stored_row IS NULL OR n.interaction_id IS NULL OR (%5$s) IS DISTINCT FROM (%6$s)),
        retracted AS (
            DELETE FROM iwddm.%1$I f
            WHERE f.ctid = ANY (ARRAY(SELECT d.stored_row FROM diff d WHERE d.stored_row IS NOT NULL))),
        written AS (
            INSERT INTO iwddm.%1$I (interaction_id, date_time_key, %7$s, %8$s)
            SELECT new_task, new_key, %7$s, %9$s FROM diff WHERE new_task IS NOT NULL),
        net AS (
            SELECT coalesce(new_key, old_key) AS date_time_key, %10$s FROM diff
            GROUP BY coalesce(new_key, old_key), %11$s HAVING %12$s),
        changes AS (
            SELECT k, %7$s, %14$s FROM (
                SELECT date_time_key AS k, %7$s, %15$s FROM net
                WHERE date_time_key <= %16$s AND (%17$s)
                UNION ALL
                SELECT k, %7$s, %18$s FROM net, generate_series(date_time_key, %16$s, 900) k
                WHERE date_time_key <= %16$s AND (%19$s)
                %23$s) c
            GROUP BY k, %7$s),
        upserted AS (
            INSERT INTO iwddm.%13$I AS a (date_time_key, %7$s, %8$s)
            SELECT k, %7$s, %8$s FROM changes WHERE k <= %24$s
            ON CONFLICT (date_time_key, %7$s) DO UPDATE SET %20$s
            RETURNING a.ctid AS row_id, a.*),
        -- After the old range end no row exists yet: a plain insert, cheaper than ON CONFLICT's.
        appended AS (
            INSERT INTO iwddm.%13$I AS a (date_time_key, %7$s, %8$s)
            SELECT k, %7$s, %8$s FROM changes WHERE k > %24$s
            RETURNING a.ctid AS row_id, a.*)
        SELECT array_agg(row_id) FROM (TABLE upserted UNION ALL TABLE appended) a WHERE %21$s $sql$,
        flow_tbl,                                                              -- 1
        'o.date_time_key AS old_key, ' ||
        (SELECT string_agg(format('coalesce(n.%1$I, o.%1$I) AS %1$I', g), ', ') FROM unnest(def.group_columns) g) || ', ' ||
        (SELECT string_agg(format('n.%1$I AS %2$I, coalesce(n.%1$I, 0) - coalesce(o.%1$I, 0) AS %3$I', m, 'new_' || m, 'net_' || m), ', ')
           FROM unnest(def.flow_measures || def.snapshot_measures) m),              -- 2
        'flow_' || area,                                                       -- 3
        (SELECT string_agg(format('n.%1$I = o.%1$I', g), ' AND ') FROM unnest(def.group_columns) g), -- 4
        (SELECT string_agg(format('o.%I', m), ', ') FROM unnest(def.flow_measures || def.snapshot_measures) m) || ', 0', -- 5
        (SELECT string_agg(format('n.%I', m), ', ') FROM unnest(def.flow_measures || def.snapshot_measures) m) || ', 0', -- 6
        groups,                                                                -- 7
        measures,                                                              -- 8
        (SELECT string_agg(format('%I', 'new_' || m), ', ') FROM unnest(def.flow_measures || def.snapshot_measures) m), -- 9
        groups || ', ' ||
        (SELECT string_agg(format('sum(%I) AS %I', 'net_' || m, m), ', ') FROM unnest(def.flow_measures || def.snapshot_measures) m), -- 10
        groups,                                                                -- 11
        (SELECT string_agg(format('sum(%I) <> 0', 'net_' || m), ' OR ') FROM unnest(def.flow_measures || def.snapshot_measures) m), -- 12
        dense_tbl, sums, flow_only, range_to, flows_nz, snap_only, snaps_nz, add_up, all_zero, -- 13-21
        carry, carried,                                                        -- 22-23
        -- the rows up to here may exist: the old range end, or all of them before a first load
        coalesce(least(old_to, range_to), range_to))                           -- 24
    INTO zero_rows;
    -- Nothing else writes the table in between, so the row ids still hold.
    IF zero_rows IS NOT NULL THEN
        EXECUTE format('DELETE FROM iwddm.%I WHERE ctid = ANY ($1)', dense_tbl) USING zero_rows;
    END IF;
END
$$;
