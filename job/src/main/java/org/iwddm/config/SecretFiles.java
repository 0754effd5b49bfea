package org.iwddm.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration values from the secret files the Helm chart mounts (SPEC §2), in two
 * layouts: a file named after a variable holds that variable's value (Kubernetes secret volume),
 * any other file holds {@code KEY=value} lines (dotenv, e.g. gim-secret.txt). Roots are searched
 * recursively; the first value found wins (earlier roots first, then file names in order).
 * Hidden entries are skipped: Kubernetes keeps its {@code ..data} / {@code ..2024_...} copies there,
 * and the visible names are symlinks into them.
 */
final class SecretFiles {
    /** Files larger than this are certificates or other data, never one of our values. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final Map<String, ConfigValue> values = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private SecretFiles() {
    }

    /** Reads every root that exists; a missing root is normal (not every chart mounts all). */
    static SecretFiles read(List<Path> roots) {
        SecretFiles files = new SecretFiles();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                files.walk(root);
            }
        }
        return files;
    }

    Map<String, ConfigValue> values() {
        return values;
    }

    List<String> problems() {
        return problems;
    }

    /** Collects the root's visible files first, then reads them in name order (never directory order). */
    private void walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isHidden(file) && Files.isRegularFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("IWDDM_SECRETS_DIRS: cannot read " + root + " (" + e.getClass().getSimpleName() + ")");
        }
        found.stream().sorted(Comparator.comparing(file -> root.relativize(file).toString())).forEach(this::readFile);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private void readFile(Path file) {
        Optional<Variable> variable = Variable.named(file.getFileName().toString());
        Optional<String> content = content(file, variable.isPresent());
        if (content.isEmpty()) {
            return;
        }
        if (variable.isPresent()) {
            put(variable.get().name(), stripTrailingNewlines(content.get()), file);
        } else {
            readKeyValueLines(content.get(), file);
        }
    }

    /** The file's text; a problem only when the file is named after a variable (others may be anything). */
    private Optional<String> content(Path file, boolean namedAfterVariable) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (namedAfterVariable) {
                problems.add(file.getFileName() + ": cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
            }
            return Optional.empty();
        }
    }

    private void readKeyValueLines(String content, Path file) {
        for (String line : content.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ")) {
                trimmed = trimmed.substring("export ".length()).strip();
            }
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String key = trimmed.substring(0, equals).strip();
            if (Variable.named(key).isPresent()) {
                put(key, unquote(trimmed.substring(equals + 1).strip()), file);
            }
        }
    }

    private void put(String name, String value, Path file) {
        values.putIfAbsent(name, new ConfigValue(value, file.toString()));
    }

    static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
