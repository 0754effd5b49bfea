package org.iwddm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.iwddm.chain.RunOutcome;
import org.iwddm.chain.Runs;
import org.iwddm.config.MetricsSettings;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Metrics pushed to a real Pushgateway, read back from its /metrics (SPEC §7). */
class PushgatewayReporterTest {
    private static final Map<String, String> GROUP = Map.of("job", "iwddm_metrics", "tenant", "acme-ccid",
            "execution_chain", "intraday");

    private static PushgatewayReporter reporter(URI url) {
        return new PushgatewayReporter(new MetricsSettings(true, Optional.of(url), Optional.empty(), Optional.empty()),
                "acme-ccid", "intraday");
    }

    private static Map<String, String> with(String label, String value) {
        Map<String, String> labels = new java.util.HashMap<>(GROUP);
        labels.put(label, value);
        return labels;
    }

    @Test
    void pushesStartAndEndWithTheGroupingKey() throws Exception {
        try (Pushgateway gateway = Pushgateway.start()) {
            PushgatewayReporter reporter = reporter(gateway.url());
            Instant start = Instant.parse("2026-11-20T10:00:00Z");

            reporter.started(start);
            assertEquals(1.0, gateway.value("iwddm_job_active", GROUP));
            assertEquals((double) start.getEpochSecond(), gateway.value("iwddm_job_last_start", GROUP), "Unix seconds");

            reporter.finished(new JobMetrics(true, start.plusSeconds(42), 1234, 5, OptionalLong.of(777),
                    Map.of("agent", 3L, "queue", 1L), List.of(new TableStats("i_task_fact", 900, 65536)),
                    OptionalLong.empty(), OptionalLong.empty(), List.of(), Optional.of(start.minusSeconds(300))));

            assertEquals(0.0, gateway.value("iwddm_job_active", GROUP));
            assertEquals((double) start.getEpochSecond() + 42, gateway.value("iwddm_job_last_success", GROUP));
            assertEquals((double) start.getEpochSecond(), gateway.value("iwddm_job_last_start", GROUP), "still there");
            assertEquals(1234.0, gateway.value("iwddm_etl_stats_general_events", GROUP));
            assertEquals(5.0, gateway.value("iwddm_etl_stats_general_rejected", GROUP));
            assertEquals(777.0, gateway.value("iwddm_etl_stats_general_pending", GROUP));
            assertEquals(3.0, gateway.value("iwddm_etl_stats_dimensions_new", with("dimension", "agent")));
            assertEquals(1.0, gateway.value("iwddm_etl_stats_dimensions_new", with("dimension", "queue")));
            assertEquals(900.0, gateway.value("iwddm_database_stats_rows", with("table", "i_task_fact")));
            assertEquals(65536.0, gateway.value("iwddm_database_stats_size", with("table", "i_task_fact")));
            assertEquals((double) start.getEpochSecond() - 300, gateway.value("iwddm_etl_last_event_timestamp_seconds", GROUP));
        }
    }

    @Test
    void theLastFailureSurvivesALaterSuccess() throws Exception {
        try (Pushgateway gateway = Pushgateway.start()) {
            PushgatewayReporter reporter = reporter(gateway.url());
            Instant failedAt = Instant.parse("2026-11-20T10:00:00Z");

            reporter.finished(new JobMetrics(false, failedAt, 0, 0, OptionalLong.empty(), Map.of(), List.of()));
            reporter.finished(new JobMetrics(true, failedAt.plusSeconds(900), 10, 0, OptionalLong.of(0), Map.of(), List.of()));

            assertEquals((double) failedAt.getEpochSecond(), gateway.value("iwddm_job_last_fail", GROUP));
            assertEquals((double) failedAt.getEpochSecond() + 900, gateway.value("iwddm_job_last_success", GROUP));
        }
    }

    @Test
    void anUnreachablePushgatewayNeverFailsTheRun() throws Exception {
        PushgatewayReporter reporter = reporter(URI.create("http://127.0.0.1:" + Pushgateway.freePort()));
        long started = System.nanoTime();

        reporter.started(Instant.now());
        reporter.finished(new JobMetrics(true, Instant.now(), 1, 0, OptionalLong.of(0), Map.of(), List.of()));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(20)) < 0);
    }

    @Test
    void aRunPushesItsFiguresAndTheDatabaseStatistics() throws Exception {
        try (Pushgateway gateway = Pushgateway.start(); TestDatabase database = TestDatabase.createMigrated();
             FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(5))) {
            double newestEvent = TestEvents.lifecycles(5).stream()
                    .map(e -> com.google.gson.JsonParser.parseString(e).getAsJsonObject().get("timestamp").getAsString())
                    .mapToLong(ts -> Instant.parse(ts).getEpochSecond()).max().orElseThrow();
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_MONITORING_ENABLED", "true");
            env.put("IWDDM_PUSHGATEWAY_URL", gateway.url().toString());
            Map<String, String> group = Map.of("job", "iwddm_metrics", "tenant", FakeIwd.CCID, "execution_chain", "intraday");

            RunOutcome outcome = Runs.run(env, new PushgatewayReporter(TestEnvironment.load(env).metrics(), FakeIwd.CCID,
                    "intraday"));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(0.0, gateway.value("iwddm_job_active", group));
            assertEquals(20.0, gateway.value("iwddm_etl_stats_general_events", group));
            assertEquals(0.0, gateway.value("iwddm_etl_stats_general_pending", group));
            assertEquals(0.0, gateway.value("iwddm_etl_stats_general_rejected", group));
            assertNull(gateway.value("iwddm_job_last_fail", group), gateway.metrics());
            assertEquals(newestEvent, gateway.value("iwddm_etl_last_event_timestamp_seconds", group),
                    "the freshness metric: the newest loaded event's time");
            Map<String, String> agents = new java.util.HashMap<>(group);
            agents.put("dimension", "agent");
            assertTrue(gateway.value("iwddm_etl_stats_dimensions_new", agents) >= 1, gateway.metrics());
            Map<String, String> facts = new java.util.HashMap<>(group);
            facts.put("table", "i_task_event_fact");
            assertTrue(gateway.value("iwddm_database_stats_size", facts) > 0, gateway.metrics());
            assertFalse(gateway.metrics().contains(FakeIwd.API_KEY) || gateway.metrics().contains(TestDatabase.password()));
        }
    }
}
