package org.iwddm.config;

import java.net.URI;
import java.util.Optional;

/** The WFM push (SPEC §7), validated here, used by the WFM integration. */
public record WfmSettings(boolean enabled, Optional<URI> restUrl, Optional<URI> healthUrl, boolean gauthEnabled,
                          Optional<URI> gauthUrl, Optional<String> clientId, Optional<Secret> clientSecret) {
    public static final WfmSettings DISABLED = new WfmSettings(false, Optional.empty(), Optional.empty(), false,
            Optional.empty(), Optional.empty(), Optional.empty());
}
