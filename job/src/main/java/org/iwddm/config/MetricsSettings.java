package org.iwddm.config;

import java.net.URI;
import java.util.Optional;

/** Metrics push (SPEC §7). The URL keeps no user-info; basic-auth credentials are held apart. */
public record MetricsSettings(boolean enabled, Optional<URI> pushgatewayUrl, Optional<String> user,
                              Optional<Secret> password) {
    public static final MetricsSettings DISABLED =
            new MetricsSettings(false, Optional.empty(), Optional.empty(), Optional.empty());
}
