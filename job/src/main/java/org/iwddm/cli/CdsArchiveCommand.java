package org.iwddm.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.iwddm.config.Variable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code iwddm cds-archive}: writes a class data sharing archive for this jar and this Java
 * runtime. Training needs nothing outside this process tree, so any machine and architecture can
 * build it (the image's build does): a {@code run} against nothing (a database port that refuses)
 * lists the classes it loads, from start through configuration, logging and the JDBC driver, to
 * the failure's log line; a second JVM dumps them into one static archive (JDK and job classes:
 * a jlink-trimmed runtime has no archive of its own); a third must map it with -Xshare:on, else
 * the command fails. All three are JVMs with this JVM's options and class path (jar files only).
 */
@Command(name = "cds-archive", mixinStandardHelpOptions = true,
        description = {"Writes a class data sharing archive for a faster start of `iwddm run`.",
                "Trains a run against nothing (no database, no IWD), dumps the classes it loaded and checks "
                + "that the archive maps.",
                "Use it with -XX:SharedArchiveFile=FILE -Xshare:on (bin/iwddm and the image do); it fits this jar "
                + "and this Java runtime only."},
        footer = {"", "Exit status: 0 archive written and mapped, 1 training, dump or check failed, 2 not run from jar files."})
final class CdsArchiveCommand implements Callable<Integer> {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

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
        Path target = archive != null ? archive : Path.of(classPath.get(0)).toAbsolutePath().resolveSibling("iwddm.jsa");
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Path classList = Files.createTempFile("iwddm-classes", ".lst");
        try {
            Files.deleteIfExists(partial);
            java(1, List.of("-XX:DumpLoadedClassList=" + classList), TRAINING_ENVIRONMENT, Main.class.getName(), "run");
            java(0, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial),
                    Map.of());
            java(0, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + partial), Map.of(), Main.class.getName(), "--version");
        } catch (IOException failed) {
            System.err.println("iwddm cds-archive: " + failed.getMessage());
            Files.deleteIfExists(partial);
            return 1;
        } finally {
            Files.deleteIfExists(classList);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("class data sharing archive written: " + target + " (" + Files.size(target) / 1024 + " KiB)");
        return 0;
    }

    /** A complete configuration whose database refuses at once (port 9 on loopback): the run fails fast, exit 1. */
    private static final Map<String, String> TRAINING_ENVIRONMENT = Map.of(
            Variable.IWDDM_DB_HOST.name(), "127.0.0.1",
            Variable.IWDDM_DB_PORT.name(), "9",
            Variable.IWDDM_DB_NAME.name(), "iwddm_training",
            Variable.IWDDM_DB_USER.name(), "iwddm_training",
            Variable.IWDDM_DB_PASSWORD.name(), "training",
            Variable.IWDDM_REST_URL.name(), "http://127.0.0.1:9/iwd/v3",
            Variable.IWDDM_API_KEY.name(), "training-key",
            Variable.IWDDM_CCID.name(), "training",
            Variable.IWDDM_SECRETS_DIRS.name(), "/nonexistent/iwddm-training");

    /**
     * Runs a JVM like this one (its options, without any archive of its own) with these extra
     * options and this environment; throws with its output when it does not exit as expected.
     */
    private static void java(int expectedExit, List<String> extraOptions, Map<String, String> environment, String... mainAndArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedOptions());
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        Path log = Files.createTempFile("iwddm-cds", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process step = builder.start();
            if (!step.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                step.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + STEP_TIMEOUT);
            }
            if (step.exitValue() != expectedExit) {
                throw new IOException(String.join(" ", command) + " exited " + step.exitValue() + " (expected "
                        + expectedExit + "):\n" + Files.readString(log));
            }
        } finally {
            Files.delete(log);
        }
    }

    /** This JVM's options, without any archive or class list of its own. */
    private static List<String> inheritedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:ArchiveClassesAtExit")
                        && !option.startsWith("-XX:DumpLoadedClassList") && !option.startsWith("-Xshare"))
                .toList();
    }
}
