package org.iwddm.chain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.api.FlywayException;
import org.iwddm.config.ExecutionChain;
import org.iwddm.config.JobConfig;
import org.iwddm.feed.FeedException;
import org.iwddm.feed.FeedTuning;
import org.iwddm.gim.GimAgentNames;
import org.iwddm.load.Database;
import org.iwddm.load.RunAudit;
import org.iwddm.load.RunLock;
import org.iwddm.load.StagingException;
import org.iwddm.log.Errors;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;
import org.iwddm.metrics.DatabaseStats;
import org.iwddm.metrics.JobMetrics;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.metrics.TableStats;
import org.iwddm.wfm.WfmPush;
import org.iwddm.wfm.WfmResult;

/**
 * One run of one execution chain: take the run lock (or skip, saying so), record the run in
 * etl_audit, run the chain's steps, report metrics, and end with one log line that says how the
 * run ended and why. Never throws: every failure becomes a FAILED outcome.
 */
public final class JobRunner {
    /** Skipped runs in a row before a skip is logged at WARN (one is normal: runs overlapped once). */
    static final int SKIPS_BEFORE_WARNING = 3;
    private final JobConfig config;
    private final FeedTuning tuning;
    private final MetricsReporter metrics;
    private final Database database;
    private final UUID runId = UUID.randomUUID();
    private final RunStats stats = new RunStats();
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WfmResult wfm;
    private final PurgeTally purged = new PurgeTally();

    public JobRunner(JobConfig config, FeedTuning tuning, MetricsReporter metrics) {
        this(config, tuning, metrics, new Database(config.database(), config.budget()));
    }

    /** Tests pass a database with shorter timeouts. */
    public JobRunner(JobConfig config, FeedTuning tuning, MetricsReporter metrics, Database database) {
        this.config = config;
        this.tuning = tuning;
        this.metrics = metrics;
        this.database = database;
    }

    public UUID runId() {
        return runId;
    }

    public RunOutcome run() {
        JobLog.context(config.tenantLabel(), config.chain().label(), runId.toString());
        JobLog.info("run started: chain " + config.chain());
        Thread onSignal = new Thread(this::terminated, "iwddm-terminated");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            return runSession();
        } finally {
            removeHook(onSignal);
        }
    }

    private RunOutcome runSession() {
        try (Connection session = database.connect()) {
            Optional<RunLock> lock = RunLock.tryAcquire(database, session);
            if (lock.isEmpty()) {
                return skipped(session);
            }
            try (RunLock held = lock.get()) {
                return runLocked(session);
            }
        } catch (SQLException e) {
            metrics.finished(figures(false, null));
            return ended(new RunOutcome(RunOutcome.Status.FAILED, "run failed: " + Errors.describe(e)));
        }
    }

    private RunOutcome skipped(Connection session) throws SQLException {
        String why = "another run holds the run lock (" + RunLock.description() + ")";
        int inARow = new RunAudit(session, runId, config.chain().label(), startedAt, dataSourceName()).skipped(why);
        if (inARow >= SKIPS_BEFORE_WARNING) {
            JobLog.warn(inARow + " runs in a row were skipped: the run holding the lock may be stuck;"
                    + " see iwddm.etl_audit (run_status 'running') and pg_stat_activity (application_name 'iwddm')");
        }
        return ended(new RunOutcome(RunOutcome.Status.SKIPPED, "run skipped: " + why));
    }

    private RunOutcome runLocked(Connection session) {
        metrics.started(startedAt);
        RunAudit audit = new RunAudit(session, runId, config.chain().label(), startedAt, dataSourceName());
        try {
            audit.begin();
            runChain(session, audit);
            String summary = summary();
            audit.finish("succeeded", summary);
            metrics.finished(figures(true, session));
            return ended(new RunOutcome(RunOutcome.Status.SUCCEEDED, "run succeeded: " + summary));
        } catch (Exception e) {
            String why = describe(e);
            finishQuietly(audit, why);
            metrics.finished(figures(false, session));
            return ended(new RunOutcome(RunOutcome.Status.FAILED, "run failed: " + why));
        }
    }

    private void runChain(Connection session, RunAudit audit) throws FeedException, SQLException {
        ExecutionChain chain = config.chain();
        if (chain == ExecutionChain.INITIALIZE || chain == ExecutionChain.FULL) {
            new InitializeStep(config, session).run(chain == ExecutionChain.FULL);
            audit.begin(); // the audit table may only exist now
        }
        if (chain.readsFeed()) {
            new IntradayStep(config, tuning, session, database::connect, runId, stats,
                    new Budget(config.budget(), startedNanos)).run();
            if (config.gim().enabled()) {
                new GimAgentNames(config.gim()).apply(session);
            }
        }
        if (chain == ExecutionChain.HISTORICAL || chain == ExecutionChain.FULL) {
            new HistoricalStep(session, config.retention(), new Budget(config.budget(), startedNanos), runId, purged,
                    chain.label(), metrics).run();
        }
        if (chain.readsFeed() && config.wfm().enabled()) {
            wfm = new WfmPush(config.wfm(), config.tenantLabel()).run(session);
        }
    }

    /** etl_audit.data_source_name: the IWD URL without user info (SPEC §3.1), when the chain reads the feed. */
    private String dataSourceName() {
        return config.feed().map(f -> {
            java.net.URI url = f.restUrl();
            try {
                return new java.net.URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
                        .toString();
            } catch (java.net.URISyntaxException e) {
                return url.getScheme() + "://" + url.getHost();
            }
        }).orElse(null);
    }

    private String summary() {
        if (!config.chain().readsFeed()) {
            return "chain " + config.chain() + " done";
        }
        return "chain " + config.chain() + " loaded " + stats.events() + " events in " + stats.pages() + " pages ("
                + stats.rejected() + " rejected, " + stats.duplicates() + " duplicates), pending " + stats.pendingText();
    }

    /** Expected failures read well as one line; anything else is a bug and keeps its stack trace. */
    private static String describe(Exception e) {
        if (e instanceof FeedException || e instanceof SQLException || e instanceof StagingException
                || e instanceof FlywayException) {
            return Errors.describe(e);
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        JobLog.error("unexpected error: " + trace, Figures.NONE);
        return Errors.describe(e);
    }

    /**
     * Records the failure; when the session is what failed (a lost connection), on a fresh
     * connection, so the run's row does not stay 'running' until the next run finds it.
     */
    private void finishQuietly(RunAudit audit, String why) {
        try {
            audit.finish("failed", why);
        } catch (SQLException e) {
            try (Connection fresh = database.connect()) {
                audit.finishOn(fresh, "failed", why);
            } catch (SQLException again) {
                JobLog.warn("could not record the failed run in iwddm.etl_audit: " + Errors.describe(again));
            }
        }
    }

    /** The run's metrics; database figures are best effort (the session may be what failed). */
    private JobMetrics figures(boolean succeeded, Connection session) {
        List<TableStats> tables = List.of();
        Map<String, Long> dimensions = Map.of();
        java.util.Optional<Instant> lastEvent = java.util.Optional.empty();
        if (session != null && metrics.enabled()) {
            try {
                tables = DatabaseStats.tables(session);
                dimensions = DatabaseStats.dimensionsNew(session, runId);
                lastEvent = DatabaseStats.lastEventAt(session);
            } catch (SQLException e) {
                JobLog.warn("could not read database statistics for metrics: " + Errors.describe(e));
            }
        }
        WfmResult pushed = wfm;
        return new JobMetrics(succeeded, Instant.now(), stats.events(), stats.rejected(),
                succeeded ? stats.pending() : java.util.OptionalLong.empty(), dimensions, tables,
                pushed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(pushed.delivered()),
                pushed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(pushed.pending()),
                purged.tables(), lastEvent);
    }

    /**
     * SIGTERM (pod eviction, deadline) mid-run: the database rolls back the open page when the
     * connection drops; say so, and tell the Pushgateway the run is no longer active.
     */
    private void terminated() {
        if (ended.compareAndSet(false, true)) {
            metrics.finished(figures(false, null));
            JobLog.error("run terminated by a signal before it finished; the page in progress is not committed",
                    Figures.of(Figure.EXIT_CODE, 143));
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs or has run.
        }
    }

    /** The run's last log line: how it ended and why (SPEC §1). */
    private RunOutcome ended(RunOutcome outcome) {
        if (!ended.compareAndSet(false, true)) {
            return outcome; // a termination signal already reported the end
        }
        Figures figures = Figures.of(Figure.EXIT_CODE, outcome.exitCode())
                .with(Figure.SECONDS, Figures.seconds(System.nanoTime() - startedNanos));
        if (config.chain().readsFeed() && outcome.status() != RunOutcome.Status.SKIPPED) {
            figures = stats.withPending(figures.with(Figure.EVENTS, stats.events()).with(Figure.REJECTED, stats.rejected()));
        }
        if (outcome.status() == RunOutcome.Status.FAILED) {
            JobLog.error(outcome.message(), figures);
        } else {
            JobLog.info(outcome.message(), figures);
        }
        return outcome;
    }
}
