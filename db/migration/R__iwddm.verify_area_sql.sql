-- iwddm.verify_area_sql(def, from_key, to_key): the statement verify_aggregates runs for one
-- area: the area's recomputed 15-minute rows of [from_key, to_key] (from pg_temp.flow_<area>,
-- built by build_task_flows: flow measures at their interval; snapshot measures as the flows
-- before the range plus a running sum within it, over every interval of the range) joined in
-- full to the stored rows of agg_<area>_15min, one output row per measure that differs
-- (absent rows read as zero). Returns text only; runs nothing.
CREATE OR REPLACE FUNCTION iwddm.verify_area_sql(def iwddm.agg_area, from_key bigint, to_key bigint)
RETURNS text
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    groups    text;  -- g1, g2
    r_groups  text;  -- grid.g1, grid.g2
    sums      text;  -- sum(m1) AS m1, ...
    cells     text;  -- per measure: the delta for flows, base + running sum for snapshots
    on_d      text;
    on_b      text;
    on_s      text;
    group_obj text;  -- jsonb_build_object('g1', coalesce(s.g1, r.g1), ...)
    pairs     text;  -- ('m1', s.m1, r.m1), ...
    recompute text;
BEGIN
    IF def.area IS NULL OR from_key IS NULL OR to_key IS NULL OR from_key > to_key THEN
        RAISE EXCEPTION 'verify_area_sql: invalid arguments (area %, range % .. %)', def.area, from_key, to_key
            USING HINT = 'Called by iwddm.verify_aggregates with a row of iwddm.agg_area and interval keys.';
    END IF;
    SELECT string_agg(format('%I', g), ', '), string_agg(format('grid.%I', g), ', '),
           string_agg(format('d.%I = grid.%I', g, g), ' AND '), string_agg(format('b.%I = grid.%I', g, g), ' AND '),
           string_agg(format('s.%I = r.%I', g, g), ' AND '),
           'jsonb_build_object(' || string_agg(format('%L, coalesce(s.%I, r.%I)', g, g, g), ', ') || ')'
      INTO groups, r_groups, on_d, on_b, on_s, group_obj FROM unnest(def.group_columns) g;
    SELECT string_agg(format('sum(%I) AS %I', m, m), ', '),
           string_agg(CASE WHEN m = ANY (def.flow_measures) THEN format('coalesce(d.%I, 0) AS %I', m, m)
                           ELSE format('coalesce(b.%I, 0) + sum(coalesce(d.%I, 0)) OVER (PARTITION BY %s ORDER BY k) AS %I',
                                       m, m, r_groups, m) END, ', '),
           string_agg(format('(%L, coalesce(s.%I, 0)::bigint, coalesce(r.%I, 0)::bigint)', m, m, m), ', ')
      INTO sums, cells, pairs FROM unnest(def.flow_measures || def.snapshot_measures) m;

    IF cardinality(def.snapshot_measures) = 0 THEN
        -- Flow measures only: the recomputed row is the interval's flows.
        recompute := format('SELECT date_time_key, %1$s, %2$s FROM pg_temp.%3$I
                             WHERE date_time_key BETWEEN %4$s AND %5$s GROUP BY date_time_key, %1$s',
                            groups, sums, 'flow_' || def.area, from_key, to_key);
    ELSE
        recompute := format($sql$
            SELECT k AS date_time_key, %9$s, %2$s
            FROM (SELECT DISTINCT %1$s FROM pg_temp.%3$I WHERE date_time_key <= %5$s) grid
            CROSS JOIN generate_series(%4$s::bigint, %5$s::bigint, 900) k
            LEFT JOIN (SELECT date_time_key, %1$s, %6$s FROM pg_temp.%3$I
                       WHERE date_time_key BETWEEN %4$s AND %5$s GROUP BY date_time_key, %1$s) d
                   ON d.date_time_key = k AND %7$s
            LEFT JOIN (SELECT %1$s, %6$s FROM pg_temp.%3$I WHERE date_time_key < %4$s GROUP BY %1$s) b
                   ON %8$s $sql$,
            groups, cells, 'flow_' || def.area, from_key, to_key, sums, on_d, on_b, r_groups);
    END IF;

    RETURN format($sql$
        SELECT %1$L::text, coalesce(s.date_time_key, r.date_time_key), to_timestamp(coalesce(s.date_time_key, r.date_time_key)),
               %2$s, v.measure, v.stored, v.recomputed
        FROM (SELECT * FROM iwddm.%3$I WHERE date_time_key BETWEEN %4$s AND %5$s) s
        FULL JOIN (%6$s) r ON s.date_time_key = r.date_time_key AND %7$s
        CROSS JOIN LATERAL (VALUES %8$s) v(measure, stored, recomputed)
        WHERE v.stored <> v.recomputed
        ORDER BY 2, 4, 5 $sql$,
        def.area, group_obj, 'agg_' || def.area || '_15min', from_key, to_key, recompute, on_s, pairs);
END
$$;
