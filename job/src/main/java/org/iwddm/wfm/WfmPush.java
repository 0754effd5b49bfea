package org.iwddm.wfm;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.iwddm.config.WfmSettings;
import org.iwddm.log.Errors;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;

/**
 * The WFM push (SPEC §7, docs/wfm.md): when WFM answers its health check, send every closed
 * 15-minute interval not delivered yet, in POSTs of at most {@code groupSize} intervals, and
 * record each acknowledged group in iwddm.wfm_delivery at once. WFM being down or refusing
 * never fails the run: the intervals stay pending and the next run sends them.
 */
public final class WfmPush {
    public static final int DEFAULT_GROUP_SIZE = 96;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Figures STEP = Figures.of(Figure.STEP, "wfm");

    private final WfmSettings settings;
    private final String tenant;
    private final int groupSize;
    private final WfmHttp http;
    private final Optional<GauthTokens> tokens;

    public WfmPush(WfmSettings settings, String tenant) {
        this(settings, tenant, DEFAULT_GROUP_SIZE);
    }

    WfmPush(WfmSettings settings, String tenant, int groupSize) {
        if (!settings.enabled() || groupSize < 1) {
            throw new IllegalArgumentException("WFM push needs enabled settings and a group size of at least 1");
        }
        this.settings = settings;
        this.tenant = tenant;
        this.groupSize = groupSize;
        this.http = new WfmHttp(TIMEOUT);
        this.tokens = settings.gauthEnabled() ? Optional.of(new GauthTokens(http, settings.gauthUrl().orElseThrow(),
                settings.clientId().orElseThrow(), settings.clientSecret().orElseThrow())) : Optional.empty();
    }

    /** Pushes what is pending; only a mart database error escapes. */
    public WfmResult run(Connection session) throws SQLException {
        long started = System.nanoTime();
        WfmDelivery delivery = new WfmDelivery(session);
        WfmDelivery.Range range = delivery.pending();
        long delivered = 0;
        try {
            if (range.pending() > 0) {
                checkHealth();
                delivered = sendAll(delivery, range);
            }
        } catch (WfmException e) {
            JobLog.warn("WFM push stopped, intervals stay pending for the next run: " + Errors.describe(e), STEP);
        }
        WfmResult result = new WfmResult(delivered, range.pending() - delivered);
        JobLog.info("WFM push: " + result.delivered() + " intervals delivered, " + result.pending() + " pending",
                STEP.with(Figure.SECONDS, Figures.seconds(System.nanoTime() - started)));
        return result;
    }

    private void checkHealth() throws WfmException {
        URI health = settings.healthUrl().orElseThrow();
        HttpResponse<String> response = http.send(http.request(health).GET().build(), "WFM health check");
        if (!WfmHttp.isSuccess(response)) {
            throw new WfmException("WFM health check " + health + " answered HTTP " + response.statusCode());
        }
    }

    private long sendAll(WfmDelivery delivery, WfmDelivery.Range range) throws WfmException, SQLException {
        long delivered = 0;
        for (long from = range.fromKey(); from < range.toKey(); ) {
            long to = Math.min(range.toKey(), from + (long) groupSize * WfmPayload.INTERVAL_SECONDS);
            String body = WfmPayload.json(tenant, from, to, delivery.values(from, to));
            send(body);
            int intervals = (int) ((to - from) / WfmPayload.INTERVAL_SECONDS);
            delivery.recordDelivered(to - WfmPayload.INTERVAL_SECONDS, intervals);
            delivered += intervals;
            from = to;
        }
        return delivered;
    }

    /** One POST; with GAuth, a 401 renews the token once and retries. */
    private void send(String body) throws WfmException {
        HttpResponse<String> response = post(body);
        if (response.statusCode() == 401 && tokens.isPresent()) {
            tokens.get().renew();
            response = post(body);
        }
        if (!WfmHttp.isSuccess(response)) {
            throw new WfmException("WFM " + settings.restUrl().orElseThrow() + " refused the push: HTTP "
                    + response.statusCode());
        }
    }

    private HttpResponse<String> post(String body) throws WfmException {
        HttpRequest.Builder request = http.request(settings.restUrl().orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (tokens.isPresent()) {
            request.header("Authorization", "Bearer " + tokens.get().bearer().reveal());
        }
        return http.send(request.build(), "WFM");
    }
}
