package org.iwddm.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iwddm.config.ConfigException;
import org.iwddm.config.ConfigLoader;
import org.iwddm.config.ConfigValue;
import org.iwddm.config.Secret;
import org.iwddm.config.Variable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iwddm config}: shows each variable's value and where it came from (secrets masked),
 * then validates the configuration as {@code run} would, without touching anything.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Shows the configuration the job would use (secrets masked) and validates it.",
                "Prints each variable's value and where it comes from (environment or secret file), "
                + "then validates the configuration as run would, without running anything."},
        footer = {"", "Exit status: 0 configuration valid, 2 configuration invalid (every problem listed)."})
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Map<String, ConfigValue> values = ConfigLoader.sources(parent.environment()).values();
        for (Variable variable : Variable.values()) {
            ConfigValue value = values.get(variable.name());
            if (value != null) {
                String shown = variable.isSecret() ? Secret.MASK : Secret.maskUrlSecrets(value.text());
                out.println(variable.name() + "=" + shown + "    (" + value.origin() + ")");
            }
        }
        try {
            ConfigLoader.load(parent.environment());
            out.println("configuration valid");
            return 0;
        } catch (ConfigException e) {
            printProblems(out, e);
            return RunCommand.CONFIG_INVALID;
        }
    }

    /** Each problem on its own line, then how many: once each (the exception's message repeats them all). */
    static void printProblems(PrintStream out, ConfigException e) {
        e.problems().forEach(problem -> out.println("problem: " + problem));
        int count = e.problems().size();
        out.println("configuration invalid (" + count + (count == 1 ? " problem)" : " problems)"));
    }
}
