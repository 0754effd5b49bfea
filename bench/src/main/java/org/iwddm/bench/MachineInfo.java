package org.iwddm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where and when the figures were taken: the machine, the database's settings and the code's commit. */
record MachineInfo(Map<String, String> facts) {
    private static final List<String> PG_SETTINGS = List.of("server_version", "fsync", "synchronous_commit",
            "shared_buffers", "work_mem", "maintenance_work_mem", "max_wal_size", "wal_level", "jit");

    static MachineInfo collect(Connection connection) throws IOException, SQLException, InterruptedException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        facts.put("commit", commit());
        facts.put("CPU", cpuModel());
        facts.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("memory", memory());
        facts.put("OS", osName() + ", kernel " + System.getProperty("os.version"));
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        for (String setting : PG_SETTINGS) {
            facts.put("PostgreSQL " + setting, show(connection, setting));
        }
        return new MachineInfo(facts);
    }

    private static String cpuModel() throws IOException {
        return procLine(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memory() throws IOException {
        String kib = procLine(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", "");
        return kib.isEmpty() ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib) / 1024.0 / 1024.0);
    }

    private static String osName() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (Files.isReadable(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        }
        return System.getProperty("os.name");
    }

    /** The value after "name :" on the first matching line of a /proc file. */
    private static String procLine(Path file, String name) throws IOException {
        if (!Files.isReadable(file)) {
            return "unknown";
        }
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    /** git rev-parse --short HEAD, with -dirty when the work tree has changes. */
    private static String commit() throws IOException, InterruptedException {
        String head = git("rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown (not a git work tree)";
        }
        return git("status", "--porcelain").isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return "";
        }
        return out;
    }
}
