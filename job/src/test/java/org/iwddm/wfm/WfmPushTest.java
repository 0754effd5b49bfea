package org.iwddm.wfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.iwddm.chain.RunOutcome;
import org.iwddm.chain.Runs;
import org.iwddm.config.Secret;
import org.iwddm.config.TestEnvironment;
import org.iwddm.config.WfmSettings;
import org.iwddm.feed.FakeIwd;
import org.iwddm.metrics.JobMetrics;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.metrics.Pushgateway;
import org.iwddm.metrics.PushgatewayReporter;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The WFM push against a fake WFM and GAuth on loopback, after real runs into a real mart. */
class WfmPushTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static String event(long id, String task, int minute, String status, String department, String process) {
        return "{\"id\":" + id + ",\"taskId\":\"" + task + "\",\"eventType\":\"Updated\",\"timestamp\":\"" + at(minute)
                + "\",\"status\":\"" + status + "\",\"task\":{\"tenant\":{\"id\":\"100\"},\"solution\":{\"id\":\"S1\"},"
                + "\"category\":{\"path\":[\"" + department + "\",\"" + process + "\"]}}}";
    }

    /** T1 and T2 enter Billing/Refunds, T1 completes, T3 (latest event, 08:50) closes 08:00-08:45. */
    private static List<String> threeClosedIntervals() {
        return List.of(event(1, "T1", 1, "new", "Billing", "Refunds"), event(2, "T2", 20, "new", "Billing", "Refunds"),
                event(3, "T1", 35, "completed", "Billing", "Refunds"), event(4, "T3", 50, "new", "Billing", "Refunds"));
    }

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, FakeWfm wfm) {
        Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
        env.put("IWDDM_WFM_ENABLED", "true");
        env.put("IWDDM_WFM_REST_URL", wfm.restUrl().toString());
        env.put("IWDDM_WFM_HEALTH_URL", wfm.healthUrl().toString());
        return env;
    }

    private static Map<String, String> withGauth(Map<String, String> env, FakeWfm wfm) {
        env.put("IWDDM_WFM_GAUTH_ENABLED", "true");
        env.put("IWDDM_WFM_GAUTH_REST_URL", wfm.base().toString());
        env.put("IWDDM_WFM_GAUTH_CLIENT_ID", FakeWfm.CLIENT_ID);
        env.put("IWDDM_WFM_GAUTH_CLIENT_SECRET", FakeWfm.CLIENT_SECRET);
        return env;
    }

    /** interval start -> activity -> "volume/queue", over the given pushes (later pushes win). */
    private static Map<String, Map<String, String>> sent(List<FakeWfm.Request> pushes) {
        Map<String, Map<String, String>> values = new TreeMap<>();
        for (FakeWfm.Request push : pushes) {
            for (JsonElement interval : JsonParser.parseString(push.body()).getAsJsonObject().getAsJsonArray("intervals")) {
                Map<String, String> activities = new TreeMap<>();
                for (JsonElement a : interval.getAsJsonObject().getAsJsonArray("activities")) {
                    JsonObject activity = a.getAsJsonObject();
                    activities.put(activity.get("activity").getAsString(),
                            activity.get("volume").getAsLong() + "/" + activity.get("queue").getAsLong());
                }
                values.put(interval.getAsJsonObject().get("start").getAsString(), activities);
            }
        }
        return values;
    }

    private static long lastDelivered(TestDatabase database) throws Exception {
        return Runs.count(database, "SELECT coalesce(last_delivered_interval, -1) FROM iwddm.wfm_delivery");
    }

    private static final class RecordingMetrics implements MetricsReporter {
        final List<JobMetrics> finished = new ArrayList<>();

        @Override
        public void started(Instant startedAt) {
        }

        @Override
        public void finished(JobMetrics metrics) {
            finished.add(metrics);
        }

        @Override
        public boolean enabled() {
            return false; // no database figures needed
        }
    }

    @Test
    void sendsEveryClosedIntervalOnceWithVolumeAndQueuePerActivity() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            RecordingMetrics metrics = new RecordingMetrics();
            RunOutcome outcome = Runs.run(env(database, iwd, wfm), metrics);

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(1, wfm.requests("/health").size(), "health is checked before pushing");
            assertEquals(1, wfm.pushes().size(), "three intervals fit one push");
            assertEquals(Map.of("2026-11-20T08:00:00Z", Map.of("Billing/Refunds", "1/1"),
                            "2026-11-20T08:15:00Z", Map.of("Billing/Refunds", "1/2"),
                            "2026-11-20T08:30:00Z", Map.of("Billing/Refunds", "0/1")),
                    sent(wfm.pushes()), "08:45 holds the latest event: not closed, not sent");
            assertEquals(at(30).getEpochSecond(), lastDelivered(database));
            assertEquals(OptionalLong.of(3), metrics.finished.get(0).wfmDelivered());
            assertEquals(OptionalLong.of(0), metrics.finished.get(0).wfmPending());

            Runs.run(env(database, iwd, wfm));
            assertEquals(1, wfm.pushes().size(), "nothing new closed: nothing resent");

            List<String> later = new ArrayList<>(threeClosedIntervals());
            later.add(event(5, "T4", 80, "new", "Billing", "Refunds"));
            iwd.setEvents(later);
            Runs.run(env(database, iwd, wfm));
            assertEquals(Map.of("2026-11-20T08:45:00Z", Map.of("Billing/Refunds", "1/2"),
                    "2026-11-20T09:00:00Z", Map.of("Billing/Refunds", "0/2")), sent(wfm.pushes().subList(1, 2)),
                    "the next run sends only the newly closed intervals");
        }
    }

    @Test
    void aFailedPushIsResentWithEveryMissedIntervalByTheNextRun() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            wfm.failNextPushes(500);
            RecordingMetrics metrics = new RecordingMetrics();

            RunOutcome failed = Runs.run(env(database, iwd, wfm), metrics);

            assertEquals(RunOutcome.Status.SUCCEEDED, failed.status(), "WFM refusing never fails the load");
            assertEquals(-1, lastDelivered(database), "nothing recorded as delivered");
            assertEquals(OptionalLong.of(3), metrics.finished.get(0).wfmPending());
            assertEquals(4, Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact"));

            Runs.run(env(database, iwd, wfm), metrics);

            assertEquals(2, wfm.pushes().size());
            assertEquals(wfm.pushes().get(0).body(), wfm.pushes().get(1).body(), "the resend carries every missed interval");
            assertEquals(at(30).getEpochSecond(), lastDelivered(database));
            assertEquals(OptionalLong.of(0), metrics.finished.get(1).wfmPending());
        }
    }

    @Test
    void anUnhealthyWfmIsNotPushedToAndTheRunSucceeds() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            wfm.healthStatus(503);

            RunOutcome outcome = Runs.run(env(database, iwd, wfm));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(1, wfm.requests("/health").size());
            assertEquals(List.of(), wfm.pushes());
            assertEquals(-1, lastDelivered(database));

            Map<String, String> unreachable = env(database, iwd, wfm);
            unreachable.put("IWDDM_WFM_HEALTH_URL", "http://127.0.0.1:" + closedPort() + "/health");
            assertEquals(RunOutcome.Status.SUCCEEDED, Runs.run(unreachable).status(), "unreachable WFM: run succeeds");
            assertEquals(List.of(), wfm.pushes());
            assertEquals(-1, lastDelivered(database));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void gauthTokenIsSentAsBearerAndRenewedOnceWhenWfmAnswers401() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            wfm.requireToken();
            wfm.failNextPushes(401);

            RunOutcome outcome = Runs.run(withGauth(env(database, iwd, wfm), wfm));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(2, wfm.tokenRequests().size(), "the 401 renewed the token once");
            assertEquals("grant_type=client_credentials", wfm.tokenRequests().get(0).body());
            assertEquals(List.of("Bearer token-1", "Bearer token-2"),
                    wfm.pushes().stream().map(p -> p.header("Authorization")).toList());
            assertEquals(at(30).getEpochSecond(), lastDelivered(database), "the retry was delivered");
        }
    }

    @Test
    void twoRefusalsInARowLeaveTheIntervalsPending() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            wfm.failNextPushes(401, 401);

            RunOutcome outcome = Runs.run(withGauth(env(database, iwd, wfm), wfm));

            assertEquals(RunOutcome.Status.SUCCEEDED, outcome.status(), outcome.message());
            assertEquals(2, wfm.pushes().size(), "renewed once, not more");
            assertEquals(-1, lastDelivered(database));
        }
    }

    @Test
    void aCachedTokenIsReusedUntilItsExpiresInHasPassed() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            Runs.run(TestEnvironment.forJob(database, iwd.restUrl()));
            WfmSettings settings = new WfmSettings(true, Optional.of(wfm.restUrl()), Optional.of(wfm.healthUrl()), true,
                    Optional.of(wfm.base()), Optional.of(FakeWfm.CLIENT_ID), Optional.of(Secret.of(FakeWfm.CLIENT_SECRET)));
            wfm.requireToken();
            try (Connection session = database.connect()) {
                WfmResult first = new WfmPush(settings, "t", 1).run(session);
                assertEquals(new WfmResult(3, 0), first, "one push per interval with a group size of 1");
                assertEquals(1, wfm.tokenRequests().size(), "a token valid for an hour serves every push");

                try (var reset = session.createStatement()) {
                    reset.execute("UPDATE iwddm.wfm_delivery SET last_delivered_interval = NULL");
                }
                wfm.expiresIn(1);
                wfm.pushDelay(Duration.ofMillis(1100));
                new WfmPush(settings, "t", 1).run(session);
            }
            assertEquals(1 + 3, wfm.tokenRequests().size(), "a token expiring after 1 s is fetched again for each push");
            List<String> bearers = wfm.pushes().subList(3, 6).stream().map(p -> p.header("Authorization")).toList();
            assertEquals(3, bearers.stream().distinct().count(), bearers.toString());
        }
    }

    @Test
    void aReclassifiedTaskIsNotCountedAgainAsVolumeButQueuesInItsNewActivity() throws Exception {
        List<String> first = List.of(event(1, "T1", 1, "new", "Billing", "Refunds"),
                event(2, "M1", 20, "new", "Other", "Marker"));
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(first);
             FakeWfm wfm = FakeWfm.start()) {
            Runs.run(env(database, iwd, wfm));
            assertEquals(Map.of("2026-11-20T08:00:00Z", Map.of("Billing/Refunds", "1/1")), sent(wfm.pushes()));

            List<String> reclassified = new ArrayList<>(first);
            reclassified.add(event(3, "T1", 40, "queued", "Billing", "Disputes"));
            reclassified.add(event(4, "M1", 60, "queued", "Other", "Marker"));
            iwd.setEvents(reclassified);
            Runs.run(env(database, iwd, wfm));

            Map<String, Map<String, String>> second = sent(wfm.pushes().subList(1, wfm.pushes().size()));
            assertEquals(Map.of("2026-11-20T08:15:00Z", Map.of("Billing/Refunds", "0/1", "Other/Marker", "1/1"),
                    "2026-11-20T08:30:00Z", Map.of("Billing/Disputes", "0/1", "Other/Marker", "0/1"),
                    "2026-11-20T08:45:00Z", Map.of("Billing/Disputes", "0/1", "Other/Marker", "0/1")), second);
            long t1Volume = wfm.pushes().stream().flatMap(p -> activities(p).stream())
                    .filter(a -> a.get("activity").getAsString().startsWith("Billing/"))
                    .mapToLong(a -> a.get("volume").getAsLong()).sum();
            assertEquals(1, t1Volume, "T1 counted as volume once, in the interval it entered");
        }
    }

    private static List<JsonObject> activities(FakeWfm.Request push) {
        List<JsonObject> all = new ArrayList<>();
        for (JsonElement interval : JsonParser.parseString(push.body()).getAsJsonObject().getAsJsonArray("intervals")) {
            JsonArray activities = interval.getAsJsonObject().getAsJsonArray("activities");
            activities.forEach(a -> all.add(a.getAsJsonObject()));
        }
        return all;
    }

    @Test
    void theFullChainPushesAfterHistoricalAndReportsDeliveredAndPendingMetrics() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start(); Pushgateway gateway = Pushgateway.start()) {
            Map<String, String> env = env(database, iwd, wfm);
            env.put("IWDDM_EXECUTION_CHAIN", "full");
            env.put("IWDDM_MONITORING_ENABLED", "true");
            env.put("IWDDM_PUSHGATEWAY_URL", gateway.url().toString());
            Map<String, String> group = Map.of("job", "iwddm_metrics", "tenant", FakeIwd.CCID, "execution_chain", "full");
            wfm.healthStatus(503);

            RunOutcome down = Runs.run(env, reporter(env));

            assertEquals(RunOutcome.Status.SUCCEEDED, down.status(), down.message());
            assertEquals(0.0, gateway.value("iwddm_wfm_intervals_delivered", group));
            assertEquals(3.0, gateway.value("iwddm_wfm_intervals_pending", group));

            wfm.healthStatus(200);
            Runs.run(env, reporter(env));

            assertEquals(1, wfm.pushes().size());
            assertEquals(3.0, gateway.value("iwddm_wfm_intervals_delivered", group));
            assertEquals(0.0, gateway.value("iwddm_wfm_intervals_pending", group));
        }
    }

    private static PushgatewayReporter reporter(Map<String, String> env) {
        return new PushgatewayReporter(TestEnvironment.load(env).metrics(), FakeIwd.CCID, "full");
    }

    @Test
    void secretsAndTokensNeverAppearInThePushBody() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(threeClosedIntervals());
             FakeWfm wfm = FakeWfm.start()) {
            Runs.run(withGauth(env(database, iwd, wfm), wfm));
            String body = wfm.pushes().get(0).body();
            assertTrue(body.contains("\"tenant\":\"" + FakeIwd.CCID + "\""), body);
            assertNotEquals(-1, lastDelivered(database));
            assertTrue(!body.contains(FakeWfm.CLIENT_SECRET) && !body.contains("token-"), body);
        }
    }
}
