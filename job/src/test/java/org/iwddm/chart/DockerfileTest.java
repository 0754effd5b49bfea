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
import org.iwddm.testing.LauncherOptions;
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

    @Test
    void imageMapsAClassDataSharingArchiveTrainedOnItsOwnJvmAndJar() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre AS cds"), "trained on the runtime's image");
        assertTrue(dockerfile.contains("USER 10001:10001\nRUN java $IWDDM_JVM_OPTS -Xmx256m -XX:MaxDirectMemorySize=128m"
                + " -jar /app/iwddm.jar cds-archive /tmp/iwddm.jsa"), "as non-root, with the job's options");
        assertTrue(dockerfile.contains("COPY --from=cds --chown=root:root --chmod=0444 /app/iwddm.jar /app/iwddm.jar")
                && dockerfile.contains("COPY --from=cds --chown=root:root --chmod=0444 /tmp/iwddm.jsa /app/iwddm.jsa"),
                "the runtime gets the very jar the archive was trained with");
        assertTrue(dockerfile.contains("exec java $IWDDM_JVM_OPTS -XX:SharedArchiveFile=/app/iwddm.jsa $JAVA_OPTS"),
                "the entrypoint maps it, and JAVA_OPTS can still turn it off");
        assertTrue(dockerfile.contains("ENV IWDDM_JVM_OPTS=\"$IWDDM_JVM_OPTS\""), "the runtime keeps the options");
    }

    private static List<String> launcherJvmOptions() throws IOException {
        return LauncherOptions.jvmOptions(ROOT.resolve("bin/iwddm"));
    }

    private static List<String> imageJvmOptions() throws IOException {
        Matcher env = Pattern.compile("IWDDM_JVM_OPTS=\"([^\"]*)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertTrue(env.find(), "the Dockerfile sets IWDDM_JVM_OPTS");
        return Arrays.asList(env.group(1).trim().split("\\s+"));
    }
}
