package org.iwddm.chain;

/** How a run ended and the process exit status that says so (SPEC §1). */
public record RunOutcome(Status status, String message) {

    public enum Status {
        SUCCEEDED(0), SKIPPED(0), FAILED(1);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public int exitCode() {
        return status.exitCode;
    }
}
