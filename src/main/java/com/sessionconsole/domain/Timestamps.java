package com.sessionconsole.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * PostgreSQL's timestamptz as the console holds it. {@code 'infinity'} and {@code '-infinity'} are real
 * values ("never expires"), held as {@link Instant#MAX} and {@link Instant#MIN}: they sort last and first,
 * and no finite PostgreSQL timestamp (4713 BC to 294276 AD) can collide with them.
 */
public final class Timestamps {
    public static final Instant INFINITY = Instant.MAX;
    public static final Instant MINUS_INFINITY = Instant.MIN;

    private Timestamps() {
    }

    public static boolean isFinite(Instant t) {
        return t != null && !t.equals(INFINITY) && !t.equals(MINUS_INFINITY);
    }

    /** The value as PostgreSQL writes it in exports: "infinity", "-infinity" or ISO-8601 in UTC; null stays null. */
    public static String iso(Instant t) {
        if (t == null) {
            return null;
        }
        if (t.equals(INFINITY)) {
            return "infinity";
        }
        return t.equals(MINUS_INFINITY) ? "-infinity" : t.toString();
    }

    /** Reads back what {@link #iso} wrote. */
    public static Instant parseIso(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return switch (text) {
            case "infinity" -> INFINITY;
            case "-infinity" -> MINUS_INFINITY;
            default -> {
                try {
                    yield Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a timestamp", e);
                }
            }
        };
    }

    /** Epoch milliseconds, saturating at the infinities instead of throwing as {@link Instant#toEpochMilli} does. */
    /** {@code t + d}, held at the infinities instead of throwing: ±infinity plus anything stays where it is. */
    public static Instant saturatedPlus(Instant t, Duration d) {
        if (!isFinite(t)) {
            return t;
        }
        try {
            return t.plus(d);
        } catch (DateTimeException | ArithmeticException e) {
            return d.isNegative() ? MINUS_INFINITY : INFINITY;
        }
    }

    public static long epochMillisSaturated(Instant t) {
        if (t.getEpochSecond() > Long.MAX_VALUE / 1000 - 1) {
            return Long.MAX_VALUE;
        }
        if (t.getEpochSecond() < Long.MIN_VALUE / 1000 + 1) {
            return Long.MIN_VALUE;
        }
        return t.toEpochMilli();
    }
}
