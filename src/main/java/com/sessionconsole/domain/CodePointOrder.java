package com.sessionconsole.domain;

import java.util.Comparator;

/**
 * Strings in Unicode code point order, which is UTF-8 byte order and PostgreSQL's {@code COLLATE "C"}.
 * {@link String#compareTo} compares UTF-16 units instead, and puts an emoji before U+FF21.
 */
public final class CodePointOrder implements Comparator<String> {
    public static final Comparator<String> INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
