package org.iwddm.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.iwddm.config.MetricsSettings;
import org.iwddm.log.Errors;
import org.iwddm.log.JobLog;

/**
 * Pushes the run's metrics to a Prometheus Pushgateway (SPEC §7), grouped by job="iwddm_metrics",
 * tenant and execution_chain. Pushes with POST, which replaces only the metrics it carries, so
 * iwddm_job_last_fail survives a later success and vice versa. A push that fails is logged and
 * otherwise ignored. Times are Unix seconds, as the seed's sample values are.
 */
public final class PushgatewayReporter implements MetricsReporter {
    static final String JOB = "iwddm_metrics";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MetricsSettings settings;
    private final URI url;
    private final String tenant;
    private final String chain;

    public PushgatewayReporter(MetricsSettings settings, String tenant, String chain) {
        this.settings = settings;
        this.url = settings.pushgatewayUrl().orElseThrow();
        this.tenant = tenant;
        this.chain = chain;
    }

    @Override
    public void started(Instant at) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(registry, "iwddm_job_active", "1 while the job runs, 0 once it stopped or failed").set(1);
        gauge(registry, "iwddm_job_last_start", "Unix time (seconds) the job last started").set(at.getEpochSecond());
        push(registry, "start");
    }

    @Override
    public void finished(JobMetrics metrics) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(registry, "iwddm_job_active", "1 while the job runs, 0 once it stopped or failed").set(0);
        String outcome = metrics.succeeded() ? "success" : "fail";
        gauge(registry, "iwddm_job_last_" + outcome, "Unix time (seconds) the job last ended with " + outcome)
                .set(metrics.finishedAt().getEpochSecond());
        gauge(registry, "iwddm_etl_stats_general_events", "Events read from IWD by the run").set(metrics.events());
        gauge(registry, "iwddm_etl_stats_general_rejected", "Bad events quarantined by the run").set(metrics.rejected());
        metrics.pending().ifPresent(p -> gauge(registry, "iwddm_etl_stats_general_pending",
                "Events left in IWD for the next run (a lower bound when large)").set(p));
        metrics.wfmDelivered().ifPresent(d -> gauge(registry, "iwddm_wfm_intervals_delivered",
                "15-minute intervals WFM acknowledged in the run").set(d));
        metrics.wfmPending().ifPresent(p -> gauge(registry, "iwddm_wfm_intervals_pending",
                "Closed 15-minute intervals not yet delivered to WFM").set(p));
        metrics.lastEventAt().ifPresent(at -> gauge(registry, "iwddm_etl_last_event_timestamp_seconds",
                "Unix time (seconds) of the newest event loaded into the mart").set(at.getEpochSecond()));
        addLabelled(registry, metrics);
        push(registry, "end");
    }

    /** Pushed on its own so the value stays until the next verification, whatever runs in between. */
    @Override
    public void verified(long differences) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(registry, "iwddm_verify_differences",
                "Aggregate values that differed from the facts in the last verification of closed days").set(differences);
        push(registry, "verify");
    }

    private static void addLabelled(PrometheusRegistry registry, JobMetrics metrics) {
        if (!metrics.dimensionsNew().isEmpty()) {
            Gauge dimensions = labelled(registry, "iwddm_etl_stats_dimensions_new", "New members per dimension in the run",
                    "dimension");
            metrics.dimensionsNew().forEach((name, count) -> dimensions.labelValues(name).set(count));
        }
        if (!metrics.purged().isEmpty()) {
            Gauge rows = labelled(registry, "iwddm_purge_rows", "Rows the run's purge removed per table", "table");
            Gauge bytes = labelled(registry, "iwddm_purge_bytes", "Heap bytes the run's purge freed per table", "table");
            for (PurgedTable table : metrics.purged()) {
                rows.labelValues(table.table()).set(table.rows());
                bytes.labelValues(table.table()).set(table.bytes());
            }
        }
        if (!metrics.tables().isEmpty()) {
            Gauge rows = labelled(registry, "iwddm_database_stats_rows", "Estimated rows per table", "table");
            Gauge size = labelled(registry, "iwddm_database_stats_size", "Total bytes per table, indexes included", "table");
            for (TableStats table : metrics.tables()) {
                rows.labelValues(table.table()).set(table.rows());
                size.labelValues(table.table()).set(table.bytes());
            }
        }
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).register(registry);
    }

    private static Gauge labelled(PrometheusRegistry registry, String name, String help, String label) {
        return Gauge.builder().name(name).help(help).labelNames(label).register(registry);
    }

    private void push(PrometheusRegistry registry, String what) {
        try {
            gateway(registry).pushAdd();
        } catch (Exception e) {
            JobLog.warn("could not push the " + what + " metrics to the Pushgateway " + url + ": " + Errors.describe(e));
        }
    }

    private PushGateway gateway(PrometheusRegistry registry) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        PushGateway.Builder builder = PushGateway.builder()
                .scheme("https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(url.getHost() + ":" + port() + path)
                .job(JOB)
                .groupingKey("tenant", tenant)
                .groupingKey("execution_chain", chain)
                .format(Format.PROMETHEUS_TEXT)
                .connectionTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .registry(registry);
        settings.user().ifPresent(user -> builder.basicAuth(user, settings.password().map(s -> s.reveal()).orElse("")));
        return builder.build();
    }

    private int port() {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
