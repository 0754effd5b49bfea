package org.iwddm.load;

import java.io.IOException;
import java.io.Writer;

/**
 * One line of COPY's default text format: values separated by tabs, \N for NULL, and in a value
 * the backslash, tab, line feed and carriage return escaped (nothing else is special there).
 */
final class CopyLine {
    private Writer out;
    private boolean first;

    void start(Writer writer) {
        out = writer;
        first = true;
    }

    CopyLine text(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escape(value.charAt(i));
            if (escape != null) {
                out.write(value, plain, i - plain);
                out.write(escape);
                plain = i + 1;
            }
        }
        out.write(value, plain, value.length() - plain);
        return this;
    }

    CopyLine number(Number value) throws IOException {
        separate();
        out.write(value == null ? "\\N" : value.toString());
        return this;
    }

    void end() throws IOException {
        out.write('\n');
    }

    private void separate() throws IOException {
        if (!first) {
            out.write('\t');
        }
        first = false;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
        };
    }
}
