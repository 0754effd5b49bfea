package org.iwddm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code iwddm simulate} on its own (bin/iwddm simulate): the simulator is not part of the job's jar. */
@Command(name = "iwddm", mixinStandardHelpOptions = true,
        description = "A simulated IWD for developing and trying iwddm.",
        subcommands = {SimulateCommand.class, CommandLine.HelpCommand.class})
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }
}
