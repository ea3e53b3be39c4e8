package com.sessionconsole.live;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.SessionFilter;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the analyst typed into a {@link SessionFilter}. A field that does not parse is left
 * out of the filter and reported with a message that says what to type instead.
 */
public final class FilterParser {
    public static final int MAX_TEXT_LENGTH = 200;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|sec|m|min|h|d)?", Pattern.CASE_INSENSITIVE);
    private static final Duration MAX_DURATION = Duration.ofDays(3650);

    public enum Field { TEXT, IP, MAX_TRUST, CREATED_WITHIN, EXPIRES_WITHIN, USER, DEVICE, LOCATION }

    /** Raw strings as typed; null or blank means the field is unused. */
    public record Input(String text, String ip, String maxTrust, String createdWithin, String expiresWithin,
                        String user, String device, String location) {
        public static final Input EMPTY = new Input(null, null, null, null, null, null, null, null);
    }

    public record Parsed(SessionFilter filter, Map<Field, String> errors) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    public Parsed parse(Input in) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        String text = text(in.text(), Field.TEXT, errors);
        Cidr ip = null;
        if (!blank(in.ip())) {
            Cidr.Result r = Cidr.parse(in.ip());
            if (r.ok()) {
                ip = r.cidr();
            } else {
                errors.put(Field.IP, r.error());
            }
        }
        Integer trust = null;
        if (!blank(in.maxTrust())) {
            String t = in.maxTrust().strip();
            if (!t.matches("-?\\d{1,4}")) {
                errors.put(Field.MAX_TRUST, "trust must be a whole number from 0 to 100");
            } else {
                int v = Integer.parseInt(t);
                if (v < 0 || v > 100) {
                    errors.put(Field.MAX_TRUST, "trust " + v + " is out of range: use 0 to 100");
                } else {
                    trust = v;
                }
            }
        }
        Duration created = duration(in.createdWithin(), Field.CREATED_WITHIN, errors);
        Duration expires = duration(in.expiresWithin(), Field.EXPIRES_WITHIN, errors);
        SessionFilter filter = new SessionFilter(text, ip, trust, created, expires,
                text(in.user(), Field.USER, errors), text(in.device(), Field.DEVICE, errors),
                text(in.location(), Field.LOCATION, errors));
        return new Parsed(filter, Map.copyOf(errors));
    }

    /** Parses "15m", "2h", "1d", "90s"; a bare number means minutes. */
    public static Duration parseDuration(String raw) {
        Matcher m = DURATION.matcher(raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + abbreviate(raw) + "' is not a duration: type a number with m, h or d, e.g. 30m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase();
        Duration d = switch (unit) {
            case "s", "sec" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("'" + abbreviate(raw) + "' is out of range: use more than 0 and at most 3650d");
        }
        return d;
    }

    private static Duration duration(String raw, Field field, Map<Field, String> errors) {
        if (blank(raw)) {
            return null;
        }
        try {
            return parseDuration(raw);
        } catch (IllegalArgumentException e) {
            errors.put(field, e.getMessage());
            return null;
        }
    }

    private static String text(String raw, Field field, Map<Field, String> errors) {
        if (blank(raw)) {
            return null;
        }
        if (raw.indexOf('\0') >= 0) {
            errors.put(field, "the text contains a NUL character; remove it");
            return null;
        }
        if (raw.length() > MAX_TEXT_LENGTH) {
            errors.put(field, "the text is " + raw.length() + " characters long; at most " + MAX_TEXT_LENGTH + " are searched");
            return null;
        }
        return raw.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
