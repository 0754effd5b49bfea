package org.iwddm.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iwddm.testing.LauncherOptions;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the job as operators do and times it: a separate process whose wall time includes
 * the JVM's start. BIN runs {@code bin/iwddm run} (the launcher and its container JVM
 * options, the fat jar in the build dir); CLASSPATH runs org.iwddm.cli.Main with the same JVM
 * options on this JVM's class path, for the smoke test, where no jar has been packaged yet.
 * With memory measured, the process runs under {@code /usr/bin/time -v} for its peak RSS.
 */
final class JobLauncher {
    static final Path LAUNCHER = Path.of("bin", "iwddm").toAbsolutePath();
    static final Path TIME = Path.of("/usr/bin/time");
    private static final Duration TIMEOUT = Duration.ofHours(2);
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    enum Mode { BIN, CLASSPATH }

    /**
     * One finished job process. startupSeconds: launch to its first log line (JVM start,
     * configuration); workSeconds: first to last log line (connect, lock, the chain);
     * pageSeconds: the sum of the "seconds" of its "page loaded" lines (fetch, checks, load).
     */
    record JobRun(int exitCode, double seconds, double startupSeconds, double workSeconds, double pageSeconds,
            long peakRssKib, String lastLogLine, String stderrTail) {

        /** The run with the median wall time (the lower middle one of an even count). */
        static JobRun median(List<JobRun> runs) {
            List<JobRun> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(JobRun::seconds)).toList();
            return sorted.get((sorted.size() - 1) / 2);
        }

        /** Seconds from the last log line to the process's end (JVM exit). */
        double exitSeconds() {
            return seconds - startupSeconds - workSeconds;
        }

        /** Exit 0 is not enough: a run skipped for the lock also exits 0, and measured nothing. */
        JobRun requireSuccess(String what) {
            if (exitCode != 0 || !message().startsWith("run succeeded")) {
                throw new IllegalStateException(what + ": the job exited with " + exitCode + "; last log line: "
                        + lastLogLine + "\nstderr: " + stderrTail);
            }
            return this;
        }

        /** The message of the last log line (the run's outcome), or "" when it is not JSON. */
        String message() {
            try {
                return JsonParser.parseString(lastLogLine).getAsJsonObject().get("message").getAsString();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    private final Mode mode;
    private final Path buildDir;
    private final Path workDir;

    JobLauncher(Mode mode, Path buildDir, Path workDir) {
        this.mode = mode;
        this.buildDir = buildDir.toAbsolutePath();
        this.workDir = workDir;
        if (mode == Mode.BIN && !Files.isRegularFile(this.buildDir.resolve("iwddm.jar"))) {
            throw new IllegalStateException(this.buildDir.resolve("iwddm.jar") + " is missing: build it first"
                    + " (bench/run does: mvn -Diwddm.build.dir=<dir> -DskipTests package)");
        }
    }

    Mode mode() {
        return mode;
    }

    /** The JVM options of bin/iwddm's jvm_opts=( ... ) array, as the container runs the job. */
    static List<String> launcherJvmOptions() throws IOException {
        return LauncherOptions.jvmOptions(LAUNCHER);
    }

    /**
     * The JVM options the job runs with: the launcher's, plus the class data sharing archive
     * that bin/iwddm adds when {@code <build dir>/iwddm.jsa} is newer than the jar.
     */
    List<String> jvmOptions() throws IOException {
        List<String> options = new ArrayList<>(launcherJvmOptions());
        Path archive = buildDir.resolve("iwddm.jsa");
        Path jar = buildDir.resolve("iwddm.jar");
        if (mode == Mode.BIN && Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-Xshare:on");
        }
        return options;
    }

    JobRun run(Map<String, String> env, boolean measureMemory) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(workDir, "job", ".log");
        Path stderr = Files.createTempFile(workDir, "job", ".err");
        Path time = Files.createTempFile(workDir, "job", ".time");
        ProcessBuilder builder = new ProcessBuilder(command(measureMemory, time))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("IWDDM_BUILD_DIR", buildDir.toString());
        builder.environment().putAll(env);
        Instant launched = Instant.now();
        long started = System.nanoTime();
        int exitCode = waitFor(builder.start());
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> log = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        JobRun run = new JobRun(exitCode, seconds, secondsBetween(launched, timestampOf(log, 0)),
                secondsBetween(timestampOf(log, 0), timestampOf(log, log.size() - 1)), pageSeconds(log),
                measureMemory ? peakRss(time) : -1, log.isEmpty() ? "(no log line)" : log.get(log.size() - 1),
                tail(Files.readString(stderr)));
        Files.delete(stdout);
        Files.delete(stderr);
        Files.delete(time);
        return run;
    }

    private List<String> command(boolean measureMemory, Path time) throws IOException {
        List<String> command = new ArrayList<>();
        if (measureMemory) {
            if (!Files.isExecutable(TIME)) {
                throw new IllegalStateException(TIME + " is missing: the memory scenario needs GNU time"
                        + " (apt-get install time)");
            }
            command.addAll(List.of(TIME.toString(), "-v", "-o", time.toString()));
        }
        if (mode == Mode.BIN) {
            command.add(LAUNCHER.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(launcherJvmOptions());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iwddm.cli.Main"));
        }
        command.add("run");
        return command;
    }

    private static int waitFor(Process process) throws InterruptedException {
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the job did not finish within " + TIMEOUT);
            }
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Instant timestampOf(List<String> log, int index) {
        if (log.isEmpty()) {
            return null;
        }
        try {
            JsonObject line = JsonParser.parseString(log.get(index)).getAsJsonObject();
            return Instant.parse(line.get("timestamp").getAsString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double pageSeconds(List<String> log) {
        double seconds = 0;
        for (String line : log) {
            if (line.contains("\"page loaded\"")) {
                JsonObject page = JsonParser.parseString(line).getAsJsonObject();
                seconds += page.has("seconds") ? page.get("seconds").getAsDouble() : 0;
            }
        }
        return seconds;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private static long peakRss(Path time) throws IOException {
        Matcher rss = MAX_RSS.matcher(Files.readString(time));
        if (!rss.find()) {
            throw new IllegalStateException("/usr/bin/time -v reported no maximum resident set size");
        }
        return Long.parseLong(rss.group(1));
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
