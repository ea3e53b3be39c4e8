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
     * Whether the character must not reach a terminal or a cell as itself: controls, bidi marks, line and
     * paragraph separators, and the invisible characters that make two different keys look the same
     * (zero-width space and joiners, word joiner, soft hyphen, byte order mark).
     */
    public static boolean isHostile(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x00ad || c == 0x061c
                || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
    }

    /**
     * The value with every hostile character escaped. Backslashes stay as they are, so that ordinary values
     * (a Windows "DOMAIN\\host") read and copy unchanged; the point is that nothing reaches the screen as a control.
     */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isHostile(c)) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                appendEscape(sb, c);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }

    /** Appends the visible form of one hostile character: "\\x1b" for ESC, "\\u" + "202e" for U+202E. */
    public static void appendEscape(StringBuilder sb, char c) {
        if (c < 0x100) {
            sb.append(String.format("\\x%02x", (int) c));
        } else {
            sb.append(String.format("\\u%04x", (int) c));
        }
    }
}
