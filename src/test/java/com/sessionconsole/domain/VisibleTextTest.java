package com.sessionconsole.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 §4: what a terminal or a cell must never receive as itself, and what it may; and that no two values look alike. */
class VisibleTextTest {
    @Test
    void controlsBidiMarksAndInvisibleCharactersBecomeEscapes() {
        String tag = new String(Character.toChars(0xE0041));
        assertThat(VisibleText.of("a\u001b[31mb\u009b\u202ec\u2066d\u200be\ufefff\u2028g\u180eh\u3164i\ufff9j" + tag + "k"))
                .isEqualTo("a\\x1b[31mb\\x9b\\u202ec\\u2066d\\u200be\\ufefff\\u2028g\\u180eh\\u3164i\\ufff9j\\U000e0041k");
    }

    @Test
    void ordinaryTextOfAnyScriptIsLeftAlone() {
        for (String s : new String[]{"Zürich", "Москва", "東京", "شيراز", "😀", "CORP\\host", "C:\\temp\\", "10.0.0.1", "a b c",
                "\\", "x\\y"}) {
            assertThat(VisibleText.of(s)).isSameAs(s);
        }
    }

    @Test
    void invisibleAndBlankLookingCharactersBecomeEscapes() {
        // default-ignorable (Unicode DerivedCoreProperties) that are not format characters, blank-looking spaces and the braille blank
        int[] invisible = {0x034f, 0x17b4, 0x17b5, 0x180b, 0x180f, 0xfe00, 0xfe0f, 0x115f, 0x2065, 0xfff0, 0xe0100, 0xe01ef, 0xe0fff,
                0x00a0, 0x2000, 0x2007, 0x200a, 0x202f, 0x205f, 0x3000, 0x2800, 0x061c, 0x1bca0, 0x1d173};
        for (int c : invisible) {
            String escape = c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
            assertThat(VisibleText.of("dev-f" + Character.toString(c) + "6")).as("U+%04X", c).isEqualTo("dev-f" + escape + "6");
        }
        assertThat(VisibleText.of("a b")).as("the ordinary space").isEqualTo("a b");
    }

    @Test
    void aRealBackslashIsEscapedWhereItCouldBeReadAsAnEscape() {
        String literal = "dev-\\x1b[2Jf6";
        String withEsc = "dev-\u001b[2Jf6";
        assertThat(VisibleText.of(withEsc)).isEqualTo("dev-\\x1b[2Jf6");
        assertThat(VisibleText.of(literal)).isEqualTo("dev-\\\\x1b[2Jf6");
        assertThat(VisibleText.of("a\\u202e")).isEqualTo("a\\\\u202e");
        assertThat(VisibleText.of("a\\U000e0041")).isEqualTo("a\\\\U000e0041");
        assertThat(VisibleText.of("a\\\\b")).as("a backslash before a backslash").isEqualTo("a\\\\\\b");
        assertThat(VisibleText.of("a\\\u001b")).as("a backslash before an escaped character").isEqualTo("a\\\\\\x1b");
    }

    @Provide
    Arbitrary<String> lookAlikes() {
        return Arbitraries.of(List.of("\\", "x", "u", "U", "1", "b", "e", "0", "[", "a", " ", "\u001b", "\u034f", "\u3000", "\u2800",
                "\u00a0", "\ufe0f", "\u202e", "\n", "\udb40\udc41", "\udb40\udd00", "😀", "é")).list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void everyValueIsShownWithoutInvisibleCharactersAndCanBeReadBackExactly(@ForAll("lookAlikes") String value) {
        String shown = VisibleText.of(value);
        shown.codePoints().forEach(c -> assertThat(VisibleText.isHostile(c)).as("U+%04X in %s", c, shown).isFalse());
        assertThat(readBack(shown)).isEqualTo(value);
    }

    /** How a reader undoes the escapes: a doubled backslash is one, backslash-x, -u or -U and 2, 4 or 8 hex digits a code point, any other backslash itself. */
    private static String readBack(String shown) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            int digits = c != '\\' || i + 1 >= shown.length() ? 0 : switch (shown.charAt(i + 1)) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (c == '\\' && i + 1 < shown.length() && shown.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else if (digits > 0 && i + 2 + digits <= shown.length() && shown.substring(i + 2, i + 2 + digits).matches("[0-9a-f]+")) {
                sb.appendCodePoint(Integer.parseInt(shown.substring(i + 2, i + 2 + digits), 16));
                i += 1 + digits;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
