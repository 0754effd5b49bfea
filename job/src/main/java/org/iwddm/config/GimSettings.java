package org.iwddm.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tenant's Info Mart database (SPEC §7), validated here, used by the GIM integration. */
public record GimSettings(boolean enabled, String jdbcUrl, String user, Secret password) {
    public static final GimSettings DISABLED = new GimSettings(false, "", "", Secret.of(""));

    /** A password= parameter of the JDBC URL, which pgjdbc would use: a secret like the password. */
    public Optional<Secret> urlPassword() {
        Matcher matcher = Pattern.compile("[?&;]password=([^&;]*)", Pattern.CASE_INSENSITIVE).matcher(jdbcUrl);
        return matcher.find() && !matcher.group(1).isEmpty()
                ? Optional.of(Secret.of(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8))) : Optional.empty();
    }

    @Override
    public String toString() {
        // JDBC URLs may carry a password parameter: show only the part before the query.
        int query = jdbcUrl.indexOf('?');
        String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?" + Secret.MASK;
        return "GimSettings[enabled=" + enabled + ", jdbcUrl=" + shown + ", user=" + user + ", password=" + Secret.MASK + "]";
    }
}
