package org.iwddm.load;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One row of the typed staging COPY (the session's pg_temp.stage_typed_event, shaped as
 * iwddm.stage_typed_event; COPY's default text format): an
 * event the driver vouches for as typed columns plus its member keys, or (raw) only its text with
 * every other column NULL, for the database to check. Written on the thread that reads the page,
 * so typing and hashing stay off the loading thread. Not thread-safe (one per reading thread).
 */
final class TypedCopyRecord {
    /** Every column but stage_id, whose default keeps the staging order shared with stage_task_event. */
    static final String COLUMNS = "raw, task_event_id, interaction_id, task_event_type_name, event_ts, status_name,"
            + " queue_name, employee_id, agent_name, tenant_runtime_id, tenant_name, solution_runtime_id, solution_name,"
            + " category_runtime_id, category_levels, capture_point_runtime_id, capture_point_name, media_type_name,"
            + " media_channel_name, priority, business_value, due_ts, task_created_ts, capture_id, customer_id,"
            + " customer_segment_name, product_type, product_subtype, skill_name, result_code_name, source_tenant_name,"
            + " source_process_type, source_process_subtype, requested_employee_id, activation_ts, source_created_ts,"
            + " source_first_created_ts, expiration_ts, custom_data, task_event_type_key, queue_key, assigned_agent_key,"
            + " capture_point_key, media_type_key, media_channel_key, customer_key, customer_segment_key, product_key,"
            + " requested_skill_key, requested_agent_key, result_code_key, source_process_key, source_tenant_key";
    /**
     * The page's staging, private to its transaction: iwddm.load_parse_staged takes it over as it is
     * (a shared table cost a claim, a DELETE ... RETURNING of the whole page, ~30 ms a page), and a
     * transaction that does not commit leaves nothing behind. It shares stage_typed_event's stage_id
     * sequence, so the staging order stays one across the tables.
     */
    static final String CREATE_SQL = "CREATE TEMP TABLE stage_typed_event"
            + " (LIKE iwddm.stage_typed_event INCLUDING DEFAULTS) ON COMMIT DROP";
    static final String COPY_SQL = "COPY pg_temp.stage_typed_event (" + COLUMNS + ") FROM STDIN";
    /** The two slots a page is staged ahead in, on the job's second connection ({@link StagedAhead}). */
    static final List<String> SLOTS = List.of("stage_ahead_0", "stage_ahead_1");

    /** The COPY into a staging slot (one of {@link #SLOTS}: never a feed value). */
    static String copyIntoSlotSql(String slot) {
        return "COPY iwddm." + requireSlot(slot) + " (" + COLUMNS + ") FROM STDIN";
    }

    static String requireSlot(String slot) {
        if (!SLOTS.contains(slot)) {
            throw new IllegalArgumentException("not a staging slot: " + slot);
        }
        return slot;
    }
    /** The columns after raw on a raw row, all NULL. */
    private static final int TYPED_COLUMNS = 52;

    private final EventTyper typer;
    private final MemberKey keys = new MemberKey();
    private final StringBuilder levels = new StringBuilder(128);
    private final CopyLine line = new CopyLine();

    TypedCopyRecord(EventTyper typer) {
        this.typer = typer;
    }

    /** Writes the event's row: typed when the typer vouches for it, else raw. */
    void write(Writer out, String eventJson) throws IOException {
        TypedEvent event = typer.type(eventJson);
        line.start(out);
        if (event == null) {
            line.text(eventJson);
            for (int i = 0; i < TYPED_COLUMNS; i++) {
                line.text(null);
            }
        } else {
            line.text(null);
            columns(event);
            keys(event);
        }
        line.end();
    }

    private void columns(TypedEvent e) throws IOException {
        line.number(e.taskEventId()).text(e.interactionId()).text(e.taskEventTypeName()).text(e.eventTs())
                .text(e.statusName()).text(e.queueName()).text(e.employeeId()).text(e.agentName())
                .text(e.tenantRuntimeId()).text(e.tenantName()).text(e.solutionRuntimeId()).text(e.solutionName())
                .text(e.categoryRuntimeId()).text(arrayLiteral(e.categoryLevels())).text(e.capturePointRuntimeId())
                .text(e.capturePointName()).text(e.mediaTypeName()).text(e.mediaChannelName())
                .number(e.priority()).number(e.businessValue()).text(e.dueTs()).text(e.taskCreatedTs())
                .text(e.captureId()).text(e.customerId()).text(e.customerSegmentName()).text(e.productType())
                .text(e.productSubtype()).text(e.skillName()).text(e.resultCodeName()).text(e.sourceTenantName())
                .text(e.sourceProcessType()).text(e.sourceProcessSubtype()).text(e.requestedEmployeeId())
                .text(e.activationTs()).text(e.sourceCreatedTs()).text(e.sourceFirstCreatedTs()).text(e.expirationTs())
                .text(e.customData());
    }

    /** The keys as iwddm.load_key_events computes them, same arguments in the same order. */
    private void keys(TypedEvent e) throws IOException {
        line.number(keys.of(e.taskEventTypeName())).number(keys.of(e.queueName())).number(keys.of(e.employeeId()))
                .number(keys.of(e.capturePointRuntimeId())).number(keys.of(e.mediaTypeName()))
                .number(keys.of(e.mediaChannelName())).number(keys.of(e.customerId()))
                .number(keys.of(e.customerSegmentName())).number(keys.of(e.productType(), e.productSubtype()))
                .number(keys.of(e.skillName())).number(keys.of(e.requestedEmployeeId()))
                .number(keys.of(e.resultCodeName())).number(keys.of(e.sourceProcessType(), e.sourceProcessSubtype()))
                .number(keys.of(e.sourceTenantName()));
    }

    /** A text[] literal with every element quoted ("" and \ escaped), so no element is read as NULL or split. */
    private String arrayLiteral(List<String> elements) {
        levels.setLength(0);
        levels.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                levels.append(',');
            }
            MemberKey.appendQuoted(levels, elements.get(i));
        }
        return levels.append('}').toString();
    }
}
