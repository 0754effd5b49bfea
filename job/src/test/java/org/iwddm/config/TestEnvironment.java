package org.iwddm.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.iwddm.feed.FakeIwd;
import org.iwddm.testing.TestDatabase;

/** Environments for running the job against a test database and a fake IWD. */
public final class TestEnvironment {
    /** Secret roots that do not exist: tests never read the machine's /mnt secrets by accident. */
    public static final String NO_SECRETS = "/nonexistent/iwddm-test-secrets";

    private TestEnvironment() {
    }

    public static Map<String, String> forJob(TestDatabase database, URI restUrl) {
        Map<String, String> env = forDatabase(database);
        env.put("IWDDM_REST_URL", restUrl.toString());
        env.put("IWDDM_API_KEY", FakeIwd.API_KEY);
        env.put("IWDDM_CCID", FakeIwd.CCID);
        env.put("IWDDM_EXECUTION_CHAIN", "intraday");
        return env;
    }

    /** The mart database's settings alone, as a DBA running load-file has them; no secret files. */
    public static Map<String, String> forDatabase(TestDatabase database) {
        Map<String, String> env = new HashMap<>();
        env.put("IWDDM_DB_HOST", TestDatabase.host());
        env.put("IWDDM_DB_PORT", TestDatabase.port());
        env.put("IWDDM_DB_NAME", database.name());
        env.put("IWDDM_DB_USER", TestDatabase.user());
        env.put("IWDDM_DB_PASSWORD", TestDatabase.password());
        env.put("IWDDM_SECRETS_DIRS", NO_SECRETS);
        return env;
    }

    public static JobConfig load(Map<String, String> env) {
        try {
            return ConfigLoader.load(env);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
