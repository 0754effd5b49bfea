package org.iwddm.demo;

/** The demo could not finish: a run failed or the database could not be read. */
public final class DemoException extends Exception {
    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
