package org.iwddm.bench;

import java.util.List;

/**
 * The naive peer's tables (schema naive) and its per-row statements. Comparable to the mart:
 * the same dimensions with natural-key primary keys, an event fact keyed by event id, a
 * current-state row per task, and two 15-minute aggregates. What it computes, and what not:
 * <ul>
 *   <li>dimensions: insert or rename the member (the latest event wins, not the highest id);</li>
 *   <li>task_event: the event's attributes (no work or hold durations, no entered/exited queue);</li>
 *   <li>task: the attributes of the task's latest event by event time, event count, created
 *       and completed time (no work facts, no totals, no transitions);</li>
 *   <li>agg_classif_15min: entered (Created events), completed/canceled/rejected (events with
 *       that status, not transitions) per interval and tenant/solution/department/process;</li>
 *   <li>agg_queue_15min: events per interval and queue (not entries and exits);</li>
 *   <li>no snapshot measures (backlog), no late-event recomputation, no bad-event quarantine.</li>
 * </ul>
 */
final class NaiveSchema {
    static final String DDL = """
            CREATE SCHEMA naive;
            CREATE TABLE naive.tenant (tenant_id text PRIMARY KEY, tenant_name text);
            CREATE TABLE naive.solution (tenant_id text, solution_id text, solution_name text,
                PRIMARY KEY (tenant_id, solution_id));
            CREATE TABLE naive.category (category_path text PRIMARY KEY, category_id text, department text,
                process text);
            CREATE TABLE naive.capture_point (capture_point_id text PRIMARY KEY, capture_point_name text);
            CREATE TABLE naive.media_type (media_type text PRIMARY KEY);
            CREATE TABLE naive.queue (queue_name text PRIMARY KEY);
            CREATE TABLE naive.agent (employee_id text PRIMARY KEY, agent_name text);
            CREATE TABLE naive.task_event (event_id bigint PRIMARY KEY, task_id text NOT NULL, event_type text,
                event_ts timestamptz NOT NULL, status text, queue_name text, employee_id text, tenant_id text,
                solution_id text, category_path text, capture_point_id text, media_type text, priority integer,
                business_value integer, due_ts timestamptz);
            CREATE INDEX task_event_task_idx ON naive.task_event (task_id, event_ts);
            CREATE TABLE naive.task (task_id text PRIMARY KEY, created_ts timestamptz NOT NULL,
                last_event_id bigint NOT NULL, last_event_ts timestamptz NOT NULL, status text, queue_name text,
                employee_id text, completed_ts timestamptz, priority integer, business_value integer,
                due_ts timestamptz, tenant_id text, solution_id text, category_path text, capture_point_id text,
                media_type text, event_count integer NOT NULL DEFAULT 1);
            CREATE TABLE naive.agg_classif_15min (interval_start timestamptz, tenant_id text, solution_id text,
                department text, process text, entered integer NOT NULL, completed integer NOT NULL,
                canceled integer NOT NULL, rejected integer NOT NULL,
                PRIMARY KEY (interval_start, tenant_id, solution_id, department, process));
            CREATE TABLE naive.agg_queue_15min (interval_start timestamptz, queue_name text,
                events integer NOT NULL, PRIMARY KEY (interval_start, queue_name));
            CREATE TABLE naive.feed_cursor (feed text PRIMARY KEY, last_event_id bigint NOT NULL);
            """;

    /** Order: tenant, solution, category, capture point, media type, queue, agent. */
    static final List<String> DIMENSION_UPSERTS = List.of(
            "INSERT INTO naive.tenant AS d VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE"
                    + " SET tenant_name = coalesce(excluded.tenant_name, d.tenant_name)",
            "INSERT INTO naive.solution AS d VALUES (?, ?, ?) ON CONFLICT (tenant_id, solution_id) DO UPDATE"
                    + " SET solution_name = coalesce(excluded.solution_name, d.solution_name)",
            "INSERT INTO naive.category AS d VALUES (?, ?, ?, ?) ON CONFLICT (category_path) DO UPDATE"
                    + " SET category_id = coalesce(excluded.category_id, d.category_id)",
            "INSERT INTO naive.capture_point AS d VALUES (?, ?) ON CONFLICT (capture_point_id) DO UPDATE"
                    + " SET capture_point_name = coalesce(excluded.capture_point_name, d.capture_point_name)",
            "INSERT INTO naive.media_type VALUES (?) ON CONFLICT (media_type) DO NOTHING",
            "INSERT INTO naive.queue VALUES (?) ON CONFLICT (queue_name) DO NOTHING",
            "INSERT INTO naive.agent AS d VALUES (?, ?) ON CONFLICT (employee_id) DO UPDATE"
                    + " SET agent_name = coalesce(excluded.agent_name, d.agent_name)");

    static final String EVENT_INSERT = "INSERT INTO naive.task_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_id) DO NOTHING";

    /** The latest event by event time sets the state; a late event only counts and may move created_ts. */
    static final String TASK_UPSERT = """
            INSERT INTO naive.task AS t (task_id, created_ts, last_event_id, last_event_ts, status, queue_name,
                employee_id, completed_ts, priority, business_value, due_ts, tenant_id, solution_id, category_path,
                capture_point_id, media_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (task_id) DO UPDATE SET
                event_count = t.event_count + 1,
                created_ts = least(t.created_ts, excluded.created_ts),
                last_event_id = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.last_event_id ELSE t.last_event_id END,
                status = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.status ELSE t.status END,
                queue_name = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.queue_name ELSE t.queue_name END,
                employee_id = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.employee_id ELSE t.employee_id END,
                completed_ts = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.completed_ts ELSE t.completed_ts END,
                priority = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.priority ELSE t.priority END,
                business_value = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.business_value ELSE t.business_value END,
                due_ts = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.due_ts ELSE t.due_ts END,
                category_path = CASE WHEN excluded.last_event_ts >= t.last_event_ts THEN excluded.category_path ELSE t.category_path END,
                last_event_ts = greatest(t.last_event_ts, excluded.last_event_ts)
            """;

    static final String CLASSIF_AGGREGATE_UPSERT = """
            INSERT INTO naive.agg_classif_15min AS a VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (interval_start, tenant_id, solution_id, department, process) DO UPDATE SET
                entered = a.entered + excluded.entered, completed = a.completed + excluded.completed,
                canceled = a.canceled + excluded.canceled, rejected = a.rejected + excluded.rejected
            """;

    static final String QUEUE_AGGREGATE_UPSERT = "INSERT INTO naive.agg_queue_15min AS a VALUES (?, ?, 1)"
            + " ON CONFLICT (interval_start, queue_name) DO UPDATE SET events = a.events + 1";

    static final String CURSOR_UPSERT = "INSERT INTO naive.feed_cursor VALUES ('task_events', ?)"
            + " ON CONFLICT (feed) DO UPDATE SET last_event_id = excluded.last_event_id";

    private NaiveSchema() {
    }
}
