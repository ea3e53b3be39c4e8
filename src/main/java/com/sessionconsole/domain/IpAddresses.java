package com.sessionconsole.domain;

import com.google.common.net.InetAddresses;

import java.util.Optional;

/**
 * Parses IP literals without ever touching DNS. The ip_address column is free text written by whoever
 * logs in, so it goes only to Guava's {@link InetAddresses#forString}, which is documented never to
 * resolve a name; anything that is not a literal IPv4 or IPv6 address (an IPv6 zone id is allowed) is
 * "not an IP". {@code java.net.InetAddress.getByName} is never called on it: for text that is not quite
 * a literal, it asks the system resolver, and a crafted value would make the analyst's machine send DNS
 * queries.
 */
public final class IpAddresses {
    private static final java.util.regex.Pattern ASCII_ADDRESS = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");
    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or empty when the text is not an IP literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String literal = text; // exact: "10.0.0.1 " is not an IP, and an exact-match revoke would miss it
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            if (literal.indexOf(':') < 0 || !literal.substring(zone + 1).matches("[A-Za-z0-9_.-]{1,16}")) {
                return Optional.empty();
            }
            literal = literal.substring(0, zone);
        }
        // ASCII only: Guava reads any Unicode digit, so "١٢٣.١.١.١" would otherwise pass as 123.1.1.1
        if (!ASCII_ADDRESS.matcher(literal).matches() || !InetAddresses.isInetAddress(literal)) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.forString(literal).getAddress());
    }

    public static boolean isIp(String text) {
        return parse(text).isPresent();
    }
}
