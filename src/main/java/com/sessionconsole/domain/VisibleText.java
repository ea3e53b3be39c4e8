package com.sessionconsole.domain;

/**
 * The one sanitizer for text that an attacker may have written (device ids, user agents, locations, IPs)
 * on its way to a terminal or a table cell. Every code point that acts on the terminal, reorders text or
 * prints as nothing is replaced by a visible escape (ESC as "\\x1b", U+202E as "\\u" + "202e"), so a value
 * can neither drive the terminal nor disguise itself or the text around it. The escapes are unambiguous: a
 * real backslash that could be read as the start of one is itself written as "\\\\".
 */
public final class VisibleText {
    /** How a table shows NULL; see {@link #cell}. */
    public static final String NULL = "∅";
    /** How a table shows the empty text; see {@link #cell}. */
    public static final String EMPTY = "\"\"";

    private VisibleText() {
    }

    /**
     * Whether the code point must not reach a terminal or a cell as itself: controls (Cc), format characters
     * (Cf: bidi controls, zero-width space and joiners, soft hyphen, byte order mark, tag characters), line and
     * paragraph separators, every space but U+0020 (no-break, en, ideographic…), the braille blank U+2800, and
     * the rest of Unicode's default-ignorable code points, so that two different keys never look the same and
     * no value drives the terminal. Code points this Java does not know (unassigned in its Unicode tables, such as
     * format controls added later), noncharacters, private-use characters and lone surrogates are escaped too: what
     * cannot be judged is not shown as itself.
     */
    public static boolean isHostile(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED,
                 Character.PRIVATE_USE, Character.SURROGATE -> true;
            case Character.SPACE_SEPARATOR -> c != ' ';
            default -> c == 0x2800 || isDefaultIgnorable(c);
        };
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), which Java does not expose: code points
     * that a renderer shows as nothing, such as the combining grapheme joiner, Khmer inherent vowels, Mongolian
     * and other variation selectors, Hangul fillers and the reserved ranges kept for more of them.
     */
    static boolean isDefaultIgnorable(int c) {
        return c == 0x00ad || c == 0x034f || c == 0x061c || c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5
                || (c >= 0x180b && c <= 0x180f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2060 && c <= 0x206f) || c == 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff || c == 0xffa0
                || (c >= 0xfff0 && c <= 0xfff8) || (c >= 0x1bca0 && c <= 0x1bca3) || (c >= 0x1d173 && c <= 0x1d17a)
                || (c >= 0xe0000 && c <= 0xe0fff);
    }

    /** The value with every hostile code point escaped, and every backslash that could be read as an escape doubled. */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int n = Character.charCount(c);
            boolean hostile = isHostile(c);
            if (hostile || c == '\\' && startsAnEscape(value, i + n)) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                if (hostile) {
                    appendEscape(sb, c);
                } else {
                    sb.append("\\\\");
                }
            } else if (sb != null) {
                sb.append(value, i, i + n);
            }
            i += n;
        }
        return sb == null ? value : sb.toString();
    }

    /** Whether what follows a backslash at {@code next} would make it read as an escape: x, u, U, a backslash, or an escaped code point. */
    private static boolean startsAnEscape(String value, int next) {
        if (next >= value.length()) {
            return false;
        }
        int c = value.codePointAt(next);
        return c == 'x' || c == 'u' || c == 'U' || c == '\\' || isHostile(c);
    }

    /**
     * A value inside a line of text that also holds other fields (a revoke preview, a watch line): NULL as {@value #NULL},
     * anything else escaped and in double quotes, with a quote inside written as \x22, so that no value can end its
     * field early and forge the fields after it.
     */
    public static String quoted(String value) {
        return value == null ? NULL : "\"" + of(value).replace("\"", "\\x22") + "\"";
    }

    /**
     * A value as one cell of a table or one key on a line: escaped as by {@link #of}, NULL as {@value #NULL} and
     * the empty text as {@code ""}. A value that would look like either shows its first character escaped.
     */
    public static String cell(String value) {
        if (value == null) {
            return NULL;
        }
        if (value.isEmpty()) {
            return EMPTY;
        }
        String shown = of(value);
        if (shown.equals(NULL) || shown.equals(EMPTY)) {
            StringBuilder sb = new StringBuilder();
            appendEscape(sb, shown.codePointAt(0));
            return sb.append(shown, Character.charCount(shown.codePointAt(0)), shown.length()).toString();
        }
        return shown;
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
