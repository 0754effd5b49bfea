package org.iwddm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.iwddm.feed.FakeIwd;
import org.iwddm.sim.IwdSimulator;

/**
 * The benchmark harness (run by bench/run, inside a throwaway PostgreSQL cluster): measures the
 * job against two floors (A: a bare COPY; B: the minimal in-database load) and a naive peer on
 * this machine, prints the headline table and writes docs/benchmarks.md with a chart. Scenarios:
 * {@link FloorScenario}, {@link FloorBScenario},
 * {@link PipelineScenario}, {@link NaivePeerScenario}, {@link IncrementalScenario},
 * {@link MemoryScenario}, {@link IdleScenario}. Arguments: see {@link BenchSettings#USAGE}.
 */
public final class BenchmarkSuite {
    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        try {
            BenchSettings settings = BenchSettings.parse(args);
            Results results = run(settings);
            System.out.println(ResultTable.of(results).markdown());
            ResultTable.of(results).missedTargets().forEach(miss -> System.out.println("- " + miss));
            System.out.println("\nwrote " + settings.out() + " and " + MarkdownReport.chartPath(settings.out()));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs every scenario, writes the report; returns what was measured. */
    static Results run(BenchSettings settings) throws Exception {
        try (Marts marts = Marts.create()) {
            return run(settings, marts);
        }
    }

    /** The same, with fresh marts taken from the given template. */
    static Results run(BenchSettings settings, Marts marts) throws Exception {
        Path work = Files.createTempDirectory("iwddm-bench");
        try {
            JobLauncher launcher = new JobLauncher(settings.launcher(), settings.buildDir(), work);
            MachineInfo machine;
            try (Marts.Mart mart = marts.fresh(); Connection connection = mart.connect()) {
                machine = MachineInfo.collect(connection);
            }
            Progress.say("generating %,d events", settings.events());
            long generating = System.nanoTime();
            BenchFeed feed = BenchFeed.write(BenchFeed.busyTenant(settings.events()), settings.events(),
                    work.resolve("feed.ndjson"));
            double feedSeconds = (System.nanoTime() - generating) / 1e9;
            Results results = runScenarios(settings, marts, launcher, feed, work, machine, feedSeconds);
            MarkdownReport.write(results);
            return results;
        } finally {
            deleteTree(work);
        }
    }

    private static Results runScenarios(BenchSettings settings, Marts marts, JobLauncher launcher, BenchFeed feed,
            Path work, MachineInfo machine, double feedSeconds) throws Exception {
        try (IwdSimulator server = IwdSimulator.serve(feed, FakeIwd.API_KEY, FakeIwd.CCID)) {
            FloorScenario.Result floor = FloorScenario.run(marts, feed, settings);
            FloorBScenario.Result floorB = FloorBScenario.run(marts, feed, settings);
            PipelineScenario.Result pipeline = PipelineScenario.run(marts, feed, server, launcher, settings);
            Stats naive = NaivePeerScenario.run(marts, feed, server, settings);
            IdleScenario.Result idle = IdleScenario.run(marts, feed, server, launcher, settings);
            MemoryScenario.Result memory = MemoryScenario.run(marts, launcher, settings, work);
            IncrementalScenario.Result incremental = IncrementalScenario.run(marts, settings);
            return new Results(settings, machine, launcher.jvmOptions(), feedSeconds, floor, floorB, pipeline,
                    naive, incremental, memory, idle);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
