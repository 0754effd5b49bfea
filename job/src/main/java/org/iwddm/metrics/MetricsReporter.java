package org.iwddm.metrics;

import java.time.Instant;

/** Where a run reports that it started and how it ended. Never throws: metrics never fail a run. */
public interface MetricsReporter {
    MetricsReporter NONE = new MetricsReporter() {
        @Override
        public void started(Instant at) {
        }

        @Override
        public void finished(JobMetrics metrics) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    void started(Instant at);

    void finished(JobMetrics metrics);

    /** A verification of closed days' aggregates found this many differing values (0: none). */
    default void verified(long differences) {
    }

    /** False when nothing is reported, so the run need not gather database figures. */
    default boolean enabled() {
        return true;
    }
}
