package org.iwddm.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iwddm.testing.LauncherOptions;
import org.junit.jupiter.api.Test;

/**
 * The image runs the job like bin/iwddm does. The text is checked here; scripts/test-image builds
 * the image with buildah and runs it.
 */
class DockerfileTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final List<String> ARCHIVE = List.of("-XX:SharedArchiveFile=/app/iwddm.jsa", "-Xshare:on");

    @Test
    void imageUsesTheLaunchersJvmOptions() throws IOException {
        List<String> launcher = LauncherOptions.jvmOptions(ROOT.resolve("bin/iwddm"));
        assertEquals(launcher, buildArgJvmOptions(), "the archive is trained with the job's options");

        List<String> entrypoint = new ArrayList<>(List.of("/opt/java/bin/java"));
        entrypoint.addAll(launcher);
        entrypoint.addAll(ARCHIVE);
        entrypoint.addAll(List.of("-jar", "/app/iwddm.jar"));
        assertEquals(entrypoint, execForm("ENTRYPOINT"), "the entrypoint maps the archive with the job's options");
        List<String> check = new ArrayList<>(entrypoint);
        check.add("--version");
        assertEquals(check, execForm("RUN"), "the build maps the archive as the entrypoint will");
    }

    @Test
    void baseImagesAreBuildArgumentsPinnedByDigest() throws IOException {
        String dockerfile = dockerfile();
        for (String base : List.of("BUILD_IMAGE", "RUNTIME_BASE")) {
            assertTrue(Pattern.compile("(?m)^ARG " + base + "=[a-z0-9./-]+(:[\\w.-]+)?@sha256:[0-9a-f]{64}$")
                    .matcher(dockerfile).find(), base + " defaults to an image pinned by digest");
        }
        List<String> froms = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertEquals(List.of("FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_BASE}"), froms);
    }

    @Test
    void theRuntimeHoldsTheTrimmedJavaAndTheJobsJarOnlyAndRunsAsNonRoot() throws IOException {
        String dockerfile = dockerfile();
        String runtime = dockerfile.substring(dockerfile.indexOf("FROM ${RUNTIME_BASE}"));
        List<String> copies = runtime.lines().filter(line -> line.startsWith("COPY")).toList();
        assertEquals(List.of("COPY --from=build /opt/java /opt/java",
                "COPY --from=build --chown=0:0 --chmod=0444 /app/iwddm.jar /app/iwddm.jsa /app/"), copies);
        assertTrue(dockerfile.contains("-pl job -am package"), "the job's module is what the build packages");
        assertTrue(dockerfile.contains("jlink --add-modules \"$modules\""), "the runtime is cut by jlink");
        assertTrue(dockerfile.contains("jdeps --multi-release 17 --ignore-missing-deps --print-module-deps -q target/iwddm.jar"),
                "to the modules jdeps finds in the job's jar");
        assertTrue(runtime.contains("USER 10001:10001"), "numeric non-root user, as the chart's runAsUser");
        assertTrue(runtime.contains("CMD [\"run\"]"), "the default command runs the job");
    }

    @Test
    void theArchiveIsTrainedWithoutTheDemo() throws IOException {
        assertTrue(dockerfile().contains("/opt/java/bin/java $IWDDM_JVM_OPTS -jar /app/iwddm.jar cds-archive /app/iwddm.jsa"),
                "trained by the job's own cds-archive, with the trimmed runtime and the jar at its final path");
    }

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("Dockerfile"));
    }

    private static List<String> buildArgJvmOptions() throws IOException {
        Matcher arg = Pattern.compile("ARG IWDDM_JVM_OPTS=\"([^\"]*)\"").matcher(dockerfile());
        assertTrue(arg.find(), "the Dockerfile sets IWDDM_JVM_OPTS");
        return Arrays.asList(arg.group(1).trim().split("\\s+"));
    }

    /** The one exec-form (JSON array) instruction of this kind. */
    private static List<String> execForm(String instruction) throws IOException {
        List<String> arrays = dockerfile().lines().filter(line -> line.startsWith(instruction + " [")).toList();
        assertEquals(1, arrays.size(), "one exec-form " + instruction);
        List<String> words = new ArrayList<>();
        JsonParser.parseString(arrays.get(0).substring(instruction.length() + 1)).getAsJsonArray()
                .forEach(word -> words.add(word.getAsString()));
        return words;
    }
}
