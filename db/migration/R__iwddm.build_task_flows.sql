-- iwddm.build_task_flows(horizon DEFAULT agg_to): the aggregate flows of every task in pg_temp.load_history
-- (SPEC §6 written as flows, SPEC §8), one temp table per area: pg_temp.flow_<area> with
-- (interaction_id, date_time_key, group keys, measures), summed per task, interval and
-- group, all-zero rows dropped. iwddm.drop_task_flows drops every table this creates.
-- Each history row is an event and the state after it, which holds for the intervals
-- [event_interval, next_interval) (to the end of time for the last event). A snapshot
-- measure is +1 where such a state starts counting and -1 where it stops, so the value at
-- the end of interval J is the sum of the flows at intervals <= J:
--   backlog / in_queue: the state is open (not final), in its group / queue;
--   overdue_backlog: from the interval holding due_ts (due < end of interval) while open;
--   task_age backlog: in the age band of (interval end - created), band by band.
-- The age flows stop at horizon (the covered range end: mart_config.agg_to, or the load's new one):
-- an open task keeps aging into new bands for 30 days, and those later moves are written from
-- pg_temp.flow_task_age_open (each open task's creation and group; stored in
-- iwddm.agg_task_age_open) when the range reaches them (iwddm.extend_age_flows).
-- Every measure is bigint, as in the flow tables: sum() of a bigint column gives numeric, so the
-- duration sums are cast back (exact: the sum is computed exactly, and a value beyond bigint
-- could not be stored anyway); numeric here made every comparison and sum of the swap numeric.
-- Planned without Memoize: the flows' LATERAL subqueries are keyed by each state's own columns,
-- so a cache never hits and only costs (the five statements took ~1.5 times as long with it).
CREATE OR REPLACE PROCEDURE iwddm.build_task_flows(horizon bigint DEFAULT NULL)
LANGUAGE plpgsql
SET enable_memoize = off
AS $$
BEGIN
    horizon := coalesce(horizon, (SELECT agg_to FROM iwddm.mart_config));
    IF to_regclass('pg_temp.load_history') IS NULL THEN
        RAISE EXCEPTION 'iwddm.build_task_flows() needs the task histories in pg_temp.load_history'
            USING HINT = 'It is a step of iwddm.load_staged and iwddm.rebuild_aggregates; call those instead.';
    END IF;
    IF horizon IS NULL THEN
        RAISE EXCEPTION 'iwddm.build_task_flows() needs the covered range end as its horizon'
            USING HINT = 'Nothing is loaded yet (mart_config.agg_to is null): pass the interval key the range will end at.';
    END IF;
    CREATE TEMP TABLE flow_task_classif ON COMMIT DROP AS
    SELECT interaction_id, date_time_key, tenant_key, solution_key, department_key, process_key,
           sum(entered) AS entered, sum(completed) AS completed, sum(canceled) AS canceled,
           sum(rejected) AS rejected, sum(completed_overdue) AS completed_overdue,
           sum(complete_time_sum_sec)::bigint AS complete_time_sum_sec,
           sum(backlog) AS backlog, sum(overdue_backlog) AS overdue_backlog
    FROM (
        SELECT h.interaction_id, h.event_interval AS date_time_key, h.tenant_key, h.solution_key,
               h.department_key, h.process_key,
               (h.seq = 1)::int AS entered,
               (h.enters_final AND h.status_name = 'completed')::int AS completed,
               (h.enters_final AND h.status_name = 'canceled')::int AS canceled,
               (h.enters_final AND h.status_name = 'rejected')::int AS rejected,
               (h.enters_final AND h.status_name = 'completed' AND coalesce(h.due_ts < h.event_ts, false))::int AS completed_overdue,
               CASE WHEN h.enters_final AND h.status_name = 'completed'
                    THEN iwddm.whole_seconds(h.first_event_ts, h.event_ts) ELSE 0 END AS complete_time_sum_sec,
               0 AS backlog, 0 AS overdue_backlog
        FROM pg_temp.load_history h WHERE h.seq = 1 OR h.enters_final
        UNION ALL
        SELECT s.interaction_id, b.date_time_key, s.tenant_key, s.solution_key, s.department_key, s.process_key,
               0, 0, 0, 0, 0, 0, b.backlog, b.overdue_backlog
        FROM pg_temp.load_history s
        CROSS JOIN LATERAL (
            SELECT s.event_interval, 1, 0 WHERE s.next_interval IS DISTINCT FROM s.event_interval
            UNION ALL SELECT s.next_interval, -1, 0 WHERE s.next_interval > s.event_interval
            UNION ALL SELECT o.starts, 0, 1 FROM (SELECT greatest(s.event_interval, iwddm.interval_key(s.due_ts)) AS starts) o
                      WHERE s.due_ts IS NOT NULL AND o.starts < coalesce(s.next_interval, 'infinity'::numeric)
            UNION ALL SELECT s.next_interval, 0, -1
                      WHERE s.due_ts IS NOT NULL
                        AND greatest(s.event_interval, iwddm.interval_key(s.due_ts)) < s.next_interval
        ) b(date_time_key, backlog, overdue_backlog)
        WHERE NOT s.is_final
    ) flows
    GROUP BY interaction_id, date_time_key, tenant_key, solution_key, department_key, process_key
    HAVING sum(entered) <> 0 OR sum(completed) <> 0 OR sum(canceled) <> 0 OR sum(rejected) <> 0
        OR sum(completed_overdue) <> 0 OR sum(complete_time_sum_sec) <> 0 OR sum(backlog) <> 0
        OR sum(overdue_backlog) <> 0;

    CREATE TEMP TABLE flow_task_capt ON COMMIT DROP AS
    SELECT interaction_id, date_time_key, tenant_key, solution_key, capture_point_key, media_type_key,
           sum(entered) AS entered, sum(completed) AS completed, sum(canceled) AS canceled,
           sum(rejected) AS rejected, sum(backlog) AS backlog
    FROM (
        SELECT h.interaction_id, h.event_interval AS date_time_key, h.tenant_key, h.solution_key,
               h.capture_point_key, h.media_type_key,
               (h.seq = 1)::int AS entered,
               (h.enters_final AND h.status_name = 'completed')::int AS completed,
               (h.enters_final AND h.status_name = 'canceled')::int AS canceled,
               (h.enters_final AND h.status_name = 'rejected')::int AS rejected,
               0 AS backlog
        FROM pg_temp.load_history h WHERE h.seq = 1 OR h.enters_final
        UNION ALL
        SELECT s.interaction_id, b.date_time_key, s.tenant_key, s.solution_key, s.capture_point_key,
               s.media_type_key, 0, 0, 0, 0, b.backlog
        FROM pg_temp.load_history s
        CROSS JOIN LATERAL (
            SELECT s.event_interval, 1 WHERE s.next_interval IS DISTINCT FROM s.event_interval
            UNION ALL SELECT s.next_interval, -1 WHERE s.next_interval > s.event_interval
        ) b(date_time_key, backlog)
        WHERE NOT s.is_final
    ) flows
    GROUP BY interaction_id, date_time_key, tenant_key, solution_key, capture_point_key, media_type_key
    HAVING sum(entered) <> 0 OR sum(completed) <> 0 OR sum(canceled) <> 0 OR sum(rejected) <> 0
        OR sum(backlog) <> 0;

    CREATE TEMP TABLE flow_task_queue ON COMMIT DROP AS
    SELECT interaction_id, date_time_key, queue_key,
           sum(entered_queue) AS entered_queue, sum(exited_queue) AS exited_queue,
           sum(queue_time_sum_sec)::bigint AS queue_time_sum_sec, sum(in_queue) AS in_queue
    FROM (
        SELECT h.interaction_id, h.event_interval AS date_time_key, h.entered_queue_key AS queue_key,
               1 AS entered_queue, 0 AS exited_queue, 0 AS queue_time_sum_sec, 0 AS in_queue
        FROM pg_temp.load_history h WHERE h.entered_queue_key IS NOT NULL
        UNION ALL
        SELECT h.interaction_id, h.event_interval, h.exited_queue_key, 0, 1,
               iwddm.whole_seconds(h.open_queue_ts, h.event_ts), 0
        FROM pg_temp.load_history h WHERE h.exited_queue_key IS NOT NULL
        UNION ALL
        SELECT s.interaction_id, b.date_time_key, s.queue_key, 0, 0, 0, b.in_queue
        FROM pg_temp.load_history s
        CROSS JOIN LATERAL (
            SELECT s.event_interval, 1 WHERE s.next_interval IS DISTINCT FROM s.event_interval
            UNION ALL SELECT s.next_interval, -1 WHERE s.next_interval > s.event_interval
        ) b(date_time_key, in_queue)
        WHERE NOT s.is_final
    ) flows
    GROUP BY interaction_id, date_time_key, queue_key
    HAVING sum(entered_queue) <> 0 OR sum(exited_queue) <> 0 OR sum(queue_time_sum_sec) <> 0
        OR sum(in_queue) <> 0;

    CREATE TEMP TABLE flow_task_agent ON COMMIT DROP AS
    SELECT interaction_id, date_time_key, agent_key,
           sum(assigned) AS assigned, sum(finished) AS finished, sum(abandoned) AS abandoned,
           sum(work_time_sum_sec)::bigint AS work_time_sum_sec
    FROM (
        SELECT h.interaction_id, h.event_interval AS date_time_key, h.assigned_agent_key AS agent_key,
               1 AS assigned, 0 AS finished, 0 AS abandoned, 0 AS work_time_sum_sec
        FROM pg_temp.load_history h WHERE h.starts_work
        UNION ALL
        -- The ended assignment's agent is the one of the state before this event.
        SELECT h.interaction_id, h.event_interval, h.prev_agent_key,
               0, (h.status_name = 'completed')::int, (h.status_name <> 'completed')::int, h.work_time_sec
        FROM pg_temp.load_history h WHERE h.ends_work
    ) flows
    GROUP BY interaction_id, date_time_key, agent_key;

    CREATE TEMP TABLE flow_task_age ON COMMIT DROP AS
    WITH open_state AS MATERIALIZED (  -- once per state, not per state and band
        SELECT h.interaction_id, h.tenant_key, h.solution_key, h.department_key, h.process_key,
               h.event_interval, h.next_interval, c.created_epoch,
               iwddm.interval_at_or_after(c.created_epoch) AS created_interval
        FROM pg_temp.load_history h
        CROSS JOIN LATERAL (SELECT extract(epoch FROM h.first_event_ts) AS created_epoch) c
        WHERE NOT h.is_final AND h.next_interval IS DISTINCT FROM h.event_interval)
    SELECT interaction_id, date_time_key, tenant_key, solution_key, department_key, process_key, age_key,
           sum(backlog) AS backlog
    FROM (
        -- The state counts in band [lower, upper) at the intervals J whose end J + 900 gives an
        -- age in the band: J >= created + lower - 900 and J < created + upper - 900, i.e. from
        -- interval_at_or_after(created + lower - 900). For a band limit that is a whole number
        -- of intervals that is interval_at_or_after(created) + limit - 900, the same number in
        -- bigint arithmetic, computed once per state instead of in numeric per state and band.
        SELECT s.interaction_id, b.date_time_key, s.tenant_key, s.solution_key, s.department_key,
               s.process_key, s.age_key, b.backlog
        FROM (
            SELECT h.interaction_id, h.tenant_key, h.solution_key, h.department_key, h.process_key,
                   a.age_key,
                   greatest(h.event_interval,
                            CASE WHEN a.lower_sec % 900 = 0 THEN h.created_interval + a.lower_sec - 900
                                 ELSE iwddm.interval_at_or_after(h.created_epoch + a.lower_sec - 900) END) AS starts,
                   least(h.next_interval,
                         CASE WHEN a.upper_sec % 900 = 0 THEN h.created_interval + a.upper_sec - 900
                              ELSE iwddm.interval_at_or_after(h.created_epoch + a.upper_sec - 900) END) AS stops
            FROM open_state h CROSS JOIN iwddm.age a
        ) s
        CROSS JOIN LATERAL (
            SELECT s.starts, 1
            UNION ALL SELECT s.stops, -1 WHERE s.stops IS NOT NULL
        ) b(date_time_key, backlog)
        -- A band the state's intervals do not reach gives starts >= stops: no rows.
        -- Nothing after the horizon (a band starting after it gives no rows at all).
        WHERE (s.stops IS NULL OR s.starts < s.stops) AND s.starts <= horizon AND b.date_time_key <= horizon
    ) flows
    GROUP BY interaction_id, date_time_key, tenant_key, solution_key, department_key, process_key, age_key
    HAVING sum(backlog) <> 0;

    -- The tasks with stored events, the only ones with stored flows to swap (iwddm.apply_area_flows)
    -- and open rows to replace (iwddm.store_age_open): most tasks of a page are new, and looking
    -- each of them up in every flow table found nothing at a cost.
    CREATE TEMP TABLE flow_task_stored ON COMMIT DROP AS
    SELECT DISTINCT interaction_id FROM pg_temp.load_history WHERE NOT is_new;

    -- The open tasks (last state not final), whose aging goes on after the horizon.
    CREATE TEMP TABLE flow_task_age_open ON COMMIT DROP AS
    SELECT interaction_id, extract(epoch FROM first_event_ts) AS created_epoch,
           tenant_key, solution_key, department_key, process_key
    FROM pg_temp.load_history
    WHERE next_interval IS NULL AND NOT is_final;
END
$$;
