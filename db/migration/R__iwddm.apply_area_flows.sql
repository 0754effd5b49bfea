-- iwddm.apply_area_flows(area, range_from, range_to): brings one area's 15-minute table up to
-- date after a load (SPEC §6, incremental). Contract: pg_temp.load_touched lists the tasks
-- whose flows were recomputed into pg_temp.flow_<area>; [range_from, range_to] is the new
-- covered range (interval keys), which contains the old one (mart_config.agg_from/agg_to).
-- Steps, each one set-based statement:
--   1. extend: intervals after the old range end carry its snapshots forward, plus the stored
--      flows that fall there (due times passing, tasks aging into the next band);
--   2. swap: the touched tasks' stored flows are replaced by their new ones; the net
--      difference (new minus old) per interval and group goes to pg_temp.agg_net_sum;
--   3. apply: flow measures change at their interval, snapshot measures at every interval
--      from there to the range end; rows left all-zero are deleted.
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
    negated   text;  -- -m1, -m2
    nonzero   text;  -- m1 <> 0 OR ...
    snaps_nz  text;  -- snapshot measures nonzero (false when none)
    flows_nz  text;  -- flow measures nonzero (false when none)
    flow_only text;  -- m1 for flow measures, 0 AS m for snapshot ones
    snap_only text;  -- 0 for flow measures, m for snapshot ones
    add_up    text;  -- m1 = a.m1 + EXCLUDED.m1, ...
    all_zero  text;  -- a.m1 = 0 AND ...
    match     text;  -- a.g1 = z.g1 AND ...
BEGIN
    IF to_regclass('pg_temp.load_touched') IS NULL THEN
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
    SELECT string_agg(format('%I', g), ', '), string_agg(format('a.%I = z.%I', g, g), ' AND ')
      INTO groups, match FROM unnest(def.group_columns) g;
    SELECT string_agg(format('%I', m), ', '), string_agg(format('sum(%I) AS %I', m, m), ', '),
           string_agg(format('-%I', m), ', '), string_agg(format('%I <> 0', m), ' OR '),
           string_agg(format('%I = a.%I + EXCLUDED.%I', m, m, m), ', '),
           string_agg(format('a.%I = 0', m), ' AND ')
      INTO measures, sums, negated, nonzero, add_up, all_zero
      FROM unnest(def.flow_measures || def.snapshot_measures) m;
    SELECT coalesce(string_agg(format('%I <> 0', m), ' OR '), 'false') INTO snaps_nz FROM unnest(def.snapshot_measures) m;
    SELECT coalesce(string_agg(format('%I <> 0', m), ' OR '), 'false') INTO flows_nz FROM unnest(def.flow_measures) m;
    SELECT string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('%I', m) ELSE format('0 AS %I', m) END, ', '),
           string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('0 AS %I', m) ELSE format('%I', m) END, ', ')
      INTO flow_only, snap_only FROM unnest(def.flow_measures || def.snapshot_measures) m;

    IF old_to IS NOT NULL AND range_to > old_to AND cardinality(def.snapshot_measures) > 0 THEN
        EXECUTE format($sql$
            INSERT INTO iwddm.%1$I (date_time_key, %2$s, %3$s)
            SELECT k, %2$s, %4$s FROM (
                SELECT k, %2$s, %6$s FROM iwddm.%1$I, generate_series(%7$s + 900, %8$s, 900) k
                WHERE date_time_key = %7$s AND (%5$s)
                UNION ALL
                SELECT k, %2$s, %6$s FROM iwddm.%9$I, generate_series(date_time_key, %8$s, 900) k
                WHERE date_time_key > %7$s AND date_time_key <= %8$s AND (%5$s)) carried
            GROUP BY k, %2$s HAVING %10$s $sql$,
            dense_tbl, groups, measures, sums, snaps_nz, snap_only, old_to, range_to, flow_tbl,
            regexp_replace(nonzero, '(\w+) <> 0', 'sum(\1) <> 0', 'g'));
    END IF;

    -- Retracted flows are kept negated in agg_net, then the new flows are stored and added.
    EXECUTE format('CREATE TEMP TABLE agg_net ON COMMIT DROP AS SELECT date_time_key, %s, %s FROM iwddm.%I WHERE false',
                   groups, measures, flow_tbl);
    EXECUTE format('CREATE TEMP TABLE agg_zero ON COMMIT DROP AS SELECT date_time_key, %s FROM iwddm.%I WHERE false',
                   groups, dense_tbl);
    EXECUTE format($sql$
        WITH retracted AS (
            DELETE FROM iwddm.%1$I f USING pg_temp.load_touched t WHERE f.interaction_id = t.interaction_id
            RETURNING f.*)
        INSERT INTO pg_temp.agg_net SELECT date_time_key, %2$s, %3$s FROM retracted $sql$,
        flow_tbl, groups, negated);
    EXECUTE format($sql$
        INSERT INTO iwddm.%1$I (interaction_id, date_time_key, %2$s, %3$s)
        SELECT interaction_id, date_time_key, %2$s, %3$s FROM pg_temp.%4$I $sql$,
        flow_tbl, groups, measures, 'flow_' || area);
    EXECUTE format($sql$
        INSERT INTO pg_temp.agg_net SELECT date_time_key, %1$s, %2$s FROM pg_temp.%3$I $sql$,
        groups, measures, 'flow_' || area);
    EXECUTE format($sql$
        CREATE TEMP TABLE agg_net_sum ON COMMIT DROP AS
        SELECT date_time_key, %1$s, %2$s FROM pg_temp.agg_net
        GROUP BY date_time_key, %1$s HAVING %3$s $sql$,
        groups, sums, regexp_replace(nonzero, '(\w+) <> 0', 'sum(\1) <> 0', 'g'));

    EXECUTE format($sql$
        WITH upserted AS (
            INSERT INTO iwddm.%1$I AS a (date_time_key, %2$s, %3$s)
            SELECT k, %2$s, %4$s FROM (
                SELECT date_time_key AS k, %2$s, %5$s FROM pg_temp.agg_net_sum
                WHERE date_time_key <= %7$s AND (%8$s)
                UNION ALL
                SELECT k, %2$s, %6$s FROM pg_temp.agg_net_sum, generate_series(date_time_key, %7$s, 900) k
                WHERE date_time_key <= %7$s AND (%9$s)) changes
            GROUP BY k, %2$s
            ON CONFLICT (date_time_key, %2$s) DO UPDATE SET %10$s
            RETURNING a.*)
        INSERT INTO pg_temp.agg_zero SELECT date_time_key, %2$s FROM upserted a WHERE %11$s $sql$,
        dense_tbl, groups, measures, sums, flow_only, snap_only, range_to, flows_nz, snaps_nz, add_up, all_zero);
    EXECUTE format('DELETE FROM iwddm.%I a USING pg_temp.agg_zero z WHERE a.date_time_key = z.date_time_key AND %s',
                   dense_tbl, match);
    DROP TABLE pg_temp.agg_net, pg_temp.agg_net_sum, pg_temp.agg_zero;
END
$$;
