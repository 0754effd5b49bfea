package org.iwddm.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.iwddm.config.ConfigException;
import org.iwddm.config.ConfigLoader;
import org.iwddm.config.DatabaseSettings;
import org.iwddm.config.FeedSettings;
import org.iwddm.config.JobConfig;
import org.iwddm.db.Schema;
import org.iwddm.feed.FeedClient;
import org.iwddm.feed.FeedPage;
import org.iwddm.feed.FeedTuning;
import org.iwddm.load.Database;
import org.iwddm.log.Errors;
import org.iwddm.log.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iwddm check}: what the chart's helm test runs in the product image. Loads the
 * configuration as {@code run} does, then connects to the mart database and asks IWD for one
 * event, reporting each; writes nothing anywhere.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that the job can reach the mart database and IWD, writing nothing.",
                "Loads the configuration as run does, connects to the mart database (and says whether schema "
                + "iwddm is current), and requests one event from IWD when the chain reads the feed. Each check "
                + "prints one line.", "The chart's helm test runs it."},
        footer = {"", "Exit status: 0 every check passed, 1 a check failed, 2 configuration invalid (every problem listed)."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private Main parent;

    /** One check: a line saying what was reached, or an exception saying why not. */
    private interface Check {
        String run() throws Exception;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        JobConfig config;
        try {
            config = ConfigLoader.load(parent.environment());
        } catch (ConfigException e) {
            ConfigCommand.printProblems(out, e);
            return RunCommand.CONFIG_INVALID;
        }
        out.println("configuration: ok (" + config.chain() + " chain, tenant " + config.tenantLabel() + ")");
        Redactor redactor = new Redactor(config.secretValues());
        boolean database = report(out, redactor, "database", () -> database(config.database()));
        boolean feed = report(out, redactor, "IWD", () -> feed(config));
        out.println(database && feed ? "every check passed" : "a check failed");
        return database && feed ? 0 : 1;
    }

    private static boolean report(PrintStream out, Redactor redactor, String what, Check check) {
        try {
            out.println(what + ": ok (" + redactor.scrub(check.run()) + ")");
            return true;
        } catch (Exception e) {
            out.println(what + ": FAILED: " + redactor.scrub(Errors.describe(e)));
            return false;
        }
    }

    private static String database(DatabaseSettings settings) throws SQLException {
        try (Connection connection = new Database(settings).connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " to_regnamespace('" + Schema.SCHEMA + "') IS NOT NULL")) {
            row.next();
            String schema = !row.getBoolean(2) ? "schema iwddm not created yet: the first full or initialize run creates it"
                    : Schema.isCurrent(connection) ? "schema iwddm current"
                    : "schema iwddm not current: the next full or initialize run migrates it";
            return settings.user() + "@" + settings.host() + ":" + settings.port() + "/" + settings.name()
                    + ", PostgreSQL " + row.getString(1) + "; " + schema;
        }
    }

    private static String feed(JobConfig config) throws Exception {
        if (config.feed().isEmpty()) {
            return "not checked: the " + config.chain() + " chain does not read the feed";
        }
        FeedSettings settings = config.feed().get();
        try (FeedClient client = new FeedClient(settings, FeedTuning.DEFAULTS); FeedPage page = client.open(0, 1)) {
            return "GET " + page.request().uri() + " answered 200";
        }
    }
}
