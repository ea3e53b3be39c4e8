package com.sessionconsole.ui;

import com.sessionconsole.domain.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Short relative times ("in 2 h", "5 min ago") and the absolute time for tooltips. PostgreSQL's
 * infinities read "never" ('infinity', as in "never expires") and "−∞".
 */
public final class TimeText {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    public static String relative(Instant t, Instant now) {
        if (t == null) {
            return "";
        }
        if (!Timestamps.isFinite(t)) {
            return infinite(t);
        }
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        String amount = amount(d.abs());
        return future ? "in " + amount : amount + " ago";
    }

    private static String amount(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400 * 2) {
            return s / 3600 + " h";
        }
        if (s < 86400L * 365 * 2) {
            return s / 86400 + " d";
        }
        return s / (86400L * 365) + " y";
    }

    public static String absolute(Instant t) {
        return t == null ? "" : Timestamps.isFinite(t) ? ABSOLUTE.format(t) : infinite(t);
    }

    public static String compact(Instant t) {
        return t == null ? "" : Timestamps.isFinite(t) ? COMPACT.format(t) : infinite(t);
    }

    private static String infinite(Instant t) {
        return t.equals(Timestamps.INFINITY) ? "never" : "−∞";
    }

    public static String clock(Instant t) {
        return t == null ? "" : CLOCK.format(t);
    }
}
