package org.iwddm.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The iwddm command line: {@code iwddm run} runs one execution chain and exits with 0 (success,
 * nothing to do, or skipped because another run holds the lock), 2 (configuration invalid) or
 * 1 (any other failure). Configuration comes from the environment and secret files only.
 */
@Command(name = "iwddm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "IWD Data Mart: loads IWD task events into a PostgreSQL reporting database.",
        subcommands = {RunCommand.class, ConfigCommand.class, SimulateCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success (also: nothing to do, run skipped because another holds the lock),",
                "2 configuration invalid or bad usage, 1 any other failure.",
                "Configuration: environment variables IWDDM_* and secret files, see docs/configuration.md."})
public final class Main implements Callable<Integer> {
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    Main(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), args));
    }

    /** Runs the command line against the given environment; returns the exit status. */
    public static int execute(Map<String, String> environment, String... args) {
        return new CommandLine(new Main(environment)).setParameterExceptionHandler(Main::badUsage).execute(args);
    }

    /** Bad usage: the problem, picocli's "did you mean" if any, and always the usage. */
    private static int badUsage(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println(problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        command.usage(err, command.getColorScheme());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    Map<String, String> environment() {
        return environment;
    }

    /** No command given: show what there is, and say it was a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return CommandLine.ExitCode.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"iwddm " + (version == null ? "(development build)" : version)};
        }
    }
}
