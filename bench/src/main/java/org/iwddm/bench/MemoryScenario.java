package org.iwddm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iwddm.feed.FakeIwd;
import org.iwddm.sim.IwdSimulator;

/**
 * Scenario 5, memory: peak resident set of the job process (GNU time's maximum RSS) over one
 * run of K events (the intraday chain, the production default batch size, the launcher's
 * container JVM options) into a fresh mart. One run: the peak is a property of the streaming
 * design, not a noisy timing. The run is checked like a pipeline run.
 */
final class MemoryScenario {
    /** Peak RSS in KiB, and the run's wall time. */
    record Result(long peakRssKib, double seconds, int events, int batchSize) {
    }

    private MemoryScenario() {
    }

    static Result run(Marts marts, JobLauncher launcher, BenchSettings settings, Path workDir) throws Exception {
        Path file = workDir.resolve("memory-feed.ndjson");
        Progress.say("memory: generating %,d events", settings.memoryEvents());
        BenchFeed feed = BenchFeed.write(BenchFeed.busyTenant(settings.memoryEvents()), settings.memoryEvents(), file);
        int batchSize = Math.min(BenchSettings.DEFAULT_BATCH_SIZE, feed.events());
        try (IwdSimulator server = IwdSimulator.serve(feed, FakeIwd.API_KEY, FakeIwd.CCID); Marts.Mart mart = marts.fresh()) {
            JobLauncher.JobRun job = launcher.run(mart.jobEnvironment(server.restUrl(), batchSize, "intraday"), true);
            PipelineScenario.requireWholeFeed(mart, feed, job, "memory run");
            Progress.say("memory: %,d events in %.1f s, peak RSS %.1f MiB", feed.events(), job.seconds(),
                    job.peakRssKib() / 1024.0);
            return new Result(job.peakRssKib(), job.seconds(), feed.events(), batchSize);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
