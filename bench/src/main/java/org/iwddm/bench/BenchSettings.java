package org.iwddm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What one run of the suite measures and where it writes. Defaults are the published sizes;
 * --quick shrinks them for trying the harness out and writes to a temporary file unless --out
 * is given, so docs/benchmarks.md only ever holds full-size figures.
 *
 * @param events           N: events of the floor, pipeline and naive-peer scenarios
 * @param runs             R: repetitions of each timed scenario
 * @param incrementalRuns  repetitions of each incremental load (rolled back each time)
 * @param idleRuns         repetitions of the idle run
 * @param martEvents       M: events of the big mart in the incremental scenario
 * @param incrementalBatch events of the batch loaded into the empty and the big mart
 * @param memoryEvents     K: events of the memory run
 * @param batchSizes       the pipeline and the chunked floor run at each of these (all <= N)
 * @param batchSize        the batch size of the headline pipeline and naive-peer figures
 * @param out              the markdown file; the chart is written next to it
 * @param launcher         how the job process is started
 */
record BenchSettings(boolean quick, int events, int runs, int incrementalRuns, int idleRuns, int martEvents,
        int incrementalBatch, int memoryEvents, List<Integer> batchSizes, int batchSize, Path out,
        JobLauncher.Mode launcher, Path buildDir) {

    static final int DEFAULT_BATCH_SIZE = 10_000;
    static final List<Integer> DEFAULT_SWEEP = List.of(1_000, 5_000, 10_000, 50_000);

    static final String USAGE = "usage: BenchmarkSuite [--quick] [--events N] [--runs R] [--mart-events M]"
            + " [--memory-events K] [--incremental-batch B] [--incremental-runs R] [--idle-runs R]"
            + " [--batch-sizes a,b,...] [--out FILE] [--launcher bin|classpath] [--build-dir DIR]";

    BenchSettings {
        require(events >= 1 && runs >= 1 && incrementalRuns >= 1 && idleRuns >= 1, "sizes and runs must be >= 1");
        require(martEvents >= 1 && incrementalBatch >= 1 && memoryEvents >= 1, "sizes must be >= 1");
        batchSizes = List.copyOf(batchSizes);
        require(batchSizes.contains(batchSize), "the headline batch size must be one of the sweep's");
        require(batchSizes.stream().allMatch(b -> b >= 1 && b <= events), "batch sizes must be 1..N");
    }

    static BenchSettings parse(String... args) throws IOException {
        Options options = new Options(args);
        boolean quick = options.flag("--quick");
        int events = options.integer("--events", quick ? 5_000 : 100_000);
        int runs = options.integer("--runs", 3);
        List<Integer> sweep = sweep(options.integers("--batch-sizes", DEFAULT_SWEEP), events);
        int batchSize = Math.min(DEFAULT_BATCH_SIZE, events);
        sweep = withHeadline(sweep, batchSize);
        BenchSettings settings = new BenchSettings(quick, events, runs,
                options.integer("--incremental-runs", Math.max(runs, 5)),
                options.integer("--idle-runs", Math.max(runs, 5)),
                options.integer("--mart-events", quick ? 20_000 : 2_000_000),
                options.integer("--incremental-batch", 10_000),
                options.integer("--memory-events", quick ? 20_000 : 1_000_000),
                sweep, batchSize, out(options, quick),
                launcher(options.text("--launcher", "bin")),
                Path.of(options.text("--build-dir", System.getenv().getOrDefault("IWDDM_BUILD_DIR", "target"))));
        options.requireAllUsed();
        return settings;
    }

    private static JobLauncher.Mode launcher(String name) {
        return switch (name) {
            case "bin" -> JobLauncher.Mode.BIN;
            case "classpath" -> JobLauncher.Mode.CLASSPATH;
            default -> throw new IllegalArgumentException("--launcher must be bin or classpath, not " + name + "\n" + USAGE);
        };
    }

    /** The requested sizes capped at N, without repeats, ascending. */
    private static List<Integer> sweep(List<Integer> requested, int events) {
        TreeSet<Integer> sizes = new TreeSet<>();
        requested.forEach(size -> sizes.add(Math.min(size, events)));
        return new ArrayList<>(sizes);
    }

    private static List<Integer> withHeadline(List<Integer> sweep, int batchSize) {
        TreeSet<Integer> sizes = new TreeSet<>(sweep);
        sizes.add(batchSize);
        return new ArrayList<>(sizes);
    }

    private static Path out(Options options, boolean quick) throws IOException {
        String out = options.text("--out", null);
        if (out != null) {
            return Path.of(out).toAbsolutePath();
        }
        return quick ? Files.createTempDirectory("iwddm-bench-quick").resolve("benchmarks.md")
                : Path.of("docs", "benchmarks.md").toAbsolutePath();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message + "\n" + USAGE);
        }
    }

    /** --name value pairs and bare flags; anything unknown is an error, not silently ignored. */
    private static final class Options {
        private final List<String> args;
        private final boolean[] used;

        Options(String[] args) {
            this.args = Arrays.asList(args);
            this.used = new boolean[args.length];
        }

        boolean flag(String name) {
            int at = args.indexOf(name);
            if (at >= 0) {
                used[at] = true;
            }
            return at >= 0;
        }

        String text(String name, String fallback) {
            int at = args.indexOf(name);
            if (at < 0) {
                return fallback;
            }
            require(at + 1 < args.size(), name + " needs a value");
            used[at] = true;
            used[at + 1] = true;
            return args.get(at + 1);
        }

        int integer(String name, int fallback) {
            String value = text(name, null);
            try {
                return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + value + "\n" + USAGE, e);
            }
        }

        List<Integer> integers(String name, List<Integer> fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            List<Integer> values = new ArrayList<>();
            for (String part : value.split(",")) {
                values.add(Integer.parseInt(part.trim().replace("_", "")));
            }
            return values;
        }

        void requireAllUsed() {
            for (int i = 0; i < used.length; i++) {
                require(used[i], "unknown argument " + args.get(i));
            }
        }
    }
}
