package org.iwddm.config;

import java.util.Objects;

/**
 * A secret configuration value (password, API key, client secret). Its toString never shows
 * the value, so a secret cannot leak through logging or string concatenation by accident;
 * code that needs the value calls {@link #reveal()} at the point of use.
 */
public final class Secret {
    public static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Masks the password of user-info in URL-like text ("user:pass@host"), with or without a scheme. */
    public static String maskUserInfo(String text) {
        // The password stops at '/': a URL's user-info cannot hold one, and "scheme://" is not a user.
        return text.replaceAll("([^/@\\s:]*):[^@\\s/]*@", "$1:" + MASK + "@");
    }

    /**
     * Masks what a shown configuration value may carry: URL user-info passwords and the
     * password parameters of a JDBC URL ({@code ?password=...}, {@code &sslpassword=...}).
     */
    public static String maskUrlSecrets(String text) {
        return maskUserInfo(text).replaceAll("(?i)([?&;](?:ssl)?password=)[^&;\\s]*", "$1" + MASK);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret && ((Secret) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
