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
        subcommands = {RunCommand.class, ConfigCommand.class, CheckCommand.class, LoadFileCommand.class, CdsArchiveCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success (also: nothing to do, run skipped because another holds the lock), "
                + "2 configuration invalid or bad usage, 1 any other failure.",
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

    /**
     * Runs the command line against the given environment; returns the exit status. The job's own
     * command line, a bare {@code run} (the image's CMD, every CronJob run), goes straight to the
     * run: building picocli's model of every command by reflection over its Java 5 class files
     * (which class data sharing cannot archive) was the largest start-up cost left in an idle run.
     */
    public static int execute(Map<String, String> environment, String... args) {
        if (args.length == 1 && "run".equals(args[0])) {
            return runJob(environment);
        }
        return new CommandLine(new Main(environment)).setParameterExceptionHandler(Main::badUsage).execute(args);
    }

    /** As picocli runs a command: an exception that escapes is printed to stderr and exits 1. */
    private static int runJob(Map<String, String> environment) {
        try {
            return RunCommand.run(environment);
        } catch (RuntimeException bug) {
            bug.printStackTrace();
            return CommandLine.ExitCode.SOFTWARE;
        }
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
