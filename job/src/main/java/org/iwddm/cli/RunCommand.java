package org.iwddm.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iwddm.chain.JobRunner;
import org.iwddm.config.ConfigException;
import org.iwddm.config.ConfigLoader;
import org.iwddm.config.ExecutionChain;
import org.iwddm.config.JobConfig;
import org.iwddm.config.Variable;
import org.iwddm.feed.FeedTuning;
import org.iwddm.log.Figure;
import org.iwddm.log.Figures;
import org.iwddm.log.JobLog;
import org.iwddm.log.Redactor;
import org.iwddm.metrics.MetricsReporter;
import org.iwddm.metrics.PushgatewayReporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code iwddm run}: validates the whole configuration, then runs one chain. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one execution chain (IWDDM_EXECUTION_CHAIN, default full) and exits.",
                "Chains: initialize (create/upgrade the schema, set the time zone), intraday (load new events), "
                + "historical (close finished days: move final tasks to the h_ tables), full (all three).",
                "Logs are JSON lines on stdout; the last line says how the run ended."},
        footer = {"", "Exit status: 0 success (also: nothing to do, or skipped because another run holds the lock), "
                + "2 configuration invalid (every problem listed, nothing touched), 1 any other failure."})
final class RunCommand implements Callable<Integer> {
    static final int CONFIG_INVALID = 2;

    @ParentCommand
    private Main parent;

    @Option(names = {"-c", "--chain"}, paramLabel = "CHAIN", converter = ChainOption.class,
            description = "Chain to run instead of IWDDM_EXECUTION_CHAIN: initialize, intraday, historical or full.")
    private ExecutionChain chain;

    /** A bad --chain is bad usage of the option (exit 2 with the usage), not an IWDDM_EXECUTION_CHAIN problem. */
    static final class ChainOption implements CommandLine.ITypeConverter<ExecutionChain> {
        @Override
        public ExecutionChain convert(String value) {
            return ExecutionChain.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a chain (" + ExecutionChain.choices() + ")"));
        }
    }

    @Override
    public Integer call() {
        return run(environment());
    }

    /** Validates the configuration from this environment, then runs the chain it names. */
    static int run(Map<String, String> environment) {
        JobConfig config;
        try {
            config = ConfigLoader.load(environment);
        } catch (ConfigException e) {
            JobLog.error(e.getMessage(), Figures.of(Figure.EXIT_CODE, CONFIG_INVALID));
            return CONFIG_INVALID;
        }
        JobLog.useRedactor(new Redactor(config.secretValues()));
        return new JobRunner(config, FeedTuning.DEFAULTS, metrics(config)).run().exitCode();
    }

    /** The environment, with --chain taking the place of IWDDM_EXECUTION_CHAIN (validated alike). */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(parent.environment());
        if (chain != null) {
            environment.put(Variable.IWDDM_EXECUTION_CHAIN.name(), chain.label());
        }
        return environment;
    }

    private static MetricsReporter metrics(JobConfig config) {
        if (!config.metrics().enabled()) {
            return MetricsReporter.NONE;
        }
        return new PushgatewayReporter(config.metrics(), config.tenantLabel(), config.chain().label());
    }
}
