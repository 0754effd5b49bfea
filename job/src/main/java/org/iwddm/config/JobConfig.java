package org.iwddm.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated configuration of one run. Built only by {@link ConfigLoader}, so holding one
 * means every value was checked. The feed settings are present when the chain reads the feed.
 */
public record JobConfig(ExecutionChain chain, String tenantId, Optional<String> ccid, ZoneId timezone,
                        DatabaseSettings database, Optional<FeedSettings> feed, RunBudget budget,
                        MetricsSettings metrics, GimSettings gim, WfmSettings wfm,
                        RetentionSettings retention) {

    /** The metrics and log tenant: the contact-center id when set, else the short tenant id. */
    public String tenantLabel() {
        return ccid.orElse(tenantId);
    }

    public FeedSettings requireFeed() {
        return feed.orElseThrow(() -> new IllegalStateException("chain " + chain + " has no feed settings"));
    }

    /**
     * Every secret value, for scrubbing anything the job prints or stores: each one as set and
     * percent-encoded (as it sits in a URL), and each basic-auth pair (proxy, Pushgateway, GAuth
     * client) as base64 of user:password, the form a server echoing the Authorization header shows.
     */
    public List<String> secretValues() {
        List<Secret> secrets = new ArrayList<>(List.of(database.password(), gim.password()));
        gim.urlPassword().ifPresent(secrets::add);
        List<String> basicPairs = new ArrayList<>();
        feed.ifPresent(f -> {
            secrets.add(f.apiKey());
            for (Optional<ProxySettings> proxy : List.of(f.httpProxy(), f.httpsProxy())) {
                proxy.flatMap(ProxySettings::password).ifPresent(secrets::add);
                proxy.filter(p -> p.user().isPresent()).ifPresent(p -> basicPairs.add(p.user().get() + ":"
                        + p.password().map(Secret::reveal).orElse("")));
            }
        });
        metrics.password().ifPresent(secrets::add);
        metrics.user().ifPresent(u -> basicPairs.add(u + ":" + metrics.password().map(Secret::reveal).orElse("")));
        wfm.clientSecret().ifPresent(secrets::add);
        wfm.clientId().ifPresent(id -> wfm.clientSecret().ifPresent(s -> basicPairs.add(id + ":" + s.reveal())));
        Set<String> values = new LinkedHashSet<>();
        for (String value : secrets.stream().map(Secret::reveal).filter(s -> !s.isEmpty()).toList()) {
            values.add(value);
            values.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            values.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        for (String pair : basicPairs) {
            byte[] bytes = pair.getBytes(StandardCharsets.UTF_8);
            values.add(Base64.getEncoder().encodeToString(bytes));
            values.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            values.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return List.copyOf(values);
    }
}
