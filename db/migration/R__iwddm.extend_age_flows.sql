-- iwddm.extend_age_flows(old_to, new_to): writes into iwddm.agg_task_age_flow the age band moves
-- of every open task (iwddm.agg_task_age_open) that fall in the intervals (old_to, new_to]: the
-- rows iwddm.build_task_flows gives those tasks there. Step of iwddm.load_aggregates when a load
-- moves the covered range end from old_to to new_to (the age flows stop at the range end); it
-- runs before the load applies its own tasks' flows, which then retract these like any others.
-- A task created at c enters the band [lower, upper) at interval_at_or_after(c + lower - 900) and
-- leaves it at interval_at_or_after(c + upper - 900) (the first interval whose end gives that
-- age). That interval is in (old_to, new_to] exactly when c + limit - 900 is, so each band limit
-- reads one range of agg_task_age_open's created index. Every open task's state began at or
-- before old_to, so no band of it starts later than its creation says.
CREATE OR REPLACE PROCEDURE iwddm.extend_age_flows(old_to bigint, new_to bigint)
LANGUAGE plpgsql
AS $$
BEGIN
    IF old_to IS NULL OR new_to IS NULL OR old_to >= new_to THEN
        RAISE EXCEPTION 'extend_age_flows: invalid move of the range end from % to %', old_to, new_to
            USING HINT = 'Pass the old and the new covered range end (interval keys), old_to < new_to.';
    END IF;
    INSERT INTO iwddm.agg_task_age_flow (interaction_id, date_time_key, tenant_key, solution_key, department_key,
                                         process_key, age_key, backlog)
    SELECT o.interaction_id, iwddm.interval_at_or_after(o.created_epoch + m.limit_sec - 900), o.tenant_key,
           o.solution_key, o.department_key, o.process_key, m.age_key, sum(m.backlog)
    FROM (SELECT age_key, lower_sec AS limit_sec, 1 AS backlog FROM iwddm.age
          UNION ALL
          SELECT age_key, upper_sec, -1 FROM iwddm.age WHERE upper_sec IS NOT NULL) m
    JOIN iwddm.agg_task_age_open o
      ON o.created_epoch > old_to - m.limit_sec + 900 AND o.created_epoch <= new_to - m.limit_sec + 900
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    -- A band narrower than an interval can start and stop in one: nothing, as build_task_flows.
    HAVING sum(m.backlog) <> 0;
END
$$;
