package org.iwddm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code iwddm demo} on its own (bin/iwddm demo): the demo is not part of the job's jar. */
@Command(name = "iwddm", mixinStandardHelpOptions = true,
        description = "The iwddm demo: the job against a simulated IWD and an embedded PostgreSQL.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }
}
