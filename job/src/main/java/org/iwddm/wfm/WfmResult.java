package org.iwddm.wfm;

/** What one push did: intervals WFM acknowledged in this run, closed intervals still pending after it. */
public record WfmResult(long delivered, long pending) {
}
