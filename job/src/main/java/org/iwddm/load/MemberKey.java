package org.iwddm.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * iwddm.member_key(VARIADIC parts text[]) computed in the driver, so the database does not hash
 * every key of every event (issue 14): 0 when every part is null, else the first 8 bytes of the
 * MD5 of the parts' text[] output (PostgreSQL's array_out), read as a signed big-endian long.
 * One instance per thread: it reuses its digest and buffer. MemberKeyParityTest holds it to the
 * server's function.
 */
final class MemberKey {
    private final MessageDigest md5;
    private final StringBuilder array = new StringBuilder(64);

    MemberKey() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    long of(String... parts) {
        if (allNull(parts)) {
            return 0;
        }
        byte[] digest = md5.digest(arrayText(parts).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    private static boolean allNull(String[] parts) {
        for (String part : parts) {
            if (part != null) {
                return false;
            }
        }
        return true;
    }

    /** array_out of a one-dimensional text[]: {a,b}, NULL for a null element, quoting as below. */
    String arrayText(String... parts) {
        array.setLength(0);
        array.append('{');
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                array.append(',');
            }
            element(parts[i]);
        }
        return array.append('}').toString();
    }

    private void element(String part) {
        if (part == null) {
            array.append("NULL");
        } else if (!needsQuotes(part)) {
            array.append(part);
        } else {
            appendQuoted(array, part);
        }
    }

    /** An array element in double quotes, its " and \ backslash-escaped, as array_out and array_in read it. */
    static void appendQuoted(StringBuilder out, String element) {
        out.append('"');
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** array_out quotes an empty element, the word NULL in any case, and one holding {},"\ or array_isspace's white space. */
    private static boolean needsQuotes(String part) {
        if (part.isEmpty() || part.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < part.length(); i++) {
            switch (part.charAt(i)) {
                case '{', '}', ',', '"', '\\', ' ', '\t', '\n', '\r', '\u000b', '\f' -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }
}
