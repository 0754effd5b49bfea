package org.iwddm.feed;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Lets another thread abort one page's request at any stage (connecting, waiting for the
 * status, reading the body): a page read ahead is dropped this way when the run stops. Aborting
 * before the request starts aborts it as soon as it starts.
 */
public final class Abort {
    private Cancellable request;
    private boolean aborted;

    /** Called by the client once per request, before it is sent. */
    synchronized void attach(Cancellable value) {
        request = value;
        if (aborted) {
            value.cancel();
        }
    }

    public synchronized void abort() {
        aborted = true;
        if (request != null) {
            request.cancel();
        }
    }

    public synchronized boolean aborted() {
        return aborted;
    }
}
