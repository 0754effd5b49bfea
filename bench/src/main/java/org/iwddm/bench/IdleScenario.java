package org.iwddm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iwddm.sim.IwdSimulator;

/**
 * Scenario 6, the idle run: what a scheduled run costs when nothing is new. The N events are
 * loaded (intraday), one untimed run of the production default chain (full: initialize if
 * needed, intraday, historical) settles the mart (the historical step may close days), then
 * that chain runs R more times against the same feed with the cursor at its end: JVM start,
 * connect, run lock, schema check, an empty page, the historical step with nothing to do.
 * Each run must exit 0 and change neither the cursor nor the facts.
 */
final class IdleScenario {
    /** Wall seconds per idle run, and the median run (its start-up / work split from the job's log). */
    record Result(Stats seconds, JobLauncher.JobRun medianRun) {
    }

    private IdleScenario() {
    }

    static Result run(Marts marts, BenchFeed feed, IwdSimulator server, JobLauncher launcher, BenchSettings settings)
            throws Exception {
        try (Marts.Mart mart = marts.fresh()) {
            int batchSize = settings.batchSize();
            JobLauncher.JobRun load = launcher.run(mart.jobEnvironment(server.restUrl(), batchSize, "intraday"), false);
            PipelineScenario.requireWholeFeed(mart, feed, load, "idle scenario's load");
            Map<String, String> full = mart.jobEnvironment(server.restUrl(), batchSize, "full");
            launcher.run(full, false).requireSuccess("idle scenario's settling full run");
            List<JobLauncher.JobRun> runs = new ArrayList<>();
            for (int run = 0; run < settings.idleRuns(); run++) {
                JobLauncher.JobRun idle = launcher.run(full, false);
                PipelineScenario.requireWholeFeed(mart, feed, idle, "idle run");
                if (!idle.message().contains(" loaded 0 events")) {
                    throw new IllegalStateException("the idle run was not idle: " + idle.message());
                }
                runs.add(idle);
                Progress.say("idle run %d/%d: %.2f s", run + 1, settings.idleRuns(), idle.seconds());
            }
            return new Result(Stats.of(runs.stream().mapToDouble(JobLauncher.JobRun::seconds).toArray()),
                    JobLauncher.JobRun.median(runs));
        }
    }
}
