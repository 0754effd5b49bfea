package org.iwddm.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.iwddm.chain.JobRunner;
import org.iwddm.chain.RunOutcome;
import org.iwddm.config.ConfigException;
import org.iwddm.config.ConfigLoader;
import org.iwddm.config.JobConfig;
import org.iwddm.config.Variable;
import org.iwddm.feed.FeedTuning;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.sim.IwdSimulator;
import org.iwddm.sim.SimClock;
import org.iwddm.sim.SimulatorSettings;

/**
 * The demo's load: a simulated IWD in-process, its clock moved one step at a time, and after
 * each step one full-chain run of the job (the same JobRunner as {@code iwddm run}) against the
 * target database, configured in code as the environment would configure it.
 */
public final class DemoRun {

    private final DemoScenario scenario;
    private final DemoTarget target;
    private final PrintStream progress;

    public DemoRun(DemoScenario scenario, DemoTarget target, PrintStream progress) {
        this.scenario = scenario;
        this.target = target;
        this.progress = progress;
    }

    /** Runs the chain after every step until the scenario's end; returns the number of runs. */
    public int run() throws IOException, DemoException {
        SimClock.Stepped clock = new SimClock.Stepped(scenario.start());
        SimulatorSettings settings = new SimulatorSettings(0, DemoScenario.API_KEY, scenario.feed(), 1, 0, Duration.ZERO);
        try (IwdSimulator simulator = IwdSimulator.start(settings, clock)) {
            JobConfig config = config(simulator);
            int runs = 0;
            for (Instant now = scenario.start().plus(scenario.step()); !now.isAfter(scenario.end());
                    now = now.plus(scenario.step())) {
                clock.set(now);
                runOnce(config, now);
                runs++;
            }
            return runs;
        }
    }

    private void runOnce(JobConfig config, Instant now) throws DemoException {
        long started = System.nanoTime();
        RunOutcome outcome = new JobRunner(config, FeedTuning.DEFAULTS, MetricsReporter.NONE).run();
        if (outcome.status() != RunOutcome.Status.SUCCEEDED) {
            throw new DemoException("the run at simulated " + now + " did not succeed: " + outcome.message());
        }
        progress.printf("simulated %s  %s (%d ms)%n", now, outcome.message(), (System.nanoTime() - started) / 1_000_000);
    }

    private JobConfig config(IwdSimulator simulator) throws DemoException {
        Map<String, String> environment = new HashMap<>();
        environment.put(Variable.IWDDM_DB_HOST.name(), target.host());
        environment.put(Variable.IWDDM_DB_PORT.name(), Integer.toString(target.port()));
        environment.put(Variable.IWDDM_DB_NAME.name(), target.database());
        environment.put(Variable.IWDDM_DB_USER.name(), target.user());
        environment.put(Variable.IWDDM_DB_PASSWORD.name(), target.password());
        environment.put(Variable.IWDDM_REST_URL.name(), simulator.restUrl().toString());
        environment.put(Variable.IWDDM_API_KEY.name(), DemoScenario.API_KEY);
        environment.put(Variable.IWDDM_CCID.name(), DemoScenario.CCID);
        environment.put(Variable.IWDDM_EXECUTION_CHAIN.name(), "full");
        // No secret files: the demo's configuration is all here.
        environment.put(Variable.IWDDM_SECRETS_DIRS.name(), "/nonexistent/iwddm-demo");
        try {
            return ConfigLoader.load(environment);
        } catch (ConfigException e) {
            throw new DemoException("the demo's own configuration is invalid: " + e.getMessage());
        }
    }
}
