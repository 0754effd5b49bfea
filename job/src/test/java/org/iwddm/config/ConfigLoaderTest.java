package org.iwddm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path secrets;

    private Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("IWDDM_DB_HOST", "db.example");
        env.put("IWDDM_DB_NAME", "iwddm");
        env.put("IWDDM_DB_USER", "iwddm_dm");
        env.put("IWDDM_DB_PASSWORD", "db-password-1");
        env.put("IWDDM_REST_URL", "http://iwd.iwd.svc.cluster.local:4024/iwd/v3");
        env.put("IWDDM_API_KEY", "api-key-123456");
        env.put("IWDDM_CCID", "ccid-1");
        env.put("IWDDM_SECRETS_DIRS", secrets.toString());
        return env;
    }

    @Test
    void appliesTheDocumentedDefaults() throws Exception {
        JobConfig config = ConfigLoader.load(valid());

        assertEquals(ExecutionChain.FULL, config.chain());
        assertEquals(5432, config.database().port());
        assertEquals(10_000, config.requireFeed().batchSize());
        assertEquals(ZoneId.of("UTC"), config.timezone());
        assertEquals("1", config.tenantId());
        assertEquals("ccid-1", config.tenantLabel(), "the metrics tenant is the CCID when set");
        assertEquals(RunBudget.UNLIMITED, config.budget());
        assertFalse(config.metrics().enabled());
        assertFalse(config.gim().enabled());
        assertFalse(config.wfm().enabled());
        assertTrue(config.requireFeed().httpProxy().isEmpty());
    }

    @Test
    void reportsEveryProblemByNameAtOnce() {
        Map<String, String> env = valid();
        env.remove("IWDDM_DB_PASSWORD");
        env.put("IWDDM_DB_PORT", "five");
        env.put("IWDDM_BATCH_SIZE", "0");
        env.put("IWDDM_RUN_MAX_EVENTS", "lots");
        env.put("IWDDM_RUN_MAX_SECONDS", "1.5");
        env.put("IWDDM_EXECUTION_CHAIN", "daily");
        env.put("IWDDM_REST_URL", "iwd.iwd.svc:4024/iwd/v3");
        env.put("IWDDM_HTTPS_PROXY_URL", "proxy:3128");
        env.put("IWDDM_TIMEZONE", "Mars/Olympus");
        env.put("IWDDM_MONITORING_ENABLED", "yes");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));

        List<String> named = List.of("IWDDM_DB_PASSWORD: missing", "IWDDM_DB_PORT: 'five' is not a whole number",
                "IWDDM_BATCH_SIZE: '0' is out of range", "IWDDM_RUN_MAX_EVENTS: 'lots'", "IWDDM_RUN_MAX_SECONDS: '1.5'",
                "IWDDM_EXECUTION_CHAIN: 'daily' is not a chain", "IWDDM_REST_URL: 'iwd.iwd.svc:4024/iwd/v3' has no http",
                "IWDDM_HTTPS_PROXY_URL: 'proxy:3128' has no http", "IWDDM_TIMEZONE: 'Mars/Olympus' is not a known IANA",
                "IWDDM_MONITORING_ENABLED: 'yes' is not true or false");
        for (String problem : named) {
            assertTrue(error.problems().stream().anyMatch(p -> p.startsWith(problem)), problem + " in " + error.problems());
        }
        assertEquals(named.size(), error.problems().size(), error.problems().toString());
        assertTrue(error.getMessage().startsWith("configuration invalid (10 problems): "), error.getMessage());
    }

    @Test
    void requiresTheFeedOnlyForChainsThatReadIt() throws Exception {
        Map<String, String> env = valid();
        env.remove("IWDDM_REST_URL");
        env.remove("IWDDM_API_KEY");
        env.remove("IWDDM_CCID");
        env.put("IWDDM_EXECUTION_CHAIN", "initialize");

        assertTrue(ConfigLoader.load(env).feed().isEmpty());

        env.put("IWDDM_EXECUTION_CHAIN", "intraday");
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));
        assertEquals(List.of("IWDDM_REST_URL: missing (the intraday chain reads the IWD feed)",
                "IWDDM_API_KEY: missing (the intraday chain reads the IWD feed)",
                "IWDDM_CCID: missing (the intraday chain reads the IWD feed)"), error.problems());
    }

    @Test
    void integrationsRequireTheirSettingsOnlyWhenEnabled() {
        Map<String, String> env = valid();
        env.put("IWDDM_MONITORING_ENABLED", "true");
        env.put("IWDDM_GIM_ENABLED", "TRUE");
        env.put("IWDDM_WFM_ENABLED", "true");
        env.put("IWDDM_WFM_GAUTH_ENABLED", "true");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));

        for (String name : List.of("IWDDM_PUSHGATEWAY_URL", "IWDDM_GIM_URL", "IWDDM_GIM_DBUSER", "IWDDM_GIM_PASSWORD",
                "IWDDM_WFM_REST_URL", "IWDDM_WFM_HEALTH_URL", "IWDDM_WFM_GAUTH_REST_URL", "IWDDM_WFM_GAUTH_CLIENT_ID",
                "IWDDM_WFM_GAUTH_CLIENT_SECRET")) {
            assertTrue(error.problems().contains(name + ": missing (" + (name.startsWith("IWDDM_PUSH") ? "monitoring"
                    : name.startsWith("IWDDM_GIM") ? "GIM" : name.contains("GAUTH") ? "WFM GAuth" : "WFM") + " is enabled)"),
                    name + " in " + error.problems());
        }
    }

    @Test
    void readsBudgetsAndSplitsProxyCredentialsFromTheAddress() throws Exception {
        Map<String, String> env = valid();
        env.put("IWDDM_RUN_MAX_EVENTS", "50000");
        env.put("IWDDM_RUN_MAX_SECONDS", "600");
        env.put("IWDDM_HTTP_PROXY_URL", "http://proxy-user:pr%40xy-pass@proxy.example:3128");
        env.put("IWDDM_TIMEZONE", "Europe/Berlin");

        JobConfig config = ConfigLoader.load(env);

        assertEquals(50_000, config.budget().maxEvents().getAsLong());
        assertEquals(Duration.ofMinutes(10), config.budget().maxDuration().get());
        ProxySettings proxy = config.requireFeed().httpProxy().get();
        assertEquals("proxy.example", proxy.host());
        assertEquals(3128, proxy.port());
        assertEquals("proxy-user", proxy.user().get());
        assertEquals("pr@xy-pass", proxy.password().get().reveal());
        assertEquals(ZoneId.of("Europe/Berlin"), config.timezone());
    }

    /** load-file's configuration: a DBA has no feed, so only IWDDM_DB_* count, secret files included. */
    @Test
    void theDatabaseAloneNeedsNoFeedSettingsAndReadsSecretFiles() throws Exception {
        Path dir = Files.createDirectories(secrets.resolve("db-secret"));
        Files.writeString(dir.resolve("IWDDM_DB_PASSWORD"), "db-password-from-file\n");
        Map<String, String> env = new HashMap<>(Map.of("IWDDM_DB_HOST", "db.example", "IWDDM_DB_NAME", "iwddm",
                "IWDDM_DB_USER", "iwddm_dm", "IWDDM_BATCH_SIZE", "not read", "IWDDM_SECRETS_DIRS", secrets.toString()));

        DatabaseSettings settings = ConfigLoader.loadDatabase(env);

        assertEquals("db.example", settings.host());
        assertEquals(5432, settings.port());
        assertEquals("db-password-from-file", settings.password().reveal());
        assertTrue(settings.secretValues().contains("db-password-from-file"), settings.secretValues().size() + " values");
    }

    @Test
    void theDatabaseAloneListsEveryProblemOfItsOwnByName() {
        Map<String, String> env = new HashMap<>(Map.of("IWDDM_DB_PORT", "99999", "IWDDM_DB_NAME", "iwddm",
                "IWDDM_SECRETS_DIRS", secrets.toString()));

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.loadDatabase(env));

        assertEquals(List.of("IWDDM_DB_HOST: missing (the mart database)", "IWDDM_DB_PORT: '99999' is out of range (1 to 65535)",
                "IWDDM_DB_USER: missing (the mart database)", "IWDDM_DB_PASSWORD: missing (the mart database)"), e.problems());
    }

    @Test
    void readsOneValueFilesFoundRecursivelyThroughKubernetesSymlinks() throws Exception {
        // The layout a Kubernetes secret volume has: visible names are symlinks into a hidden timestamped directory.
        Path volume = Files.createDirectories(secrets.resolve("iwd-secrets"));
        Path data = Files.createDirectories(volume.resolve("..2026_11_20_10_00_00.123"));
        Files.writeString(data.resolve("IWDDM_API_KEY"), "key-from-file-42\n");
        Files.createSymbolicLink(volume.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(volume.resolve("IWDDM_API_KEY"), Path.of("..data", "IWDDM_API_KEY"));
        Map<String, String> env = valid();
        env.remove("IWDDM_API_KEY");

        JobConfig config = ConfigLoader.load(env);

        assertEquals("key-from-file-42", config.requireFeed().apiKey().reveal(), "trailing newline stripped");
        assertEquals(List.of(volume.resolve("IWDDM_API_KEY").toString()),
                List.of(ConfigLoader.sources(env).values().get("IWDDM_API_KEY").origin()), "read once, by its visible name");
    }

    @Test
    void readsKeyValueFiles() throws Exception {
        Path dir = Files.createDirectories(secrets.resolve("gim-secret"));
        Files.writeString(dir.resolve("gim-secret.txt"), String.join("\n", "# GIM access",
                "IWDDM_GIM_URL=jdbc:postgresql://gim.example:5432/gim", "export IWDDM_GIM_DBUSER = gim_reader",
                "IWDDM_GIM_PASSWORD=\"gim pass=word\"", "SOMETHING_ELSE=ignored", "not a setting", ""));
        Map<String, String> env = valid();
        env.put("IWDDM_GIM_ENABLED", "true");

        GimSettings gim = ConfigLoader.load(env).gim();

        assertEquals("jdbc:postgresql://gim.example:5432/gim", gim.jdbcUrl());
        assertEquals("gim_reader", gim.user());
        assertEquals("gim pass=word", gim.password().reveal());
    }

    @Test
    void theEnvironmentWinsOverSecretFilesButBlankMeansUnset() throws Exception {
        writeSecret("IWDDM_DB_USER", "user-from-file");
        writeSecret("IWDDM_DB_PASSWORD", "password-from-file");
        Map<String, String> env = valid();
        env.put("IWDDM_DB_USER", "user-from-env");
        env.put("IWDDM_DB_PASSWORD", "  ");

        DatabaseSettings database = ConfigLoader.load(env).database();

        assertEquals("user-from-env", database.user());
        assertEquals("password-from-file", database.password().reveal());
    }

    @Test
    void earlierSecretRootsWin() throws Exception {
        Path first = Files.createDirectories(secrets.resolve("first"));
        Path second = Files.createDirectories(secrets.resolve("second"));
        Files.writeString(second.resolve("IWDDM_CCID"), "from-second");
        Files.writeString(first.resolve("IWDDM_CCID"), "from-first");
        Map<String, String> env = valid();
        env.remove("IWDDM_CCID");
        env.put("IWDDM_SECRETS_DIRS", first + ":" + second + ":/nonexistent/root");

        assertEquals("from-first", ConfigLoader.load(env).requireFeed().ccid());
    }

    @Test
    void secretsNeverAppearInProblemsOrToString() throws Exception {
        Map<String, String> env = valid();
        env.put("IWDDM_HTTP_PROXY_URL", "http://user:proxy-secret-77@proxy.example:3128");
        env.put("IWDDM_HTTPS_PROXY_URL", "proxy-user:proxy-secret-88@proxy.example:3128");
        env.put("IWDDM_MONITORING_ENABLED", "true");
        env.put("IWDDM_PUSHGATEWAY_URL", "http://pg:pushgateway-secret-99@pushgateway:9091");
        List<String> secretValues = List.of("db-password-1", "api-key-123456", "proxy-secret-77", "proxy-secret-88",
                "pushgateway-secret-99");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));
        env.remove("IWDDM_HTTPS_PROXY_URL");
        JobConfig config = ConfigLoader.load(env);

        for (String secret : secretValues) {
            assertFalse(error.getMessage().contains(secret), secret + " leaked into: " + error.getMessage());
            assertFalse(config.toString().contains(secret), secret + " leaked into toString: " + config);
            assertFalse(ConfigLoader.sources(env).toString().contains(secret), secret + " leaked into sources");
        }
        assertTrue(config.secretValues().containsAll(List.of("db-password-1", "api-key-123456", "proxy-secret-77",
                "pushgateway-secret-99")), "every secret is known to the log scrubber");
    }

    @Test
    void secretFilesAreReadInNameOrderWhateverTheDirectoryOrder() throws Exception {
        // Many names, created in reverse: directory order (creation order on most filesystems)
        // would let the last name win; name order lets "a-..." win.
        Path root = Files.createDirectories(secrets.resolve("order"));
        for (int i = 40; i >= 0; i--) {
            Path dir = Files.createDirectories(root.resolve(String.format("%c-volume-%02d", 'a' + (i % 26), i)));
            Files.writeString(dir.resolve("values.env"), "IWDDM_CCID=ccid-" + dir.getFileName() + "\n");
        }
        Map<String, String> env = valid();
        env.remove("IWDDM_CCID");
        env.put("IWDDM_SECRETS_DIRS", root.toString());

        assertEquals("ccid-a-volume-00", ConfigLoader.load(env).requireFeed().ccid());
    }

    @Test
    void refusesAFeedOrWfmUrlCarryingUserInfoWithoutShowingThePassword() {
        Map<String, String> env = valid();
        env.put("IWDDM_REST_URL", "http://iwd-user:rest-secret-55@iwd.example/iwd/v3");
        env.put("IWDDM_WFM_ENABLED", "true");
        env.put("IWDDM_WFM_REST_URL", "https://wfm-user:wfm-secret-56@wfm.example/api");
        env.put("IWDDM_WFM_HEALTH_URL", "https://wfm.example/health");

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));

        assertTrue(error.problems().contains("IWDDM_REST_URL: 'http://iwd-user:******@iwd.example/iwd/v3' carries user info"
                + " (user:password@); remove it: IWD authenticates with IWDDM_API_KEY"), error.problems().toString());
        assertTrue(error.problems().stream().anyMatch(p -> p.startsWith("IWDDM_WFM_REST_URL: ") && p.contains("user info")),
                error.problems().toString());
        assertFalse(error.getMessage().contains("rest-secret-55") || error.getMessage().contains("wfm-secret-56"),
                error.getMessage());
    }

    @Test
    void theScrubberKnowsEveryEncodedFormOfASecret() throws Exception {
        Map<String, String> env = valid();
        env.put("IWDDM_HTTP_PROXY_URL", "http://proxy-user:pr%40xy%2Fsecret@proxy.example:3128");
        env.put("IWDDM_MONITORING_ENABLED", "true");
        env.put("IWDDM_PUSHGATEWAY_URL", "http://pg-user:push-secret@pushgateway:9091");
        env.put("IWDDM_GIM_ENABLED", "true");
        env.put("IWDDM_GIM_URL", "jdbc:postgresql://gim:5432/gim?ssl=true&password=gim-url-secret");
        env.put("IWDDM_GIM_DBUSER", "gim");
        env.put("IWDDM_GIM_PASSWORD", "gim-password");

        List<String> known = ConfigLoader.load(env).secretValues();

        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        assertTrue(known.containsAll(List.of("pr@xy/secret", "pr%40xy%2Fsecret", "push-secret", "gim-url-secret",
                base64.encodeToString("proxy-user:pr@xy/secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                base64.encodeToString("pg-user:push-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                known.toString());
    }

    @Test
    void aShownJdbcUrlHidesItsPasswordParameters() {
        assertEquals("jdbc:postgresql://gim:5432/gim?ssl=true&password=******&sslpassword=******&user=gim",
                Secret.maskUrlSecrets("jdbc:postgresql://gim:5432/gim?ssl=true&password=p%40ss&sslpassword=k&user=gim"));
        assertEquals("jdbc:postgresql://gim/gim?PASSWORD=******", Secret.maskUrlSecrets("jdbc:postgresql://gim/gim?PASSWORD=x"));
    }

    private void writeSecret(String name, String value) throws IOException {
        Files.writeString(Files.createDirectories(secrets.resolve("env")).resolve(name), value);
    }
}
