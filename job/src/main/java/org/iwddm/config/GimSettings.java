package org.iwddm.config;

/** The tenant's Info Mart database (SPEC §7), validated here, used by the GIM integration. */
public record GimSettings(boolean enabled, String jdbcUrl, String user, Secret password) {
    public static final GimSettings DISABLED = new GimSettings(false, "", "", Secret.of(""));

    @Override
    public String toString() {
        // JDBC URLs may carry a password parameter: show only the part before the query.
        int query = jdbcUrl.indexOf('?');
        String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?" + Secret.MASK;
        return "GimSettings[enabled=" + enabled + ", jdbcUrl=" + shown + ", user=" + user + ", password=" + Secret.MASK + "]";
    }
}
