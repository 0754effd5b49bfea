package org.iwddm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.metrics.Pushgateway;
import org.iwddm.metrics.PushgatewayReporter;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The full chain with retention set (docs/retention.md), against the same feed loaded into a
 * mart that keeps everything: the purge removes only the old final task, the day buckets and
 * the 15-minute rows it keeps equal the reference mart's, what it removed is in etl_audit and
 * the Pushgateway, and a later event for the purged task is quarantined through the job.
 */
class RetentionChainTest {
    // T-OLD is final on 11-20, T-OPEN stays open, T-NOW is the latest event (11-24 10:00 UTC).
    // Keeping tasks 2 days: horizon 11-22 00:00, so T-OLD goes. Keeping 15-minute rows 3 days:
    // horizon 11-21 00:00, so the 15-minute rows of 11-20 go and its day bucket stays.
    private static final List<String> FIRST = List.of(
            TestEvents.event(1, "T-OLD", "new", Instant.parse("2026-11-20T10:00:00Z")),
            TestEvents.event(2, "T-OLD", "completed", Instant.parse("2026-11-20T10:20:00Z")),
            TestEvents.event(3, "T-OPEN", "new", Instant.parse("2026-11-20T11:00:00Z")),
            TestEvents.event(4, "T-NOW", "new", Instant.parse("2026-11-24T10:00:00Z")));
    private static final List<String> LATER = List.of(
            TestEvents.event(5, "T-OLD", "queued", Instant.parse("2026-11-24T11:00:00Z")),
            TestEvents.event(6, "T-OPEN", "completed", Instant.parse("2026-11-24T11:30:00Z")));
    private static final String DAY_VIEW = "SELECT string_agg(to_jsonb(v)::text, ',' ORDER BY v.date_time_day_key)"
            + " FROM iwddm.iwd_agg_task_classif_day v";
    private static final String RECENT_15MIN = "SELECT string_agg(to_jsonb(v)::text, ',' ORDER BY v.date_time_key)"
            + " FROM iwddm.iwd_agg_task_classif_15min v WHERE v.date_time_key >= extract(epoch FROM timestamptz '2026-11-21 00:00+00')";

    private static String text(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Map<String, String> retaining(Map<String, String> env) {
        env.put("IWDDM_EXECUTION_CHAIN", "full");
        env.put("IWDDM_RETAIN_TASKS_DAYS", "2");
        env.put("IWDDM_RETAIN_AGG_15MIN_DAYS", "3");
        env.put("IWDDM_RETAIN_REJECTED_DAYS", "forever");
        return env;
    }

    @Test
    void theFullChainPurgesWhatRetentionAllowsAndQuarantinesLateEventsOfPurgedTasks() throws Exception {
        try (TestDatabase mart = TestDatabase.createEmpty(); TestDatabase reference = TestDatabase.createEmpty();
             FakeIwd iwd = FakeIwd.start(FIRST); Pushgateway gateway = Pushgateway.start()) {
            Map<String, String> env = retaining(TestEnvironment.forJob(mart, iwd.restUrl()));
            env.put("IWDDM_MONITORING_ENABLED", "true");
            env.put("IWDDM_PUSHGATEWAY_URL", gateway.url().toString());
            Map<String, String> referenceEnv = TestEnvironment.forJob(reference, iwd.restUrl());
            referenceEnv.put("IWDDM_EXECUTION_CHAIN", "full");

            RunOutcome first = Runs.run(env, new PushgatewayReporter(TestEnvironment.load(env).metrics(), FakeIwd.CCID, "full"));
            assertEquals(RunOutcome.Status.SUCCEEDED, first.status(), first.message());
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(referenceEnv).status());

            assertEquals("T-NOW,T-OPEN", text(mart, "SELECT string_agg(interaction_id, ',' ORDER BY interaction_id COLLATE \"C\") FROM iwddm.task_fact"),
                    "the old final task went; the task open since before the horizon stayed");
            assertEquals("T-NOW,T-OLD,T-OPEN", text(reference, "SELECT string_agg(interaction_id, ',' ORDER BY interaction_id COLLATE \"C\") FROM iwddm.task_fact"));
            assertEquals("agg_15min=3 days,etl_audit=,rejected_events=,tasks=2 days", text(mart,
                    "SELECT string_agg(setting || '=' || coalesce(keep::text, ''), ',' ORDER BY setting) FROM iwddm.retention"),
                    "the variables set the database's settings; forever leaves rejected events unlimited");
            assertEquals(text(reference, DAY_VIEW), text(mart, DAY_VIEW), "the day buckets equal the reference mart's");
            assertEquals(text(reference, RECENT_15MIN), text(mart, RECENT_15MIN),
                    "the 15-minute rows after the horizon equal the reference mart's");
            assertEquals(0, Runs.count(mart, "SELECT count(*) FROM iwddm.agg_task_classif_15min"
                    + " WHERE date_time_key < extract(epoch FROM timestamptz '2026-11-21 00:00+00')"), "those before it are gone");
            assertEquals("purged|2|1", text(mart, "SELECT run_status || '|' || (purged -> 'h_task_event_fact' ->> 'rows') || '|'"
                    + " || (purged -> 'h_task_fact' ->> 'rows') FROM iwddm.etl_audit WHERE purged IS NOT NULL"
                    + " AND run_id = (SELECT run_id FROM iwddm.etl_audit WHERE entry_kind = 'run')"),
                    "the run's purge row in etl_audit says what went");
            Map<String, String> group = new java.util.HashMap<>(Map.of("job", "iwddm_metrics", "tenant", FakeIwd.CCID,
                    "execution_chain", "full", "table", "h_task_fact"));
            assertEquals(1.0, gateway.value("iwddm_purge_rows", group), gateway.metrics());
            assertTrue(gateway.value("iwddm_purge_bytes", group) > 0, gateway.metrics());
            group.put("table", "agg_task_classif_15min");
            assertTrue(gateway.value("iwddm_purge_rows", group) > 0, gateway.metrics());

            List<String> all = new ArrayList<>(FIRST);
            all.addAll(LATER);
            iwd.setEvents(all);
            RunOutcome second = Runs.run(env);

            assertEquals(RunOutcome.Status.SUCCEEDED, second.status(), second.message());
            assertTrue(second.message().contains("1 rejected"), second.message());
            assertEquals("5|task T-OLD was purged", text(mart, "SELECT event_id || '|' || split_part(reason, ' (', 1)"
                    + " FROM iwddm.rejected_event"), "the late event of the purged task is quarantined, saying why");
            assertEquals("T-NOW,T-OPEN", text(mart, "SELECT string_agg(interaction_id, ',' ORDER BY interaction_id COLLATE \"C\") FROM iwddm.task_fact"),
                    "the purged task does not come back with a partial history");
            assertEquals(1, Runs.count(mart, "SELECT count(*) FROM iwddm.task_fact WHERE interaction_id = 'T-OPEN'"
                    + " AND final_ts = '2026-11-24 11:30+00'"), "the kept open task's late completion is applied");
            assertFalse(text(mart, "SELECT string_agg(message, ' ') FROM iwddm.etl_audit").contains(TestDatabase.password()));
        }
    }
}
