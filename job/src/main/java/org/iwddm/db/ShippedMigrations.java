package org.iwddm.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The migrations shipped on the class path under db/migration, named and checksummed the way
 * Flyway 11 resolves them (Schema's configuration: default prefixes, separator and suffix, no
 * placeholder replacement), without starting Flyway. Versioned {@code V<version>__<description>.sql}
 * and repeatable {@code R__<description>.sql}; the description reads '_' as ' ', the version '_' as
 * '.'; the checksum is Flyway's ChecksumCalculator: CRC-32 over the UTF-8 bytes of each line
 * without its terminator, a byte order mark dropped. Any other file there (a per-script .conf, a
 * name this reading does not know) makes the list unknown, so that the caller lets Flyway decide.
 */
final class ShippedMigrations {
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    /** One script: version is null for a repeatable migration. */
    record Script(String version, String description, int checksum) {
        boolean repeatable() {
            return version == null;
        }
    }

    private ShippedMigrations() {
    }

    /**
     * Every migration on the class path, or empty when a file there is not understood or there
     * is none at all (nothing found means this reading failed: the jar always ships migrations).
     */
    static Optional<List<Script>> read(ClassLoader loader) throws IOException {
        List<Script> scripts = new ArrayList<>();
        Enumeration<URL> roots = loader.getResources(LOCATION);
        while (roots.hasMoreElements()) {
            if (!readRoot(roots.nextElement(), scripts)) {
                return Optional.empty();
            }
        }
        return scripts.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(scripts));
    }

    private static boolean readRoot(URL root, List<Script> scripts) throws IOException {
        switch (root.getProtocol()) {
            case "jar":
                return readJar(root, scripts);
            case "file":
                return readDirectory(root, scripts);
            default:
                return false;
        }
    }

    private static boolean readJar(URL root, List<Script> scripts) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false); // our own JarFile, closed here, not the shared cached one
        String directory = connection.getEntryName(); // "db/migration/": the URL of a directory entry
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()
                        && !add(fileName(entry.getName()), jar.getInputStream(entry), scripts)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean readDirectory(URL root, List<Script> scripts) throws IOException {
        Path directory;
        try {
            directory = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!add(file.getFileName().toString(), Files.newInputStream(file), scripts)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds the script; false when the name is not a migration this reading understands. */
    private static boolean add(String name, InputStream content, List<Script> scripts) throws IOException {
        try (content) {
            Matcher versioned = VERSIONED.matcher(name);
            Matcher repeatable = REPEATABLE.matcher(name);
            if (versioned.matches()) {
                scripts.add(new Script(versioned.group(1).replace('_', '.'), description(versioned.group(2)),
                        checksum(content)));
            } else if (repeatable.matches()) {
                scripts.add(new Script(null, description(repeatable.group(1)), checksum(content)));
            } else {
                return false;
            }
            return true;
        }
    }

    private static String fileName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static String description(String name) {
        return name.replace('_', ' ');
    }

    /** Flyway's ChecksumCalculator for one resource read as UTF-8. */
    static int checksum(InputStream content) throws IOException {
        CRC32 crc32 = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\ufeff') {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc32.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc32.getValue();
    }
}
