package org.iwddm.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.iwddm.config.Variable;
import org.iwddm.demo.DemoDatabase;
import org.iwddm.demo.DemoTarget;
import org.iwddm.sim.IwdSimulator;
import org.iwddm.sim.SimClock;
import org.iwddm.sim.SimulatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code iwddm cds-archive}: writes the class data sharing archive of an idle run. Training is
 * self-contained (the demo's embedded PostgreSQL and a simulated IWD in this process): one run
 * loads the feed, then a second, idle run (nothing new: the CronJob's usual case) dumps every
 * class it loaded, parsed and verified, for later runs to map instead of load. Both runs are
 * separate JVMs with this JVM's options and class path, which must be jar files only (CDS).
 */
@Command(name = "cds-archive", mixinStandardHelpOptions = true,
        description = {"Writes a class data sharing archive for a faster start of `iwddm run`.",
                "Trains an idle run against an embedded PostgreSQL and a simulated IWD.",
                "Use the archive with -XX:SharedArchiveFile=FILE (bin/iwddm and the image do); it fits this jar "
                + "and this JVM only."},
        footer = {"", "Exit status: 0 archive written, 1 training failed, 2 not run from jar files."})
final class CdsArchiveCommand implements Callable<Integer> {
    private static final Instant FEED_START = Instant.parse("2026-11-20T00:00:00Z");
    private static final String API_KEY = "training-key";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Where to write the archive. Default: iwddm.jsa next to the jar.")
    private Path archive;

    @Override
    public Integer call() throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        if (!classPath.stream().allMatch(entry -> entry.endsWith(".jar"))) {
            System.err.println("iwddm cds-archive: CDS archives classes from jar files only; run it from the packaged"
                    + " jar (bin/iwddm cds-archive), not from " + String.join(File.pathSeparator, classPath));
            return RunCommand.CONFIG_INVALID;
        }
        // The embedded PostgreSQL's chatter, logged through tinylog: only when something is wrong.
        System.setProperty("tinylog.writer.level", "warn");
        Path target = archive != null ? archive : Path.of(classPath.get(0)).toAbsolutePath().resolveSibling("iwddm.jsa");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        String log = train(partial);
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            System.err.println("iwddm cds-archive: the training run wrote no archive; its output:\n" + log);
            return 1;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("class data sharing archive written: " + target + " (" + Files.size(target) / 1024 + " KiB)");
        return 0;
    }

    /** A first run loads the whole simulated day; the second finds nothing new and dumps its classes. */
    private static String train(Path partial) throws IOException, InterruptedException {
        SimClock.Stepped clock = new SimClock.Stepped(FEED_START.plus(Duration.ofDays(1)));
        SimulatorSettings settings = new SimulatorSettings(0, API_KEY,
                SimulatorSettings.feed(1, FEED_START, 60, 1, 0.05, 0.01), 1, 0, Duration.ZERO);
        try (DemoDatabase database = DemoDatabase.start(); IwdSimulator iwd = IwdSimulator.start(settings, clock)) {
            Map<String, String> environment = environment(DemoTarget.of(database), iwd);
            runJob(environment, List.of());
            return runJob(environment, List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds*=error:stderr"));
        }
    }

    private static Map<String, String> environment(DemoTarget target, IwdSimulator iwd) {
        return Map.of(Variable.IWDDM_DB_HOST.name(), target.host(),
                Variable.IWDDM_DB_PORT.name(), Integer.toString(target.port()),
                Variable.IWDDM_DB_NAME.name(), target.database(),
                Variable.IWDDM_DB_USER.name(), target.user(),
                Variable.IWDDM_DB_PASSWORD.name(), target.password(),
                Variable.IWDDM_REST_URL.name(), iwd.restUrl().toString(),
                Variable.IWDDM_API_KEY.name(), API_KEY,
                Variable.IWDDM_CCID.name(), "training",
                Variable.IWDDM_SECRETS_DIRS.name(), "/nonexistent/iwddm-training");
    }

    /** {@code iwddm run} in a JVM like this one; returns its output (stdout and stderr), throws when it fails. */
    private static String runJob(Map<String, String> environment, List<String> extraOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedOptions());
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
        Path log = Files.createTempFile("iwddm-training", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process job = builder.start();
            if (!job.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                job.destroyForcibly();
                throw new IOException("the training run did not finish within " + RUN_TIMEOUT + ":\n" + Files.readString(log));
            }
            if (job.exitValue() != 0) {
                throw new IOException("the training run failed (exit " + job.exitValue() + "):\n" + Files.readString(log));
            }
            return Files.readString(log);
        } finally {
            Files.delete(log);
        }
    }

    /** This JVM's options, without any archive of its own (the training run writes one). */
    private static List<String> inheritedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:ArchiveClassesAtExit")
                        && !option.startsWith("-Xshare"))
                .toList();
    }
}
