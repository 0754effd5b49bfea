package org.iwddm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.iwddm.config.ConfigException;
import org.iwddm.config.ConfigLoader;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.db.Schema;
import org.iwddm.load.Database;
import org.iwddm.load.FileLoad;
import org.iwddm.load.FileLoadTotals;
import org.iwddm.load.NdjsonFile;
import org.iwddm.log.Errors;
import org.iwddm.log.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iwddm load-file}: a DBA's large backfill at the job's per-event speed (issue 14). The
 * psql way (\copy, then load_staged_in_chunks) makes the database parse every event's JSON; this
 * command types the events in the driver as the job does ({@link FileLoad}). It needs the mart
 * database only: a DBA with a file has no IWD feed, so the feed settings are not read.
 */
@Command(name = "load-file", mixinStandardHelpOptions = true,
        description = {"Loads a file of IWD events (NDJSON, one per line) into the mart the job's way, in chunks.",
                "Each chunk is one transaction: its events staged as the job stages a page, iwddm.load_staged, commit. "
                + "So the load runs at the job's per-event speed, memory and temporary space stay those of one chunk, "
                + "and a stop (Ctrl-C, kill) loses at most the chunk in progress.",
                "Needs the mart database's settings only (IWDDM_DB_*, docs/configuration.md) and a current schema. "
                + "Blank lines are skipped. Prints one progress line per chunk, then a summary.",
                "Running it again on the same file is safe (events already loaded count as duplicates); "
                + "--from-line skips the lines a stopped load committed."},
        footer = {"", "Exit status: 0 file loaded, 1 load failed (the chunk and its lines named; the chunks before it "
                + "stay loaded), 2 configuration invalid, bad usage or unreadable file (nothing loaded)."})
final class LoadFileCommand implements Callable<Integer> {
    static final int DEFAULT_CHUNK_EVENTS = 50_000;
    static final int MAX_CHUNK_EVENTS = 1_000_000;

    @ParentCommand
    private Main parent;

    @Option(names = "--chunk-events", paramLabel = "N", defaultValue = "50000", converter = ChunkEventsOption.class,
            description = "Events per chunk (one transaction each), 1 to 1000000. Default: ${DEFAULT-VALUE}.")
    private int chunkEvents;

    @Option(names = "--from-line", paramLabel = "LINE", defaultValue = "1", converter = FromLineOption.class,
            description = "Start at this line of the file (1 = the first): after a stop, the line after the last "
                    + "one a progress line reported. Default: ${DEFAULT-VALUE}.")
    private long fromLine;

    @Parameters(paramLabel = "FILE", description = "The NDJSON file (UTF-8), one IWD event per line.")
    private Path file;

    /** A chunk size out of range is bad usage of the option: exit 2 with the usage. */
    static final class ChunkEventsOption implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) wholeNumber(value, MAX_CHUNK_EVENTS, "a number of events per chunk");
        }
    }

    static final class FromLineOption implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wholeNumber(value, Long.MAX_VALUE, "a line number");
        }
    }

    private static long wholeNumber(String value, long max, String what) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not " + what + " (1 to " + max + ")");
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("iwddm load-file: " + file + " is not a readable file; nothing was loaded");
            return RunCommand.CONFIG_INVALID;
        }
        DatabaseSettings settings;
        try {
            settings = ConfigLoader.loadDatabase(parent.environment());
        } catch (ConfigException e) {
            ConfigCommand.printProblems(System.out, e);
            return RunCommand.CONFIG_INVALID;
        }
        return loadReportingFailures(settings, new Redactor(settings.secretValues()));
    }

    /** Loads the file; any failure is one line on stderr, scrubbed of the password, and exit 1. */
    private int loadReportingFailures(DatabaseSettings settings, Redactor redactor) {
        try {
            return load(settings);
        } catch (FileLoad.ChunkFailedException e) {
            System.err.println("iwddm load-file: " + redactor.scrub(Errors.describe(e)) + "; the chunks before it are loaded:"
                    + " fix the cause and run again with --from-line " + e.firstLine());
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("iwddm load-file: " + redactor.scrub(Errors.describe(e)));
        }
        return 1;
    }

    private int load(DatabaseSettings settings) throws SQLException, IOException, FileLoad.ChunkFailedException {
        long events = NdjsonFile.countEvents(file, fromLine);
        PrintStream out = System.out;
        try (Connection connection = new Database(settings).connect(); NdjsonFile ndjson = NdjsonFile.open(file, fromLine)) {
            requireCurrentSchema(connection, settings);
            LoadFileProgress progress = new LoadFileProgress(out, events);
            FileLoad load = new FileLoad(connection, UUID.randomUUID());
            load.load(ndjson, chunkEvents, progress::chunkCommitted);
            progress.summary(FileLoadTotals.of(connection, load.runId()));
        }
        return 0;
    }

    /** The same check the full chain makes before it migrates; load-file never migrates. */
    private static void requireCurrentSchema(Connection connection, DatabaseSettings settings) throws SQLException {
        if (!Schema.isCurrent(connection)) {
            throw new SQLException("schema iwddm in database " + settings.name() + " is missing or not current for this"
                    + " version of iwddm: `bin/iwddm run --chain initialize` creates or upgrades it; nothing was loaded");
        }
    }
}
