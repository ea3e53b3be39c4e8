package com.sessionconsole.ui;

import com.sessionconsole.domain.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Short relative times ("in 2 h", "5 min ago") and absolute times, which always name their zone. PostgreSQL's
 * infinities read "never" ('infinity', as in "never expires") and "−∞".
 * <p>
 * The zone is the analyst's preference (local or UTC), one per process like the JVM's default zone: the
 * window sets it from {@link ViewPrefs} and every table, tooltip and dialog formats through here.
 */
public final class TimeText {
    private static volatile Formats formats = new Formats(ZoneId.systemDefault());

    private record Formats(ZoneId zone, DateTimeFormatter absolute, DateTimeFormatter compact, DateTimeFormatter clock) {
        Formats(ZoneId zone) {
            this(zone, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz").withZone(zone),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz").withZone(zone),
                    DateTimeFormatter.ofPattern("HH:mm:ss zzz").withZone(zone));
        }
    }

    private TimeText() {
    }

    /** Shows absolute times in this zone from now on; tables pick it up when they next draw their cells. */
    public static void useZone(ZoneId zone) {
        formats = new Formats(zone);
    }

    public static ZoneId zone() {
        return formats.zone();
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
        return t == null ? "" : Timestamps.isFinite(t) ? formats.absolute().format(t) : infinite(t);
    }

    public static String compact(Instant t) {
        return t == null ? "" : Timestamps.isFinite(t) ? formats.compact().format(t) : infinite(t);
    }

    private static String infinite(Instant t) {
        return t.equals(Timestamps.INFINITY) ? "never" : "−∞";
    }

    public static String clock(Instant t) {
        return t == null ? "" : formats.clock().format(t);
    }
}
