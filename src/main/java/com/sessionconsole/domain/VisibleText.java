package com.sessionconsole.domain;

/**
 * The one sanitizer for text that an attacker may have written (device ids, user agents, locations, IPs)
 * on its way to a terminal or a table cell. Control characters (C0, DEL, C1) and the Unicode bidi
 * controls that reorder text are replaced by a visible escape (ESC as "\\x1b", U+202E as "\\u" + "202e"), so a value
 * can neither drive the terminal nor disguise itself or the text around it.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /**
     * Whether the code point must not reach a terminal or a cell as itself: controls (Cc), format characters
     * (Cf: bidi marks, zero-width space and joiners, word joiner, soft hyphen, byte order mark, interlinear
     * annotations, tag characters), line and paragraph separators, and the Hangul fillers that print as
     * nothing, so that two different keys never look the same and no value drives the terminal.
     */
    public static boolean isHostile(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0;
    }

    /** The value with every hostile code point escaped. */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int n = Character.charCount(c);
            if (isHostile(c)) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                appendEscape(sb, c);
            } else if (sb != null) {
                sb.append(value, i, i + n);
            }
            i += n;
        }
        return sb == null ? value : sb.toString();
    }

    /** Appends the visible form of one hostile code point: "\\x1b" for ESC, "\\u" + "202e", "\\U" + "000e0041". */
    public static void appendEscape(StringBuilder sb, int c) {
        if (c < 0x100) {
            sb.append(String.format("\\x%02x", c));
        } else if (c < 0x10000) {
            sb.append(String.format("\\u%04x", c));
        } else {
            sb.append(String.format("\\U%08x", c));
        }
    }
}
