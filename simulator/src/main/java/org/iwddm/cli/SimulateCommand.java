package org.iwddm.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.IwdSimulator;
import org.iwddm.sim.SimClock;
import org.iwddm.sim.SimulatorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iwddm simulate}: a simulated IWD feed server on loopback, until Ctrl-C. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serves a simulated IWD task-event feed (FEED.md) on a loopback port until Ctrl-C.",
                "The stream is generated from a seed (the same seed gives the same events); an event is "
                + "served once the simulated clock, running --speed simulated seconds per real second from "
                + "--start, has passed its arrival.", "Point IWDDM_REST_URL at the printed URL."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "4024", description = "Loopback port (0: any free one). Default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key", defaultValue = "demo-key", description = "The x-api-key requests must carry. Default ${DEFAULT-VALUE}.")
    String apiKey;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated stream. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--start", defaultValue = "2026-11-20T00:00:00Z", description = "Simulated start instant. Default ${DEFAULT-VALUE}.")
    Instant start;

    @Option(names = "--days", defaultValue = "7", description = "Simulated days of tasks to generate. Default ${DEFAULT-VALUE}.")
    double days;

    @Option(names = "--tasks-per-hour", defaultValue = "120", description = "Mean new tasks per simulated hour. Default ${DEFAULT-VALUE}.")
    double tasksPerHour;

    @Option(names = "--late-share", defaultValue = "0.05", description = "Share of events arriving late (0..0.5). Default ${DEFAULT-VALUE}.")
    double lateShare;

    @Option(names = "--bad-share", defaultValue = "0.01", description = "Share of bad events (0..0.5). Default ${DEFAULT-VALUE}.")
    double badShare;

    @Option(names = "--speed", defaultValue = "3600", description = "Simulated seconds per real second. Default ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--fail-every", defaultValue = "0", description = "Answer every Nth request with HTTP 500 (0: never).")
    int failEvery;

    @Option(names = "--slow-ms", defaultValue = "0", description = "Wait this many milliseconds before every answer.")
    long slowMillis;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SimulatorSettings settings;
        try {
            FeedConfig feed = SimulatorSettings.feed(seed, start, tasksPerHour, days, lateShare, badShare);
            settings = new SimulatorSettings(port, apiKey, feed, speed, failEvery, Duration.ofMillis(slowMillis));
        } catch (IllegalArgumentException e) {
            System.err.println("iwddm simulate: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (IwdSimulator simulator = IwdSimulator.start(settings, SimClock.realTime(start, speed))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "iwddm-simulate-stop"));
            System.out.println("simulated IWD serving " + simulator.restUrl() + "/tasks/events ("
                    + settings.feed().tasks() + " tasks from " + start + ", " + speed + "x); Ctrl-C stops it");
            System.out.println("e.g. IWDDM_REST_URL=" + simulator.restUrl() + " IWDDM_API_KEY=<the key> IWDDM_CCID=demo bin/iwddm run");
            stopped.await();
        }
        return 0;
    }
}
