package com.sessionconsole.ui;

import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.VisibleText;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Values that look normal but are not, said in words for the cells' tooltips and the session detail: an IP with
 * blanks around it or that is no address at all (and why), a trust level outside 0–100, a session created in the
 * future by the server's clock.
 */
public final class OddValues {
    /** Clock skew between the writers and the database that is not worth a flag. */
    static final Duration FUTURE_SLACK = Duration.ofMinutes(1);
    private static final String ADDRESS_CHARS = "0123456789abcdefABCDEF.:";

    private OddValues() {
    }

    /** The IP as a cell shows it: quoted when blanks at its ends (or a quote inside) would otherwise not be seen. */
    public static String ipShown(String stored) {
        if (stored == null) {
            return null;
        }
        boolean blankEnd = !stored.isEmpty() && (Character.isWhitespace(stored.charAt(0)) || Character.isWhitespace(stored.charAt(stored.length() - 1)));
        return blankEnd || stored.isEmpty() || stored.contains("\"") ? VisibleText.quoted(stored) : VisibleText.of(stored);
    }

    /** Why a stored ip_address is flagged, or null when it is an address. */
    public static String ipNote(String stored) {
        if (stored == null || IpAddresses.isIp(stored)) {
            return null;
        }
        Optional<byte[]> address = IpAddresses.address(stored);
        if (address.isPresent()) {
            return "Blanks around the address: stored as " + VisibleText.quoted(stored) + ". The console reads it as "
                    + IpAddresses.text(address.get()) + "; other tools may not.";
        }
        return "Not an address: " + whyNotAnAddress(stored.strip()) + ". ip_address is free text.";
    }

    private static String whyNotAnAddress(String v) {
        if (v.isEmpty()) {
            return "empty or only blanks";
        }
        if (v.contains("/")) {
            return "a network (CIDR), not one address";
        }
        for (int i = 0; i < v.length(); i++) {
            if (ADDRESS_CHARS.indexOf(v.charAt(i)) < 0) {
                return "it holds " + VisibleText.quoted(String.valueOf(v.charAt(i))) + ", which no address has";
            }
        }
        if (v.matches("[0-9.]+")) {
            String[] parts = v.split("\\.", -1);
            if (parts.length != 4) {
                return parts.length + " parts where an IPv4 address has 4";
            }
            for (String p : parts) {
                if (p.isEmpty()) {
                    return "an empty part";
                }
                if (p.length() > 3 || Integer.parseInt(p) > 255) {
                    return "the part " + p + " is above 255";
                }
                if (p.length() > 1 && p.startsWith("0")) {
                    return "the part " + p + " has a leading zero (some tools read it as octal)";
                }
            }
        }
        return "not a valid IPv4 or IPv6 spelling";
    }

    /** Whether a trust level is outside the 0–100 the product writes. */
    public static boolean trustOutOfRange(Integer trust) {
        return trust != null && (trust < 0 || trust > 100);
    }

    public static String trustNote(Integer trust) {
        return trustOutOfRange(trust) ? "Out of range: " + trust + " is outside 0–100, not a value the product should write. Treat as untrusted." : null;
    }

    /** Whether a creation time lies ahead of the server's clock (by more than a minute of skew). */
    public static boolean createdInFuture(Instant created, Instant serverNow) {
        return created != null && serverNow != null && created.isAfter(serverNow.plus(FUTURE_SLACK));
    }

    public static String createdNote(Instant created, Instant serverNow) {
        return createdInFuture(created, serverNow)
                ? "Created in the future by the server's clock: the writer's clock is off, or the value was forged." : null;
    }
}
