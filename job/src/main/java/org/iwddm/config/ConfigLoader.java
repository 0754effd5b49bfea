package org.iwddm.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Builds the {@link JobConfig} from the environment and the secret files (SPEC §2), and
 * validates it completely before anything runs: every problem is collected, by variable name,
 * into one {@link ConfigException}.
 */
public final class ConfigLoader {
    public static final String DEFAULT_SECRETS_DIRS = "/mnt/env-secrets:/mnt/env-file-secrets:/mnt/gim-secrets";
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    public static final int MAX_BATCH_SIZE = 1_000_000;
    static final String ENVIRONMENT = "environment";

    private ConfigLoader() {
    }

    public static JobConfig load(Map<String, String> environment) throws ConfigException {
        return parsed(environment, ConfigLoader::parse);
    }

    /**
     * The mart database's settings alone (IWDDM_DB_*, environment and secret files), validated
     * as {@link #load} validates them: for commands that only touch the database (load-file),
     * which a DBA runs without any IWD feed settings. Other variables are not read.
     */
    public static DatabaseSettings loadDatabase(Map<String, String> environment) throws ConfigException {
        return parsed(environment, ConfigLoader::database);
    }

    /** What {@code read} takes from the environment and secret files, once every problem is known to be none. */
    private static <T> T parsed(Map<String, String> environment, Function<Parser, T> read) throws ConfigException {
        Sources sources = sources(environment);
        Parser parser = new Parser(sources.values());
        T value = read.apply(parser);
        requireNoProblems(sources, parser);
        return value;
    }

    /** Every problem at once: those met reading secret files, then those of the values. */
    private static void requireNoProblems(Sources sources, Parser parser) throws ConfigException {
        List<String> problems = new ArrayList<>(sources.problems());
        problems.addAll(parser.problems());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** Every known variable's raw value and origin; environment wins over secret files. */
    public static Sources sources(Map<String, String> environment) {
        String roots = Optional.ofNullable(environment.get(Variable.IWDDM_SECRETS_DIRS.name()))
                .filter(s -> !s.isBlank()).orElse(DEFAULT_SECRETS_DIRS);
        SecretFiles files = SecretFiles.read(Arrays.stream(roots.split(":"))
                .filter(s -> !s.isBlank()).map(Path::of).toList());
        Map<String, ConfigValue> values = new LinkedHashMap<>(files.values());
        for (Variable variable : Variable.values()) {
            String text = environment.get(variable.name());
            // Blank counts as unset, so a Helm "" default does not hide a value from a secret file.
            if (text != null && !text.isBlank()) {
                values.put(variable.name(), new ConfigValue(text, ENVIRONMENT));
            }
        }
        return new Sources(values, files.problems());
    }

    /** Raw values with where they came from, plus problems met while reading secret files. */
    public record Sources(Map<String, ConfigValue> values, List<String> problems) {
    }

    private static JobConfig parse(Parser p) {
        ExecutionChain chain = chain(p);
        return new JobConfig(chain, p.text(Variable.IWDDM_TENANT_ID).orElse("1"), p.text(Variable.IWDDM_CCID),
                p.zone(Variable.IWDDM_TIMEZONE, "UTC"), database(p), feed(p, chain), budget(p), metrics(p),
                gim(p), wfm(p), retention(p));
    }

    private static ExecutionChain chain(Parser p) {
        Optional<String> text = p.text(Variable.IWDDM_EXECUTION_CHAIN);
        Optional<ExecutionChain> chain = text.map(t -> ExecutionChain.parse(t).orElse(null));
        if (text.isPresent() && chain.isEmpty()) {
            p.problem(Variable.IWDDM_EXECUTION_CHAIN, Parser.show(Variable.IWDDM_EXECUTION_CHAIN, text.get())
                    + " is not a chain (" + ExecutionChain.choices() + ")");
        }
        return chain.orElse(ExecutionChain.FULL);
    }

    private static DatabaseSettings database(Parser p) {
        String why = "the mart database";
        return new DatabaseSettings(p.required(Variable.IWDDM_DB_HOST, why),
                p.integer(Variable.IWDDM_DB_PORT, 5432, 1, 65535), p.required(Variable.IWDDM_DB_NAME, why),
                p.required(Variable.IWDDM_DB_USER, why), p.requiredSecret(Variable.IWDDM_DB_PASSWORD, why));
    }

    /** The feed is required by chains that read it; its values are checked whenever they are set. */
    private static Optional<FeedSettings> feed(Parser p, ExecutionChain chain) {
        String why = "the " + chain + " chain reads the IWD feed";
        Optional<URI> url = p.withoutUserInfo(Variable.IWDDM_REST_URL, chain.readsFeed()
                ? p.requiredHttpUrl(Variable.IWDDM_REST_URL, why) : p.httpUrl(Variable.IWDDM_REST_URL));
        int batchSize = p.integer(Variable.IWDDM_BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE);
        Optional<ProxySettings> httpProxy = proxy(p, Variable.IWDDM_HTTP_PROXY_URL);
        Optional<ProxySettings> httpsProxy = proxy(p, Variable.IWDDM_HTTPS_PROXY_URL);
        if (!chain.readsFeed()) {
            return Optional.empty();
        }
        Secret apiKey = p.requiredSecret(Variable.IWDDM_API_KEY, why);
        String ccid = p.required(Variable.IWDDM_CCID, why);
        return url.map(u -> new FeedSettings(u, apiKey, ccid, batchSize, httpProxy, httpsProxy));
    }

    private static Optional<ProxySettings> proxy(Parser p, Variable variable) {
        return p.httpUrl(variable).map(uri -> {
            Optional<String> userInfo = Optional.ofNullable(uri.getRawUserInfo());
            Optional<String> user = userInfo.map(u -> decode(u.split(":", 2)[0]));
            Optional<Secret> password = userInfo.filter(u -> u.contains(":"))
                    .map(u -> Secret.of(decode(u.split(":", 2)[1])));
            return new ProxySettings(uri.getScheme().toLowerCase(java.util.Locale.ROOT), uri.getHost(), uri.getPort(),
                    user, password);
        });
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static RunBudget budget(Parser p) {
        OptionalLong events = p.wholeNumber(Variable.IWDDM_RUN_MAX_EVENTS, 1, Long.MAX_VALUE);
        OptionalLong seconds = p.wholeNumber(Variable.IWDDM_RUN_MAX_SECONDS, 1, 365L * 24 * 3600);
        Optional<Duration> duration = seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsLong()))
                : Optional.empty();
        return new RunBudget(events, duration);
    }

    private static MetricsSettings metrics(Parser p) {
        boolean enabled = p.bool(Variable.IWDDM_MONITORING_ENABLED, false);
        Optional<URI> url = enabled ? p.requiredHttpUrl(Variable.IWDDM_PUSHGATEWAY_URL, "monitoring is enabled")
                : p.httpUrl(Variable.IWDDM_PUSHGATEWAY_URL);
        if (!enabled) {
            return MetricsSettings.DISABLED;
        }
        Optional<String> userInfo = url.map(URI::getRawUserInfo);
        Optional<String> user = userInfo.map(u -> decode(u.split(":", 2)[0]));
        Optional<Secret> password = userInfo.filter(u -> u.contains(":")).map(u -> Secret.of(decode(u.split(":", 2)[1])));
        return new MetricsSettings(true, url.map(ConfigLoader::withoutUserInfo), user, password);
    }

    static URI withoutUserInfo(URI uri) {
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getHost() + port + path);
    }

    private static GimSettings gim(Parser p) {
        if (!p.bool(Variable.IWDDM_GIM_ENABLED, false)) {
            return GimSettings.DISABLED;
        }
        String why = "GIM is enabled";
        String url = p.required(Variable.IWDDM_GIM_URL, why);
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            p.problem(Variable.IWDDM_GIM_URL, "is not a jdbc:postgresql: URL");
        }
        return new GimSettings(true, url, p.required(Variable.IWDDM_GIM_DBUSER, why),
                p.requiredSecret(Variable.IWDDM_GIM_PASSWORD, why));
    }

    /** Each IWDDM_RETAIN_* variable set: whole days (at least 1) or "forever"; unset ones change nothing. */
    private static RetentionSettings retention(Parser p) {
        Map<String, Optional<Integer>> changes = new LinkedHashMap<>();
        RetentionSettings.VARIABLES.forEach((variable, setting) -> p.text(variable).ifPresent(text -> {
            if (text.equalsIgnoreCase(RetentionSettings.FOREVER)) {
                changes.put(setting, Optional.empty());
            } else if (text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= RetentionSettings.MAX_DAYS) {
                changes.put(setting, Optional.of(Integer.parseInt(text)));
            } else {
                p.problem(variable, Parser.show(variable, text) + " is not a number of days (1 to "
                        + RetentionSettings.MAX_DAYS + ") or " + RetentionSettings.FOREVER);
            }
        }));
        return new RetentionSettings(changes);
    }

    private static WfmSettings wfm(Parser p) {
        if (!p.bool(Variable.IWDDM_WFM_ENABLED, false)) {
            return WfmSettings.DISABLED;
        }
        String why = "WFM is enabled";
        Optional<URI> rest = p.withoutUserInfo(Variable.IWDDM_WFM_REST_URL, p.requiredHttpUrl(Variable.IWDDM_WFM_REST_URL, why));
        Optional<URI> health = p.withoutUserInfo(Variable.IWDDM_WFM_HEALTH_URL,
                p.requiredHttpUrl(Variable.IWDDM_WFM_HEALTH_URL, why));
        boolean gauth = p.bool(Variable.IWDDM_WFM_GAUTH_ENABLED, false);
        if (!gauth) {
            return new WfmSettings(true, rest, health, false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        String gauthWhy = "WFM GAuth is enabled";
        return new WfmSettings(true, rest, health, true, p.withoutUserInfo(Variable.IWDDM_WFM_GAUTH_REST_URL,
                        p.requiredHttpUrl(Variable.IWDDM_WFM_GAUTH_REST_URL, gauthWhy)),
                Optional.of(p.required(Variable.IWDDM_WFM_GAUTH_CLIENT_ID, gauthWhy)),
                Optional.of(p.requiredSecret(Variable.IWDDM_WFM_GAUTH_CLIENT_SECRET, gauthWhy)));
    }
}
