-- iwddm schema, version 2: the static dimensions (SPEC §3) and every dimension's "unknown"
-- member (key 0, natural key null), so fact keys are never null.

INSERT INTO iwddm.status (status_key, status_name, is_final, is_held) VALUES
    (1, 'new', false, false),       (2, 'captured', false, false), (3, 'queued', false, false),
    (4, 'assigned', false, false),  (5, 'held', false, true),      (6, 'errorheld', false, true),
    (7, 'completed', true, false),  (8, 'canceled', true, false),  (9, 'rejected', true, false),
    (10, 'newheld', false, true),   (11, 'distributed', false, false);

-- The types the feed is known to send; an unknown type from the feed adds a row on first sight.
-- Their keys follow iwddm.member_key(name) (md5 of the one-part array, first 64 bits) like
-- every feed-fed member, so the loader finds them by key (a pgTAP test checks the equality).
INSERT INTO iwddm.task_event_type (task_event_type_key, task_event_type_name)
SELECT 0, NULL
UNION ALL
SELECT ('x' || left(md5(ARRAY[name]::text), 16))::bit(64)::bigint, name
FROM unnest(ARRAY['Created', 'Classified', 'Prioritized', 'Reprioritized', 'Queued', 'Assigned',
                  'Unassigned', 'Transferred', 'Held', 'Resumed', 'Updated', 'Restarted', 'ErrorHeld',
                  'Completed', 'Canceled', 'Rejected']) name;

-- Age bands in seconds: lower inclusive, upper exclusive.
INSERT INTO iwddm.age (age_key, age_name, lower_sec, upper_sec) VALUES
    (1, '<1h', 0, 3600),              (2, '1-4h', 3600, 14400),        (3, '4-8h', 14400, 28800),
    (4, '8-24h', 28800, 86400),       (5, '1-2d', 86400, 172800),      (6, '2-3d', 172800, 259200),
    (7, '3-5d', 259200, 432000),      (8, '5-7d', 432000, 604800),     (9, '7-14d', 604800, 1209600),
    (10, '14-30d', 1209600, 2592000), (11, '30d+', 2592000, NULL);

-- Value bands include both bounds; an open end is null; key 0 is "no value".
INSERT INTO iwddm.priority (priority_key, priority_name, lower_value, upper_value) VALUES
    (0, 'unknown', NULL, NULL), (1, '<0', NULL, -1),      (2, '0-9', 0, 9),
    (3, '10-49', 10, 49),       (4, '50-99', 50, 99),     (5, '100-199', 100, 199),
    (6, '200-499', 200, 499),   (7, '500-999', 500, 999), (8, '1000+', 1000, NULL);

INSERT INTO iwddm.business_value (business_value_key, business_value_name, lower_value, upper_value)
SELECT 0, 'unknown', NULL::integer, NULL::integer
UNION ALL SELECT 1, '<0', NULL, -1
UNION ALL SELECT 2 + d, format('%s-%s', d * 10, d * 10 + 9), d * 10, d * 10 + 9 FROM generate_series(0, 9) d
UNION ALL SELECT 12, '100-199', 100, 199
UNION ALL SELECT 13, '200-499', 200, 499
UNION ALL SELECT 14, '500+', 500, NULL;

INSERT INTO iwddm.timezone (timezone_key, timezone_name)
SELECT row_number() OVER (ORDER BY name), name FROM pg_timezone_names;

INSERT INTO iwddm.event_time (event_time_key, time_of_day, hour, minute, second, interval_of_hour)
SELECT h * 10000 + m * 100 + s, make_time(h, m, s), h, m, s, m / 15
FROM generate_series(0, 23) h, generate_series(0, 59) m, generate_series(0, 59) s;

INSERT INTO iwddm.tenant (tenant_key) VALUES (0);
INSERT INTO iwddm.solution (solution_key, tenant_key) VALUES (0, 0);
INSERT INTO iwddm.department (department_key, tenant_key, solution_key) VALUES (0, 0, 0);
INSERT INTO iwddm.process (process_key, tenant_key, solution_key, department_key) VALUES (0, 0, 0, 0);
INSERT INTO iwddm.category (category_key, tenant_key, solution_key, department_key, process_key)
    VALUES (0, 0, 0, 0, 0);
INSERT INTO iwddm.capture_point (capture_point_key) VALUES (0);
INSERT INTO iwddm.media_type (media_type_key) VALUES (0);
INSERT INTO iwddm.media_channel (media_channel_key) VALUES (0);
INSERT INTO iwddm.queue (queue_key) VALUES (0);
INSERT INTO iwddm.agent (agent_key) VALUES (0);
INSERT INTO iwddm.customer (customer_key) VALUES (0);
INSERT INTO iwddm.customer_segment (customer_segment_key) VALUES (0);
INSERT INTO iwddm.product (product_key) VALUES (0);
INSERT INTO iwddm.skill (skill_key) VALUES (0);
INSERT INTO iwddm.result_code (result_code_key) VALUES (0);
INSERT INTO iwddm.source_process (source_process_key) VALUES (0);
INSERT INTO iwddm.source_tenant (source_tenant_key) VALUES (0);
INSERT INTO iwddm.custom_dim (custom_dim_key) VALUES (0);
