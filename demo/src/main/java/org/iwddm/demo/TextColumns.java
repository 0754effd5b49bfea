package org.iwddm.demo;

/**
 * Fixed-width text columns as a terminal shows them: East Asian wide and fullwidth characters
 * take two columns, combining marks none (String.format's %-14s counts chars, so CJK names
 * pushed the columns after them out of line).
 */
final class TextColumns {
    private TextColumns() {
    }

    /** The text cut (with an ellipsis) or padded with spaces to exactly width columns. */
    static String fit(String text, int width) {
        if (columns(text) <= width) {
            return text + " ".repeat(width - columns(text));
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int w = columns(codePoint);
            if (used + w > width - 1) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return cut.append('…').append(" ".repeat(width - 1 - used)).toString();
    }

    static int columns(String text) {
        return text.codePoints().map(TextColumns::columns).sum();
    }

    static int columns(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** Unicode East Asian Width W and F, by block (UAX #11). */
    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0x303E || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x1F300 && c <= 0x1F64F
                || c >= 0x1F900 && c <= 0x1F9FF || c >= 0x20000 && c <= 0x3FFFD;
    }
}
