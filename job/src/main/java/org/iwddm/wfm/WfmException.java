package org.iwddm.wfm;

/** WFM or GAuth could not be reached or refused a request. Messages never carry tokens or secrets. */
public final class WfmException extends Exception {
    public WfmException(String message) {
        super(message);
    }

    public WfmException(String message, Throwable cause) {
        super(message, cause);
    }
}
