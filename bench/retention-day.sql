-- One synthetic day of a busy tenant for bench/retention, written set-wise straight into the
-- historical tables (loading 30 million events through the job would take hours here).
-- psql variables: day (0-based), day0 (first day, a UTC date), per_day (events a day).
-- Each task has 5 events over 40 minutes (new, queued, assigned, updated, completed), one
-- assignment, and the 10 flow rows its lifecycle gives (entered and completed, backlog and
-- age band in and out, queue in and out, agent assigned and finished). Groups: 50 processes in
-- 10 departments, 20 queues, 500 agents, 5 capture points. Ids and interaction ids grow with
-- time, as the feed's do.
\set tasks '(:per_day / 5)'
BEGIN;
CREATE TEMP TABLE bench_task ON COMMIT DROP AS
SELECT 'T' || lpad(:day::text, 3, '0') || lpad(i::text, 8, '0') AS interaction_id,
       (:day::bigint * :tasks + i) * 5 AS first_id,
       ((:'day0'::date + :day) + make_interval(secs => i * 82800.0 / :tasks))::timestamp AT TIME ZONE 'UTC' AS created_ts,
       i % 10 + 1 AS department_key, i % 50 + 1 AS process_key, i % 20 + 1 AS queue_key,
       i % 500 + 1 AS agent_key, i % 5 + 1 AS capture_point_key
FROM generate_series(0, :tasks - 1) i;

INSERT INTO iwddm.h_task_event_fact (task_event_id, interaction_id, task_event_type_key, event_ts, event_interval,
    event_date_key, event_time_key, status_key, priority_key, business_value_key, queue_key, entered_queue_key,
    exited_queue_key, assigned_agent_key, work_time_sec, held_time_sec, priority, business_value, due_ts,
    tenant_key, solution_key, department_key, process_key, category_key, capture_point_key, media_type_key)
SELECT t.first_id + e.k, t.interaction_id, e.k, ts, iwddm.interval_key(ts),
       to_char(ts AT TIME ZONE 'UTC', 'YYYYMMDD')::int, to_char(ts AT TIME ZONE 'UTC', 'HH24MISS')::int,
       e.status_key, 5, 4, t.queue_key, CASE WHEN e.k = 0 THEN t.queue_key END, CASE WHEN e.k = 4 THEN t.queue_key END,
       CASE WHEN e.k IN (2, 3) THEN t.agent_key ELSE 0 END, CASE WHEN e.k = 4 THEN 1800 ELSE 0 END, 0,
       120, 50, t.created_ts + interval '1 day', 1, 1, t.department_key, t.process_key, t.process_key,
       t.capture_point_key, 1
FROM bench_task t
CROSS JOIN (VALUES (0, 1, 0), (1, 3, 300), (2, 4, 600), (3, 4, 1500), (4, 7, 2400)) e(k, status_key, offset_sec)
CROSS JOIN LATERAL (SELECT t.created_ts + make_interval(secs => e.offset_sec) AS ts) x
ORDER BY t.interaction_id, e.k;

INSERT INTO iwddm.h_task_work_fact (assign_task_event_id, interaction_id, finish_task_event_id, assigned_agent_key,
    assign_ts, finish_ts, assign_interval, finish_interval, work_time_sec, is_abandon)
SELECT first_id + 2, interaction_id, first_id + 4, agent_key, created_ts + interval '10 minutes',
       created_ts + interval '40 minutes', iwddm.interval_key(created_ts + interval '10 minutes'),
       iwddm.interval_key(created_ts + interval '40 minutes'), 1800, 0
FROM bench_task ORDER BY interaction_id;

INSERT INTO iwddm.h_task_fact (interaction_id, capture_id, last_task_event_id, last_event_ts, event_count,
    current_status_key, current_priority_key, current_queue_key, business_value_key, tenant_key, solution_key,
    department_key, process_key, category_key, capture_point_key, media_type_key, media_channel_key, customer_key,
    customer_segment_key, product_key, skill_key, result_code_key, source_process_key, source_tenant_key,
    custom_dim_key, last_assigned_agent_key, created_ts, first_assigned_ts, completed_ts, final_ts, due_ts,
    task_created_ts, priority, business_value, assign_time_from_created_sec, complete_time_from_created_sec,
    total_work_time_sec, total_held_time_sec, custom_data, created_date_key, created_time_key, created_interval,
    first_assigned_date_key, first_assigned_time_key, first_assigned_interval, completed_date_key,
    completed_time_key, completed_interval, due_date_key, due_time_key, due_interval)
SELECT interaction_id, 'CAP-' || interaction_id, first_id + 4, done, 5, 7, 5, queue_key, 4, 1, 1,
       department_key, process_key, process_key, capture_point_key, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, agent_key,
       created_ts, created_ts + interval '10 minutes', done, done, created_ts + interval '1 day', created_ts,
       120, 50, 600, 2400, 1800, 0, '{"region": "EMEA"}',
       to_char(created_ts AT TIME ZONE 'UTC', 'YYYYMMDD')::int, to_char(created_ts AT TIME ZONE 'UTC', 'HH24MISS')::int,
       iwddm.interval_key(created_ts),
       to_char(created_ts AT TIME ZONE 'UTC', 'YYYYMMDD')::int, 0, iwddm.interval_key(created_ts + interval '10 minutes'),
       to_char(done AT TIME ZONE 'UTC', 'YYYYMMDD')::int, 0, iwddm.interval_key(done),
       NULL, NULL, NULL
FROM (SELECT t.*, t.created_ts + interval '40 minutes' AS done FROM bench_task t) t ORDER BY interaction_id;

-- Flows (the interval of creation c, of the assignment a, of completion f).
CREATE TEMP TABLE bench_keys ON COMMIT DROP AS
SELECT t.*, iwddm.interval_key(created_ts) AS c, iwddm.interval_key(created_ts + interval '10 minutes') AS a,
       iwddm.interval_key(created_ts + interval '40 minutes') AS f
FROM bench_task t;
INSERT INTO iwddm.agg_task_classif_flow (interaction_id, date_time_key, tenant_key, solution_key, department_key,
    process_key, entered, completed, complete_time_sum_sec, backlog)
SELECT interaction_id, c, 1, 1, department_key, process_key, 1, 0, 0, 1 FROM bench_keys
UNION ALL SELECT interaction_id, f, 1, 1, department_key, process_key, 0, 1, 2400, -1 FROM bench_keys
ORDER BY 1, 2;
INSERT INTO iwddm.agg_task_capt_flow (interaction_id, date_time_key, tenant_key, solution_key, capture_point_key,
    media_type_key, entered, completed, backlog)
SELECT interaction_id, c, 1, 1, capture_point_key, 1, 1, 0, 1 FROM bench_keys
UNION ALL SELECT interaction_id, f, 1, 1, capture_point_key, 1, 0, 1, -1 FROM bench_keys
ORDER BY 1, 2;
INSERT INTO iwddm.agg_task_queue_flow (interaction_id, date_time_key, queue_key, entered_queue, exited_queue,
    queue_time_sum_sec, in_queue)
SELECT interaction_id, c, queue_key, 1, 0, 0, 1 FROM bench_keys
UNION ALL SELECT interaction_id, f, queue_key, 0, 1, 2400, -1 FROM bench_keys
ORDER BY 1, 2;
INSERT INTO iwddm.agg_task_agent_flow (interaction_id, date_time_key, agent_key, assigned, finished, abandoned,
    work_time_sum_sec)
SELECT interaction_id, a, agent_key, 1, 0, 0, 0 FROM bench_keys
UNION ALL SELECT interaction_id, f, agent_key, 0, 1, 0, 1800 FROM bench_keys
ORDER BY 1, 2;
INSERT INTO iwddm.agg_task_age_flow (interaction_id, date_time_key, tenant_key, solution_key, department_key,
    process_key, age_key, backlog)
SELECT interaction_id, c, 1, 1, department_key, process_key, 1, 1 FROM bench_keys
UNION ALL SELECT interaction_id, f, 1, 1, department_key, process_key, 1, -1 FROM bench_keys
ORDER BY 1, 2;
COMMIT;
