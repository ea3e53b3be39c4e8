package com.sessionconsole.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 §4: what a terminal or a cell must never receive as itself, and what it may. */
class VisibleTextTest {
    @Test
    void controlsBidiMarksAndInvisibleCharactersBecomeEscapes() {
        String tag = new String(Character.toChars(0xE0041));
        assertThat(VisibleText.of("a\u001b[31mb\u009b\u202ec\u2066d\u200be\ufefff\u2028g\u180eh\u3164i\ufff9j" + tag + "k"))
                .isEqualTo("a\\x1b[31mb\\x9b\\u202ec\\u2066d\\u200be\\ufefff\\u2028g\\u180eh\\u3164i\\ufff9j\\U000e0041k");
    }

    @Test
    void ordinaryTextOfAnyScriptIsLeftAlone() {
        for (String s : new String[]{"Zürich", "Москва", "東京", "شيراز", "😀", "CORP\\host", "10.0.0.1", "a b\u00a0c"}) {
            assertThat(VisibleText.of(s)).isSameAs(s);
        }
    }
}
