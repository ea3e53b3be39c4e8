package com.sessionconsole.domain;

/**
 * What a rule counted, and the least count at which it fires: "5 countries; threshold 3". Rules that
 * fire on any matching row (zombie rows, low trust, a new IP) have threshold 1.
 */
public record Measure(long value, long threshold, String unit) {
    public Measure {
        if (threshold < 1) {
            throw new IllegalArgumentException("a threshold is at least 1, not " + threshold);
        }
    }

    /** The "why flagged" line. */
    public String why() {
        return value + " " + unit + "; threshold " + threshold;
    }
}
