package org.iwddm.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one event's JSON text into plain Java values, refusing ({@link Unvouched}) everything the
 * driver does not want to reason about, so that what it does return reads exactly as PostgreSQL's
 * jsonb reads the same text: any {@code \}{@code u} escape (it could spell a key, a NUL or a lone
 * surrogate), a control character or lone surrogate in a string, an escaped key, a key given twice
 * in any object (jsonb keeps the last one silently), a number with an exponent or a leading
 * {@code -0} (jsonb normalizes them; problem_text reads them as written), very long numbers,
 * deep nesting, and anything that is not JSON at all.
 * <p>
 * Values: {@link JsonObject}, {@link List}, {@link String}, {@link JsonNumber}, {@link Boolean},
 * and {@code null} for JSON null. Objects remember where their text starts and ends, so the
 * caller can stage a part (task.data) exactly as received.
 */
final class StrictJson {
    static final int MAX_DEPTH = 16;
    static final int MAX_NUMBER_CHARS = 40;

    /** Something this reader will not vouch for; no stack trace, it is an ordinary outcome. */
    static final class Unvouched extends Exception {
        Unvouched(String why) {
            super(why, null, false, false);
        }
    }

    /** A JSON object, its members by (unescaped) name, and its text's span in the source. */
    record JsonObject(Map<String, Object> members, int start, int end) {
        Object get(String name) {
            return members.get(name);
        }

        boolean has(String name) {
            return members.containsKey(name);
        }
    }

    /** A number exactly as written. */
    record JsonNumber(String text) {
    }

    private final String text;
    private final StringBuilder chars = new StringBuilder(64);
    private int at;

    private StrictJson(String text) {
        this.text = text;
    }

    /** The text's single value; refuses trailing content and anything described above. */
    static Object parse(String text) throws Unvouched {
        if (text.indexOf("\\u") >= 0) {
            throw new Unvouched("a \\u escape");
        }
        StrictJson json = new StrictJson(text);
        Object value = json.value(0);
        json.skipSpace();
        if (json.at != text.length()) {
            throw new Unvouched("content after the value");
        }
        return value;
    }

    private Object value(int depth) throws Unvouched {
        if (depth > MAX_DEPTH) {
            throw new Unvouched("nested too deeply");
        }
        skipSpace();
        char c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private JsonObject object(int depth) throws Unvouched {
        int start = at++;
        Map<String, Object> members = new HashMap<>();
        skipSpace();
        if (peek() != '}') {
            do {
                skipSpace();
                String name = key();
                skipSpace();
                expect(':');
                int before = members.size();
                members.put(name, value(depth + 1));
                if (members.size() == before) {
                    throw new Unvouched("key " + name + " given twice");
                }
                skipSpace();
            } while (consume(','));
        }
        expect('}');
        return new JsonObject(members, start, at);
    }

    /** A member name without escapes, control characters or surrogates (those send the event raw, never guessed). */
    private String key() throws Unvouched {
        if (peek() != '"') {
            throw new Unvouched("not JSON: a member name expected");
        }
        int start = ++at;
        char c;
        while ((c = peek()) != '"') {
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                throw new Unvouched("an escaped or unusual key");
            }
            at++;
        }
        return text.substring(start, at++);
    }

    private List<Object> array(int depth) throws Unvouched {
        at++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (peek() != ']') {
            do {
                items.add(value(depth + 1));
                skipSpace();
            } while (consume(','));
        }
        expect(']');
        return items;
    }

    private String string() throws Unvouched {
        at++;
        chars.setLength(0);
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return chars.toString();
            }
            if (c == '\\') {
                chars.append(escape(peek()));
                at++;
            } else if (c < 0x20) {
                throw new Unvouched("a control character in a string");
            } else if (Character.isSurrogate(c)) {
                surrogatePair(c);
            } else {
                chars.append(c);
            }
        }
    }

    private static char escape(char c) throws Unvouched {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> throw new Unvouched("an unknown escape");
        };
    }

    private void surrogatePair(char high) throws Unvouched {
        if (!Character.isHighSurrogate(high) || at >= text.length() || !Character.isLowSurrogate(text.charAt(at))) {
            throw new Unvouched("a lone surrogate");
        }
        chars.append(high).append(text.charAt(at++));
    }

    /** -?(0|[1-9]\d*)(\.\d+)? only; an exponent or a leading -0 is refused. */
    private JsonNumber number() throws Unvouched {
        int start = at;
        consume('-');
        int digits = digits();
        if (digits == 0 || (text.charAt(at - digits) == '0' && (digits > 1 || text.charAt(start) == '-'))) {
            throw new Unvouched("not a plain number");
        }
        if (consume('.') && digits() == 0) {
            throw new Unvouched("not JSON: a fraction without digits");
        }
        char next = at < text.length() ? text.charAt(at) : ' ';
        if (next == 'e' || next == 'E' || at - start > MAX_NUMBER_CHARS) {
            throw new Unvouched("a number with an exponent or too many digits");
        }
        return new JsonNumber(text.substring(start, at));
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private Object literal(String word, Object value) throws Unvouched {
        if (!text.startsWith(word, at)) {
            throw new Unvouched("not JSON: an unknown literal");
        }
        at += word.length();
        return value;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() throws Unvouched {
        if (at >= text.length()) {
            throw new Unvouched("not JSON: the text ends early");
        }
        return text.charAt(at);
    }

    private boolean consume(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Unvouched {
        if (!consume(c)) {
            throw new Unvouched("not JSON: '" + c + "' expected");
        }
    }
}
