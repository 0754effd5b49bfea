package org.iwddm.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The container's JVM options as bin/iwddm defines them, for tests and benchmarks that run the job like it. */
public final class LauncherOptions {
    private static final Pattern JVM_OPTS = Pattern.compile("(?s)jvm_opts=\\((.*?)\\n\\)");

    private LauncherOptions() {
    }

    /** The options of the launcher's jvm_opts=( ... ) array; fails when the array is gone. */
    public static List<String> jvmOptions(Path launcher) throws IOException {
        Matcher array = JVM_OPTS.matcher(Files.readString(launcher));
        if (!array.find()) {
            throw new IllegalStateException(launcher + " no longer defines jvm_opts=( ... )");
        }
        return Arrays.stream(array.group(1).trim().split("\\s+")).filter(option -> !option.startsWith("#")).toList();
    }
}
