package org.iwddm.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The job as a separate JVM (the test classpath, org.iwddm.cli.Main), so tests can read its
 * stdout, check its exit status and SIGKILL it mid-page.
 */
public final class JobProcess implements AutoCloseable {
    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private JobProcess(Process process) {
        this.process = process;
        this.stdoutReader = pump(process.getInputStream(), stdout::add);
        this.stderrReader = pump(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        });
    }

    /** Starts {@code iwddm <args>} with exactly this environment (plus PATH). */
    public static JobProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx96m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        return new JobProcess(builder.start());
    }

    /** Runs to the end; fails the test when it takes longer than the timeout. */
    public static JobProcess run(Map<String, String> environment, String... args) throws Exception {
        JobProcess job = start(environment, args);
        job.waitFor(Duration.ofMinutes(2));
        return job;
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("job did not finish within " + timeout + "; stdout:\n" + stdout());
        }
        stdoutReader.join(10_000);
        stderrReader.join(10_000);
        return process.exitValue();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGTERM, as Kubernetes sends before it kills: shutdown hooks run. Through the process
     * handle: Process.destroy() would also close our ends of its pipes, losing its last lines.
     */
    public int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return waitFor(java.time.Duration.ofSeconds(60));
    }

    /** SIGKILL: no shutdown hook, no rollback by the job; the database must cope. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        stdoutReader.join(10_000);
    }

    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public String stdout() {
        return String.join("\n", stdoutLines());
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Every stdout line parsed as JSON; fails when one is not a JSON object (SPEC §1). */
    public List<JsonObject> logLines() {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : stdoutLines()) {
            try {
                lines.add(JsonParser.parseString(line).getAsJsonObject());
            } catch (RuntimeException e) {
                throw new AssertionError("stdout line is not a JSON object: " + line, e);
            }
        }
        return lines;
    }

    public JsonObject lastLogLine() {
        List<JsonObject> lines = logLines();
        if (lines.isEmpty()) {
            throw new AssertionError("no log lines; stderr:\n" + stderr());
        }
        return lines.get(lines.size() - 1);
    }

    private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
