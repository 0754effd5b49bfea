package org.iwddm.log;

import java.util.Map;
import org.tinylog.Logger;
import org.tinylog.ThreadContext;

/**
 * The job's log: one JSON object per line on stdout ({@link JsonLinesWriter}), carrying tenant,
 * chain and run id from the context plus the figures of the step. Secrets are scrubbed from
 * every line by the writer, with the {@link Redactor} set here once the configuration is known.
 */
public final class JobLog {
    private static volatile Redactor redactor = Redactor.NONE;

    private JobLog() {
    }

    /** Called once the configuration is known, before anything that could echo a secret runs. */
    public static void useRedactor(Redactor value) {
        redactor = value;
    }

    static Redactor redactor() {
        return redactor;
    }

    /** The text with every known secret masked, for text stored where others read it (etl_audit). */
    public static String scrub(String text) {
        return text == null ? null : redactor.scrub(text);
    }

    public static void context(String tenant, String chain, String runId) {
        ThreadContext.put("tenant", tenant);
        ThreadContext.put("chain", chain);
        ThreadContext.put("run_id", runId);
    }

    public static void info(String message, Figures figures) {
        withFigures(figures, () -> Logger.info("{}", message));
    }

    public static void info(String message) {
        info(message, Figures.NONE);
    }

    public static void warn(String message, Figures figures) {
        withFigures(figures, () -> Logger.warn("{}", message));
    }

    public static void warn(String message) {
        warn(message, Figures.NONE);
    }

    public static void error(String message, Figures figures) {
        withFigures(figures, () -> Logger.error("{}", message));
    }

    /** Figures travel to the writer as thread context, for this one entry only. */
    private static void withFigures(Figures figures, Runnable log) {
        Map<Figure, String> values = figures.values();
        values.forEach((figure, value) -> ThreadContext.put(figure.field(), value));
        try {
            log.run();
        } finally {
            values.keySet().forEach(figure -> ThreadContext.remove(figure.field()));
        }
    }
}
