package org.iwddm.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iwddm.config.TestEnvironment;
import org.iwddm.sim.FeedConfig;
import org.iwddm.sim.FeedGenerator;
import org.iwddm.testing.TestDatabase;

/**
 * End-to-end throughput and memory of the job: N generated events (FeedGenerator: late and bad
 * events mixed in, no re-sends) served by a fake IWD in pages, loaded by {@code bin/iwddm run}
 * (the default full chain, the launcher's JVM options) into a fresh migrated database, under
 * {@code /usr/bin/time -v}. Prints events/s and the job's peak RSS. Run by scripts/bench-e2e,
 * inside pg_virtualenv; not a test (surefire skips *Benchmark).
 * Arguments: build dir (holding iwddm.jar), events, page size.
 */
public final class EndToEndBenchmark {
    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path buildDir = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        int pageSize = Integer.parseInt(args[2]);
        Path work = Files.createTempDirectory("iwddm-bench");
        FeedGenerator generator = new FeedGenerator(FeedConfig.builder().seed(20261120).tasks(events / 4)
                .duplicateShare(0).build());
        long generating = System.nanoTime();
        try (FileBackedIwd iwd = FileBackedIwd.write(generator.iterator(), events, work.resolve("feed.ndjson"));
             TestDatabase database = TestDatabase.createMigrated()) {
            System.out.printf(Locale.ROOT, "feed: %d events written and indexed in %.1f s%n", iwd.events(),
                    (System.nanoTime() - generating) / 1e9);
            Map<String, String> env = TestEnvironment.forJob(database, iwd.restUrl());
            env.put("IWDDM_BATCH_SIZE", Integer.toString(pageSize));
            env.put("IWDDM_EXECUTION_CHAIN", "full");
            env.put("IWDDM_BUILD_DIR", buildDir.toString());
            env.put("PATH", System.getenv("PATH"));
            Run run = runJob(env, work);
            report(iwd, database, run, pageSize);
        }
    }

    private record Run(int exitCode, double seconds, long peakRssKib, List<String> log) {
    }

    private static Run runJob(Map<String, String> env, Path work) throws IOException, InterruptedException {
        Path log = work.resolve("job.log");
        Path time = work.resolve("time.txt");
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/time", "-v", "-o", time.toString(),
                Path.of("bin", "iwddm").toAbsolutePath().toString(), "run")
                .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(env);
        long started = System.nanoTime();
        int exitCode = builder.start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(Files.readString(time));
        return new Run(exitCode, seconds, rss.find() ? Long.parseLong(rss.group(1)) : -1,
                Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private static void report(FileBackedIwd iwd, TestDatabase database, Run run, int pageSize) throws Exception {
        System.out.println("job's last log line: " + run.log().get(run.log().size() - 1));
        long cursor = Runs.cursor(database);
        long facts = Runs.count(database, "SELECT count(*) FROM iwddm.task_event_fact");
        long rejected = Runs.count(database, "SELECT count(*) FROM iwddm.rejected_event");
        System.out.printf(Locale.ROOT, "exit %d; cursor %d (feed's last id %d); %d events loaded, %d rejected%n",
                run.exitCode(), cursor, iwd.lastId(), facts, rejected);
        System.out.printf(Locale.ROOT, "end to end: %d events in pages of %d in %.1f s = %.0f events/s%n",
                iwd.events(), pageSize, run.seconds(), iwd.events() / run.seconds());
        System.out.printf(Locale.ROOT, "peak RSS of the job process: %.1f MiB (goal < 160 MiB)%n",
                run.peakRssKib() / 1024.0);
        if (run.exitCode() != 0 || cursor != iwd.lastId()) {
            throw new IllegalStateException("the benchmark run did not load the whole feed");
        }
    }
}
