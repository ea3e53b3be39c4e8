package com.sessionconsole.domain;

/**
 * A session token reduced to what an analyst may see: its first and last four characters,
 * and only when the token is long enough that they reveal little of it.
 */
public record TokenMask(String text) {
    public static final int MIN_LENGTH_TO_SHOW_ENDS = 16;
    private static final String ELLIPSIS = "…";

    public static TokenMask of(String head, String tail, int length) {
        if (length < MIN_LENGTH_TO_SHOW_ENDS || head == null || tail == null) {
            return new TokenMask(ELLIPSIS);
        }
        return new TokenMask(head + ELLIPSIS + tail);
    }

    @Override
    public String toString() {
        return text;
    }
}
