package org.iwddm.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** Every secret value, for scrubbing anything the job prints. */
    public List<String> secretValues() {
        List<Secret> secrets = new ArrayList<>(List.of(database.password(), gim.password()));
        feed.ifPresent(f -> {
            secrets.add(f.apiKey());
            f.httpProxy().flatMap(ProxySettings::password).ifPresent(secrets::add);
            f.httpsProxy().flatMap(ProxySettings::password).ifPresent(secrets::add);
        });
        metrics.password().ifPresent(secrets::add);
        wfm.clientSecret().ifPresent(secrets::add);
        return secrets.stream().map(Secret::reveal).filter(s -> !s.isEmpty()).toList();
    }

}
