package org.iwddm.feed;

import java.io.IOException;
import java.io.Reader;

/**
 * A strict RFC 8259 scanner over a character stream that validates JSON without building it:
 * it can copy one value's text exactly as sent (for staging) and note the text of that value's
 * own {@code "id"} member. No nesting limit (the container stack is a growable array, never
 * recursion) and no judgement on string contents beyond JSON syntax: a lone UTF-16 surrogate
 * escape or a repeated key is valid JSON, for the database to judge as an event.
 */
final class JsonScanner {
    /** Thrown for text that is not JSON; the page reader refuses the page with this message. */
    static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;

        NotJson(String message) {
            super(message);
        }
    }

    /** What {@link #copyValue} saw of the value's own members: how often "id" and its text. */
    record Members(boolean object, int idCount, String idText) {
    }

    private static final int EOF = -1;
    private static final byte OBJECT = 1;
    private static final byte ARRAY = 2;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private long consumed;
    private StringBuilder copy;

    JsonScanner(Reader in) {
        this.in = in;
    }

    /** The next non-whitespace character without consuming it, or -1 at the end. */
    int peek() throws IOException {
        while (true) {
            if (position == length && !fill()) {
                return EOF;
            }
            char c = buffer[position];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            take();
        }
    }

    void expect(char wanted) throws IOException, NotJson {
        int c = peek();
        if (c != wanted) {
            throw unexpected(c, "'" + wanted + "'");
        }
        take();
    }

    /** Consumes {@code wanted} if it is next (after whitespace). */
    boolean consumeIf(char wanted) throws IOException {
        if (peek() == wanted) {
            take();
            return true;
        }
        return false;
    }

    /** Reads a string and returns its decoded value (a lone surrogate escape stays a lone char). */
    String string() throws IOException, NotJson {
        StringBuilder decoded = new StringBuilder();
        scanString(decoded);
        return decoded.toString();
    }

    /** Reads a number and returns its text as sent. */
    String number() throws IOException, NotJson {
        StringBuilder text = new StringBuilder();
        scanNumber(text);
        return text.toString();
    }

    /** Reads true or false. */
    boolean bool() throws IOException, NotJson {
        int c = peek();
        if (c == 't') {
            literal("true");
            return true;
        }
        if (c == 'f') {
            literal("false");
            return false;
        }
        throw unexpected(c, "true or false");
    }

    /** Skips one value, checking that it is JSON. */
    void skipValue() throws IOException, NotJson {
        scanValue(false);
    }

    /** Reads one value, returning its text exactly as sent (without surrounding whitespace). */
    String copyValue(Members[] members) throws IOException, NotJson {
        peek();
        copy = new StringBuilder(256);
        try {
            members[0] = scanValue(true);
            return copy.toString();
        } finally {
            copy = null;
        }
    }

    /**
     * The value scanner: an explicit stack of open containers. With {@code track}, the keys of
     * the outermost object are decoded and the text of its "id" member is cut from the copy.
     */
    private Members scanValue(boolean track) throws IOException, NotJson {
        byte[] stack = new byte[16];
        int depth = 0;
        boolean outerObject = peek() == '{';
        int idCount = 0;
        int idStart = -1;
        String idText = null;
        boolean expectKey = false;
        while (true) {
            if (expectKey) {
                expectKey = false;
                if (peek() != '"') {
                    throw unexpected(peek(), "a member name");
                }
                boolean isId = track && depth == 1 && "id".equals(string());
                if (!(track && depth == 1)) {
                    scanString(null);
                }
                expect(':');
                if (isId) {
                    idCount++;
                    peek();
                    idStart = copy.length();
                }
            }
            int c = peek();
            if (c == '{' || c == '[') {
                take();
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = c == '{' ? OBJECT : ARRAY;
                int close = c == '{' ? '}' : ']';
                if (peek() == close) {
                    take();
                    depth--;
                } else if (c == '{') {
                    expectKey = true;
                    continue;
                } else {
                    continue;
                }
            } else {
                scalar(c);
            }
            // A value ended: close containers that end here, or move to the next member.
            while (true) {
                if (idStart >= 0 && depth == 1) {
                    idText = copy.substring(idStart);
                    idStart = -1;
                }
                if (depth == 0) {
                    return new Members(outerObject, idCount, idCount == 1 ? idText : null);
                }
                int next = peek();
                byte open = stack[depth - 1];
                if (next == ',') {
                    take();
                    expectKey = open == OBJECT;
                    break;
                }
                if (next == (open == OBJECT ? '}' : ']')) {
                    take();
                    depth--;
                    continue;
                }
                throw unexpected(next, open == OBJECT ? "',' or '}'" : "',' or ']'");
            }
        }
    }

    private void scalar(int c) throws IOException, NotJson {
        switch (c) {
            case '"' -> scanString(null);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    scanNumber(null);
                } else {
                    throw unexpected(c, "a value");
                }
            }
        }
    }

    private void literal(String word) throws IOException, NotJson {
        for (int i = 0; i < word.length(); i++) {
            int c = raw();
            if (c != word.charAt(i)) {
                throw unexpected(c, "'" + word + "'");
            }
            take();
        }
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void scanNumber(StringBuilder text) throws IOException, NotJson {
        if (raw() == '-') {
            append(text, take());
        }
        if (raw() == '0') {
            append(text, take());
        } else {
            digits(text);
        }
        if (raw() == '.') {
            append(text, take());
            digits(text);
        }
        if (raw() == 'e' || raw() == 'E') {
            append(text, take());
            if (raw() == '+' || raw() == '-') {
                append(text, take());
            }
            digits(text);
        }
    }

    private void digits(StringBuilder text) throws IOException, NotJson {
        if (!isDigit(raw())) {
            throw unexpected(raw(), "a digit");
        }
        while (isDigit(raw())) {
            append(text, take());
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static void append(StringBuilder text, char c) {
        if (text != null) {
            text.append(c);
        }
    }

    /** A string, validated; decoded into {@code decoded} when given. */
    private void scanString(StringBuilder decoded) throws IOException, NotJson {
        if (raw() != '"') {
            throw unexpected(raw(), "'\"'");
        }
        take();
        while (true) {
            int c = raw();
            if (c == EOF) {
                throw new NotJson("the body ends inside a string");
            }
            take();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new NotJson("a string holds an unescaped control character (U+"
                        + String.format("%04X", c) + ") at character " + consumed);
            }
            if (c == '\\') {
                c = escape();
            }
            append(decoded, (char) c);
        }
    }

    private char escape() throws IOException, NotJson {
        int c = raw();
        take();
        switch (c) {
            case '"', '\\', '/' -> {
                return (char) c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(raw(), 16);
                    if (raw() == EOF || digit < 0) {
                        throw unexpected(raw(), "a hex digit of a \\u escape");
                    }
                    take();
                    value = value * 16 + digit;
                }
                return (char) value;
            }
            default -> throw new NotJson("invalid escape \\" + (c == EOF ? "" : (char) c) + " at character " + consumed);
        }
    }

    /** The next character, whitespace included, without consuming it; -1 at the end. */
    private int raw() throws IOException {
        if (position == length && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    /** Consumes the character {@link #raw} or {@link #peek} returned (copying it when copying). */
    private char take() {
        char c = buffer[position++];
        consumed++;
        if (copy != null) {
            copy.append(c);
        }
        return c;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        length = read;
        return true;
    }

    NotJson unexpected(int c, String wanted) {
        if (c == EOF) {
            return new NotJson("the body ends where " + wanted + " should follow");
        }
        return new NotJson("expected " + wanted + " but found '" + (char) c + "' at character " + (consumed + 1));
    }
}
