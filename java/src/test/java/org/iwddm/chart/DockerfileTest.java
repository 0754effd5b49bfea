package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image runs the job like bin/iwddm does (no Docker engine here: the text is checked). */
class DockerfileTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    void imageUsesTheLaunchersJvmOptions() throws IOException {
        assertEquals(launcherJvmOptions(), imageJvmOptions());
    }

    @Test
    void imageBuildsWithMavenAndRunsTheJarAsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM maven:3-eclipse-temurin-17 AS build"), "build stage");
        assertTrue(dockerfile.contains("mvn -B -ntp -q -DskipTests"), "the build packages without tests");
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre\n"), "JRE runtime stage");
        assertTrue(dockerfile.contains("USER 10001:10001"), "numeric non-root user, as the chart's runAsUser");
        assertTrue(dockerfile.contains("-jar /app/iwddm.jar") && dockerfile.contains("CMD [\"run\"]"),
                "the entrypoint runs the job");
    }

    private static List<String> launcherJvmOptions() throws IOException {
        String launcher = Files.readString(ROOT.resolve("bin/iwddm"));
        Matcher array = Pattern.compile("(?s)jvm_opts=\\((.*?)\\n\\)").matcher(launcher);
        assertTrue(array.find(), "bin/iwddm defines jvm_opts=( ... )");
        return Arrays.asList(array.group(1).trim().split("\\s+"));
    }

    private static List<String> imageJvmOptions() throws IOException {
        Matcher env = Pattern.compile("IWDDM_JVM_OPTS=\"([^\"]*)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertTrue(env.find(), "the Dockerfile sets IWDDM_JVM_OPTS");
        return Arrays.asList(env.group(1).trim().split("\\s+"));
    }
}
