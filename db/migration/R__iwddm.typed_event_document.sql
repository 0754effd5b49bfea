-- iwddm.typed_event_document(event): a FEED.md event document rebuilt from an event's typed
-- fields (event: to_jsonb of a pg_temp.load_event row). For an event the job staged typed, which
-- has no text in the database, where one must be kept: load_reject_purged quarantines it in
-- rejected_event. Date-times come back in ISO-8601 with offset; fields the mart does not read
-- (unknown keys) and JSON nulls are not kept; task.data is kept as it came. STABLE like
-- jsonb_build_object and the date-time output it uses, so it inlines (pgTAP 23).
CREATE OR REPLACE FUNCTION iwddm.typed_event_document(event jsonb)
RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
               'id', event -> 'task_event_id', 'taskId', event -> 'interaction_id',
               'eventType', event -> 'task_event_type_name', 'timestamp', event -> 'event_ts',
               'status', event -> 'status_name', 'queue', event -> 'queue_name',
               'agent', CASE WHEN event ->> 'employee_id' IS NOT NULL
                             THEN jsonb_build_object('employeeId', event -> 'employee_id', 'name', event -> 'agent_name') END))
        || jsonb_build_object('task',
               jsonb_strip_nulls(jsonb_build_object(
                   'tenant', jsonb_build_object('id', event -> 'tenant_runtime_id', 'name', event -> 'tenant_name'),
                   'solution', jsonb_build_object('id', event -> 'solution_runtime_id', 'name', event -> 'solution_name'),
                   'category', jsonb_build_object('id', event -> 'category_runtime_id', 'path', event -> 'category_levels'),
                   'capturePoint', CASE WHEN event ->> 'capture_point_runtime_id' IS NOT NULL
                                        THEN jsonb_build_object('id', event -> 'capture_point_runtime_id',
                                                                'name', event -> 'capture_point_name') END,
                   'mediaType', event -> 'media_type_name', 'channel', event -> 'media_channel_name',
                   'priority', event -> 'priority', 'businessValue', event -> 'business_value',
                   'createdDateTime', event -> 'task_created_ts', 'activationDateTime', event -> 'activation_ts',
                   'dueDateTime', event -> 'due_ts', 'expirationDateTime', event -> 'expiration_ts',
                   'sourceCreatedDateTime', event -> 'source_created_ts',
                   'sourceFirstCreatedDateTime', event -> 'source_first_created_ts',
                   'captureId', event -> 'capture_id', 'customerId', event -> 'customer_id',
                   'customerSegment', event -> 'customer_segment_name', 'productType', event -> 'product_type',
                   'productSubtype', event -> 'product_subtype', 'requestedAgent', event -> 'requested_employee_id',
                   'requestedSkill', event -> 'skill_name', 'resultCode', event -> 'result_code_name',
                   'sourceTenant', event -> 'source_tenant_name', 'sourceProcessType', event -> 'source_process_type',
                   'sourceProcessSubtype', event -> 'source_process_subtype'))
               || CASE WHEN jsonb_typeof(event -> 'custom_data') = 'object'
                       THEN jsonb_build_object('data', event -> 'custom_data') ELSE '{}' END)
$$;
