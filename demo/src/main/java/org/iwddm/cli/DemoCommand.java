package org.iwddm.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iwddm.demo.DemoDatabase;
import org.iwddm.demo.DemoException;
import org.iwddm.demo.DemoReport;
import org.iwddm.demo.DemoRun;
import org.iwddm.demo.DemoScenario;
import org.iwddm.demo.DemoTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iwddm demo}: embedded PostgreSQL + simulated IWD + repeated runs, then a report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"One-command demo: the job on an embedded PostgreSQL and a simulated IWD, then a report.",
                "Starts an embedded PostgreSQL and a simulated IWD in this process, runs the full chain "
                + "after every simulated step, and prints a per-department/process report of the last "
                + "simulated day. Downloads nothing at run time.",
                "Without --once the database stays up until Ctrl-C, and the psql line to reach it is printed."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--once", description = "Print the report and exit instead of keeping the database running.")
    boolean once;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated feed. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--days", defaultValue = "2", description = "Simulated days. Default ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--tasks-per-hour", defaultValue = "90", description = "Mean new tasks per simulated hour. Default ${DEFAULT-VALUE}.")
    double tasksPerHour;

    @Option(names = "--step-hours", defaultValue = "3", description = "Simulated hours between two runs. Default ${DEFAULT-VALUE}.")
    int stepHours;

    @Option(names = "--verbose", description = "Show the job's JSON log lines (hidden by default, except warnings and errors).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!verbose) {
            // Read by tinylog when it first logs, which has not happened yet in this process.
            System.setProperty("tinylog.writer.level", "warn");
        }
        DemoScenario scenario;
        try {
            scenario = new DemoScenario(seed, Instant.parse("2026-11-20T00:00:00Z"), days, tasksPerHour, 0.05, 0.01,
                    Duration.ofHours(stepHours));
            scenario.feed();
        } catch (IllegalArgumentException e) {
            System.err.println("iwddm demo: " + e.getMessage());
            return RunCommand.CONFIG_INVALID;
        }
        return run(scenario);
    }

    private int run(DemoScenario scenario) throws Exception {
        System.out.println("starting embedded PostgreSQL ...");
        try (DemoDatabase database = DemoDatabase.start()) {
            DemoTarget target = DemoTarget.of(database);
            try {
                new DemoRun(scenario, target, System.out).run();
                DemoReport.read(target).print(System.out);
            } catch (DemoException e) {
                System.err.println("iwddm demo: " + e.getMessage());
                return 1;
            }
            if (!once) {
                // Only while the database is up: with --once it stops as this returns.
                System.out.println();
                System.out.println("The mart: " + database.psqlCommand() + "   (password: any, trust on loopback)");
                System.out.println("  e.g. SELECT * FROM iwddm.iwd_agg_task_classif_hour; SELECT * FROM iwddm.task_fact LIMIT 5;");
                System.out.println("The database stays up until Ctrl-C.");
                awaitInterrupt();
            }
        }
        return 0;
    }

    private static void awaitInterrupt() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "iwddm-demo-stop"));
        stopped.await();
    }
}
