package org.iwddm.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed reads of raw values that never stop at the first mistake: each read records a problem
 * naming its variable and returns a harmless stand-in, so validation can report every problem
 * at once (SPEC §2). Values of secret variables are never quoted in a problem.
 */
final class Parser {
    private static final int MAX_SHOWN = 80;

    private final Map<String, ConfigValue> values;
    private final List<String> problems = new ArrayList<>();

    Parser(Map<String, ConfigValue> values) {
        this.values = values;
    }

    List<String> problems() {
        return problems;
    }

    void problem(Variable variable, String text) {
        problems.add(variable.name() + ": " + text);
    }

    boolean isSet(Variable variable) {
        return text(variable).isPresent();
    }

    /** The value, or empty when unset or blank (Helm renders unset values as ""). */
    Optional<String> text(Variable variable) {
        ConfigValue value = values.get(variable.name());
        return value == null || value.text().isBlank() ? Optional.empty() : Optional.of(value.text().strip());
    }

    String required(Variable variable, String why) {
        Optional<String> text = text(variable);
        if (text.isEmpty()) {
            problem(variable, "missing (" + why + ")");
        }
        return text.orElse("");
    }

    Secret requiredSecret(Variable variable, String why) {
        return Secret.of(required(variable, why));
    }

    int integer(Variable variable, int defaultValue, int min, int max) {
        OptionalLong parsed = wholeNumber(variable, min, max);
        return parsed.isPresent() ? (int) parsed.getAsLong() : defaultValue;
    }

    /** A whole number in [min, max], or empty when unset (or invalid, with a problem). */
    OptionalLong wholeNumber(Variable variable, long min, long max) {
        Optional<String> text = text(variable);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return OptionalLong.of(value);
            }
            problem(variable, show(variable, text.get()) + " is out of range (" + min + " to " + max + ")");
        } catch (NumberFormatException e) {
            problem(variable, show(variable, text.get()) + " is not a whole number");
        }
        return OptionalLong.empty();
    }

    boolean bool(Variable variable, boolean defaultValue) {
        Optional<String> text = text(variable).map(t -> t.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (!Set.of("true", "false").contains(text.get())) {
            problem(variable, show(variable, text.get()) + " is not true or false");
            return defaultValue;
        }
        return Boolean.parseBoolean(text.get());
    }

    /** An http(s) URL with a host, or empty when unset (or invalid, with a problem). */
    Optional<URI> httpUrl(Variable variable) {
        Optional<String> text = text(variable);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem(variable, show(variable, text.get()) + " has no http:// or https:// scheme");
            } else if (uri.getHost() == null) {
                problem(variable, show(variable, text.get()) + " has no host");
            } else {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            problem(variable, show(variable, text.get()) + " is not a valid URL");
        }
        return Optional.empty();
    }

    /**
     * An http(s) URL that must not carry user-info: its service authenticates otherwise (the API
     * key, GAuth), and a password in the URL would travel in logs and errors with the URL.
     */
    Optional<URI> withoutUserInfo(Variable variable, Optional<URI> url) {
        if (url.isPresent() && url.get().getRawUserInfo() != null) {
            problem(variable, show(variable, url.get().toString()) + " carries user info (user:password@);"
                    + " remove it: " + (variable == Variable.IWDDM_REST_URL ? "IWD authenticates with IWDDM_API_KEY"
                    : "credentials do not belong in this URL"));
            return Optional.empty();
        }
        return url;
    }

    Optional<URI> requiredHttpUrl(Variable variable, String why) {
        if (!isSet(variable)) {
            problem(variable, "missing (" + why + ")");
        }
        return httpUrl(variable);
    }

    ZoneId zone(Variable variable, String defaultZone) {
        String text = text(variable).orElse(defaultZone);
        // IANA names only: PostgreSQL's set_timezone takes the same names (offsets like +02:00 are not zones).
        if (ZoneId.getAvailableZoneIds().contains(text)) {
            return ZoneId.of(text);
        }
        problem(variable, show(variable, text) + " is not a known IANA time zone (e.g. UTC, Europe/Berlin)");
        return ZoneId.of(defaultZone);
    }

    /** The value as it may appear in a problem: never for secrets, never with URL credentials. */
    static String show(Variable variable, String text) {
        if (variable.isSecret()) {
            return "the value";
        }
        String scrubbed = Secret.maskUrlSecrets(text);
        String shortened = scrubbed.length() > MAX_SHOWN ? scrubbed.substring(0, MAX_SHOWN) + "..." : scrubbed;
        return "'" + shortened + "'";
    }
}
