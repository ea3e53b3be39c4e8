package com.sessionconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A combination of filters over active sessions. Every part is optional (null means "any").
 * Text parts match case-insensitively as substrings; they are never interpreted as patterns.
 */
public record SessionFilter(
        String text,
        Cidr ip,
        Integer maxTrust,
        Duration createdWithin,
        Duration expiresWithin,
        String user,
        String device,
        String location) {

    public static final SessionFilter NONE = new SessionFilter(null, null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NONE);
    }

    public boolean matches(Session s, Instant serverNow) {
        if (text != null && !(containsIgnoreCase(s.userId().toString(), text)
                || containsIgnoreCase(s.deviceId(), text)
                || containsIgnoreCase(s.ipAddress(), text)
                || containsIgnoreCase(s.location(), text)
                || containsIgnoreCase(s.userAgent(), text))) {
            return false;
        }
        if (ip != null && !ip.contains(s.ipAddress())) {
            return false;
        }
        if (maxTrust != null && (s.trustLevel() == null || s.trustLevel() > maxTrust)) {
            return false;
        }
        if (createdWithin != null && (s.createdAt() == null || s.createdAt().isBefore(serverNow.minus(createdWithin)))) {
            return false;
        }
        if (expiresWithin != null && s.expiresAt().isAfter(serverNow.plus(expiresWithin))) {
            return false;
        }
        return (user == null || containsIgnoreCase(s.userId().toString(), user))
                && (device == null || containsIgnoreCase(s.deviceId(), device))
                && (location == null || containsIgnoreCase(s.location(), location));
    }

    /** Whether the filter has a part whose verdict changes as time passes (created within, expires within). */
    public boolean isTimeRelative() {
        return createdWithin != null || expiresWithin != null;
    }

    /**
     * The first instant after {@code serverNow} at which the time-relative parts change their verdict on
     * {@code s}: a session created within 30 minutes leaves the view 30 minutes after it was created, one
     * that expires within an hour enters it an hour before it expires. Null if that never happens.
     */
    public Instant changesAt(Session s, Instant serverNow) {
        Instant next = null;
        if (createdWithin != null && s.createdAt() != null) {
            next = earliestAfter(next, Timestamps.saturatedPlus(s.createdAt(), createdWithin), serverNow);
        }
        if (expiresWithin != null) {
            next = earliestAfter(next, Timestamps.saturatedPlus(s.expiresAt(), expiresWithin.negated()), serverNow);
        }
        return next;
    }

    private static Instant earliestAfter(Instant current, Instant candidate, Instant after) {
        if (!candidate.isAfter(after) || candidate.equals(Instant.MAX)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    /**
     * {@link #matches} for many sessions at once: the verdict on a location or user agent is remembered per
     * string instance (the bulk reads share one instance per distinct value, and a million sessions have a
     * few hundred of each), so a search over a table tests each distinct value once. Device ids and IPs are
     * nearly unique: remembering them would cost more than testing them. Not thread-safe; one per pass.
     */
    public Predicate<Session> matcher(Instant serverNow) {
        Map<String, Boolean> agents = new IdentityHashMap<>();
        Map<String, Boolean> places = new IdentityHashMap<>();
        Map<String, Boolean> locations = new IdentityHashMap<>();
        SessionFilter rest = new SessionFilter(null, ip, maxTrust, createdWithin, expiresWithin, user, device, null);
        return s -> {
            if (text != null && !(containsIgnoreCase(s.deviceId(), text) || containsIgnoreCase(s.ipAddress(), text)
                    || cached(places, s.location(), text) || cached(agents, s.userAgent(), text)
                    || containsIgnoreCase(s.userId().toString(), text))) {
                return false;
            }
            if (location != null && !cached(locations, s.location(), location)) {
                return false;
            }
            return rest.matches(s, serverNow);
        };
    }

    /** At most this many remembered verdicts per field: a table of unique values costs a bounded map. */
    private static final int MAX_REMEMBERED = 4096;

    private static boolean cached(Map<String, Boolean> seen, String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        Boolean known = seen.get(haystack);
        if (known == null) {
            known = containsIgnoreCase(haystack, needle);
            if (seen.size() < MAX_REMEMBERED) {
                seen.put(haystack, known);
            }
        }
        return known;
    }

    /** Substring match without allocating a lower-case copy of the haystack. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int n = needle.length();
        if (n == 0) {
            return true;
        }
        int max = haystack.length() - n;
        // regionMatches(ignoreCase) folds each pair through upper then lower case; the first char is checked that way first
        char first = fold(needle.charAt(0));
        for (int i = 0; i <= max; i++) {
            if (fold(haystack.charAt(i)) == first && haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(Character.toUpperCase(c));
    }

    public String describe() {
        if (isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, "text", text);
        append(sb, "ip", ip == null ? null : ip.text());
        append(sb, "trust<=", maxTrust);
        append(sb, "created within", createdWithin);
        append(sb, "expires within", expiresWithin);
        append(sb, "user", user);
        append(sb, "device", device);
        append(sb, "location", location);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(name).append(' ').append(value.toString().toLowerCase(Locale.ROOT));
        }
    }
}
