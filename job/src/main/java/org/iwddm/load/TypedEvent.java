package org.iwddm.load;

import java.util.List;

/**
 * One event the driver vouches for, typed as iwddm.load_parse_staged types it into
 * pg_temp.load_event (same names, in iwddm.stage_typed_event's column order). Date-times stay the
 * text IWD sent (PostgreSQL's timestamptz input reads it, as jsonb_to_record does); customData is
 * task.data's text as received, or null when data is absent or null.
 */
record TypedEvent(
        long taskEventId, String interactionId, String taskEventTypeName, String eventTs, String statusName,
        String queueName, String employeeId, String agentName,
        String tenantRuntimeId, String tenantName, String solutionRuntimeId, String solutionName,
        String categoryRuntimeId, List<String> categoryLevels, String capturePointRuntimeId, String capturePointName,
        String mediaTypeName, String mediaChannelName, Integer priority, Integer businessValue,
        String dueTs, String taskCreatedTs, String captureId, String customerId, String customerSegmentName,
        String productType, String productSubtype, String skillName, String resultCodeName,
        String sourceTenantName, String sourceProcessType, String sourceProcessSubtype, String requestedEmployeeId,
        String activationTs, String sourceCreatedTs, String sourceFirstCreatedTs, String expirationTs,
        String customData) {
}
