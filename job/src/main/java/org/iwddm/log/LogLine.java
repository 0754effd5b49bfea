package org.iwddm.log;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tinylog.core.LogEntry;

/**
 * Renders one log entry as a JSON object: timestamp, level, message, tenant, chain, run_id,
 * then the figures the entry carries (in {@link Figure} order, typed), then any other context.
 */
final class LogLine {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})(\\.\\d+)?");
    private static final String[] IDENTITY = {"tenant", "chain", "run_id"};

    private final StringBuilder json = new StringBuilder(256).append('{');
    private final Redactor redactor;

    private LogLine(Redactor redactor) {
        this.redactor = redactor;
    }

    static String render(LogEntry entry, Redactor redactor) {
        LogLine line = new LogLine(redactor);
        line.text("timestamp", TIMESTAMP.format(entry.getTimestamp().toInstant()));
        line.text("level", entry.getLevel().name());
        line.text("message", entry.getMessage() == null ? "" : entry.getMessage());
        Map<String, String> context = new TreeMap<>(entry.getContext());
        for (String key : IDENTITY) {
            line.text(key, context.getOrDefault(key, ""));
            context.remove(key);
        }
        for (Figure figure : Figure.values()) {
            String value = context.remove(figure.field());
            if (value != null) {
                line.typed(figure.field(), value);
            }
        }
        context.forEach(line::text);
        if (entry.getException() != null) {
            line.text("error", Errors.describe(entry.getException()));
        }
        return line.json.append('}').toString();
    }

    private void text(String name, String value) {
        name(name);
        quoted(redactor.scrub(value));
    }

    /** Figures are numbers or booleans when they look like one, text otherwise. */
    private void typed(String name, String value) {
        if (NUMBER.matcher(value).matches() || value.equals("true") || value.equals("false")) {
            name(name);
            json.append(value);
        } else {
            text(name, value);
        }
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quoted(name);
        json.append(':');
    }

    /** RFC 8259 string escaping: quote, backslash and every control character. */
    private void quoted(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
