package com.sessionconsole.cli;

import com.sessionconsole.live.FilterParser;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --since DURATION|INSTANT}: a duration back from the server's now (2h, 7d) or a UTC instant (2026-12-01T08:00:00Z). */
record SinceOption(java.time.Duration back, Instant at) {
    static SinceOption parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.contains("T") || t.contains("-") && t.length() > 8) {
            try {
                return new SinceOption(null, Instant.parse(t));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since '" + t + "' is not an instant: write it as 2026-12-01T08:00:00Z (UTC), or a duration such as 2h");
            }
        }
        try {
            return new SinceOption(FilterParser.parseDuration(t), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--since: " + e.getMessage() + ", or an instant such as 2026-12-01T08:00:00Z", e);
        }
    }

    Instant from(Instant serverNow) {
        return at != null ? at : serverNow.minus(back);
    }
}
