package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iwddm cds-archive}: trains an archive that a later JVM on the same jars maps. CDS takes
 * classes from jar files only, so the main classes are packed into a jar here first.
 */
class CdsArchiveTest {
    @TempDir
    Path temp;

    @Test
    void writesAnArchiveThatALaterStartMaps() throws Exception {
        String classPath = jarOnlyClassPath();
        Path archive = temp.resolve("iwddm.jsa");

        Process training = java(List.of("-Xmx256m", "-XX:MaxDirectMemorySize=128m", "-Xlog:disable",
                "-Xlog:all=warning:stderr"), classPath, "cds-archive", archive.toString());
        String trainingOutput = finish(training, 300);
        assertEquals(0, training.exitValue(), trainingOutput);
        assertTrue(trainingOutput.contains("class data sharing archive written: " + archive), trainingOutput);

        Process later = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"), classPath, "--version");
        String loaded = finish(later, 60);
        assertEquals(0, later.exitValue(), loaded);
        assertTrue(loaded.contains("org.iwddm.cli.Main source: shared objects file (top)"), "Main comes from the archive");

        Process listing = java(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit"), classPath);
        String archived = finish(listing, 60);
        for (String used : List.of("org.iwddm.chain.JobRunner", "org.iwddm.db.ShippedMigrations", "org.postgresql.Driver",
                "org.apache.hc.client5.http.impl.classic.CloseableHttpClient", "org.iwddm.feed.JsonScanner")) {
            assertTrue(archived.contains(": " + used + " app_loader"), used + " is archived:\n" + archived);
        }
    }

    @Test
    void refusesAClassPathWithDirectories() {
        Path archive = temp.resolve("never.jsa");
        assertEquals(RunCommand.CONFIG_INVALID, Main.execute(Map.of(), "cds-archive", archive.toString()));
        assertTrue(Files.notExists(archive));
    }

    /** This test's class path with the main classes' directory packed into a jar; other directories dropped. */
    private String jarOnlyClassPath() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = temp.resolve("iwddm-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.skip(1)::iterator) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    out.write(Files.readAllBytes(file));
                }
            }
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }

    private static Process java(List<String> options, String classPath, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process, long seconds) throws Exception {
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "finished in time");
        return new String(output, StandardCharsets.UTF_8).lines().collect(Collectors.joining("\n"));
    }
}
