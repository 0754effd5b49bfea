-- iwddm.rebuild_area_range(area, from_key, to_key): step of rebuild_aggregates for one area.
-- Replaces the stored flows of the tasks in pg_temp.load_touched with pg_temp.flow_<area>,
-- then rebuilds the area's 15-minute rows of [from_key, to_key] from all stored flows:
-- flow measures at their interval; snapshot measures as the flows before the range plus a
-- running sum within it, over every interval of the range (all-zero rows are not kept).
CREATE OR REPLACE PROCEDURE iwddm.rebuild_area_range(area text, from_key bigint, to_key bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    def      iwddm.agg_area;
    flow_tbl text := 'agg_' || area || '_flow';
    groups   text;
    measures text;
    flow_sel text;  -- per measure: flow value for flow measures, running snapshot otherwise
    snap_sum text;  -- sum(snapshot measures) for the deltas and the base
    d_groups text;
    nonzero  text;
BEGIN
    IF to_regclass('pg_temp.load_touched') IS NULL THEN
        RAISE EXCEPTION 'iwddm.rebuild_area_range() needs the recomputed tasks in pg_temp.load_touched and their flows'
            USING HINT = 'It is a step of iwddm.rebuild_aggregates; call that instead.';
    END IF;
    SELECT * INTO def FROM iwddm.agg_area a WHERE a.area = rebuild_area_range.area;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'rebuild_area_range: unknown area %', area
            USING HINT = 'See iwddm.agg_area for the five areas.';
    END IF;
    SELECT string_agg(format('%I', g), ', '), string_agg(format('grid.%I', g), ', ')
      INTO groups, d_groups FROM unnest(def.group_columns) g;
    SELECT string_agg(format('%I', m), ', '), string_agg(format('%I <> 0', m), ' OR '),
           string_agg(format('sum(%I) AS %I', m, m), ', '),
           string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('coalesce(d.%I, 0) AS %I', m, m)
                           ELSE format('coalesce(b.%I, 0) + sum(coalesce(d.%I, 0)) OVER (PARTITION BY %s ORDER BY k) AS %I',
                                       m, m, d_groups, m) END, ', ')
      INTO measures, nonzero, snap_sum, flow_sel FROM unnest(def.flow_measures || def.snapshot_measures) m;

    EXECUTE format('DELETE FROM iwddm.%I f USING pg_temp.load_touched t WHERE f.interaction_id = t.interaction_id', flow_tbl);
    EXECUTE format('INSERT INTO iwddm.%1$I (interaction_id, date_time_key, %2$s, %3$s)
                    SELECT interaction_id, date_time_key, %2$s, %3$s FROM pg_temp.%4$I',
                   flow_tbl, groups, measures, 'flow_' || area);
    EXECUTE format('DELETE FROM iwddm.%I WHERE date_time_key BETWEEN %s AND %s', 'agg_' || area || '_15min', from_key, to_key);
    EXECUTE format($sql$
        INSERT INTO iwddm.%1$I (date_time_key, %2$s, %3$s)
        SELECT k, %2$s, %3$s FROM (
            SELECT k, %4$s, %5$s
            FROM (SELECT DISTINCT %2$s FROM iwddm.%6$I WHERE date_time_key <= %8$s) grid
            CROSS JOIN generate_series(%7$s::bigint, %8$s::bigint, 900) k
            LEFT JOIN (SELECT date_time_key, %2$s, %9$s FROM iwddm.%6$I
                       WHERE date_time_key BETWEEN %7$s AND %8$s GROUP BY date_time_key, %2$s) d
                   ON d.date_time_key = k AND %10$s
            LEFT JOIN (SELECT %2$s, %9$s FROM iwddm.%6$I WHERE date_time_key < %7$s GROUP BY %2$s) b
                   ON %11$s) cells
        WHERE %12$s $sql$,
        'agg_' || area || '_15min', groups, measures, d_groups, flow_sel, flow_tbl, from_key, to_key, snap_sum,
        (SELECT string_agg(format('d.%I = grid.%I', g, g), ' AND ') FROM unnest(def.group_columns) g),
        (SELECT string_agg(format('b.%I = grid.%I', g, g), ' AND ') FROM unnest(def.group_columns) g),
        nonzero);
END
$$;
