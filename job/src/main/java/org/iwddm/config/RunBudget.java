package org.iwddm.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** How much one run may take before it stops taking pages (SPEC §1: a run is bounded). */
public record RunBudget(OptionalLong maxEvents, Optional<Duration> maxDuration) {
    public static final RunBudget UNLIMITED = new RunBudget(OptionalLong.empty(), Optional.empty());
}
