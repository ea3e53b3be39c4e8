package com.sessionconsole.domain;

import com.google.common.net.InetAddresses;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP literals without ever touching DNS. The ip_address column is free text written by whoever
 * logs in, so it goes only to Guava's {@link InetAddresses#forString}, which is documented never to
 * resolve a name; anything that is not a literal IPv4 or IPv6 address (an IPv6 zone id is allowed) is
 * "not an IP". {@code java.net.InetAddress.getByName} is never called on it: for text that is not quite
 * a literal, it asks the system resolver, and a crafted value would make the analyst's machine send DNS
 * queries.
 */
public final class IpAddresses {
    private static final Pattern ASCII_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");
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

    /** The blanks around a stored address that do not change which address it is. */
    public static final String BLANKS = " \t\r\n";

    /**
     * The address a stored value names, for matching: {@link #parse} after the blanks around it. The one rule
     * for "is this the same address" everywhere (filter bar, commands, revoke, watchlists, --where-ip): case,
     * zero compression, leading zeros inside a group and the IPv4-mapped form ({@code ::ffff:10.0.0.1} is
     * 10.0.0.1) do not matter; the server side of the rule is {@code db.IpMatchSql}.
     */
    public static Optional<byte[]> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int from = 0;
        int to = text.length();
        while (from < to && BLANKS.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && BLANKS.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        return parse(text.substring(from, to));
    }

    /** The canonical text of an address (RFC 5952: dotted quad, or compressed lower-case IPv6), which inet also reads. No name lookup. */
    public static String text(byte[] address) {
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address.length + " bytes", e);
        }
    }

    /** The network of an address as text: "5.188.62.0/24" for 5.188.62.17 and prefix 24. */
    public static String network(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return text(masked) + "/" + prefix;
    }

    /**
     * A stored ip_address as a revoke preview shows it: as stored, {@link VisibleText#quoted quoted}, and with its
     * address when the spelling is not the canonical one, so that {@code " 10.8.8.4 "} and {@code "::FFFF:10.8.8.4"}
     * are seen for what they are.
     */
    public static String shownSpelling(String stored) {
        Optional<byte[]> address = address(stored);
        if (stored == null || address.isPresent() && text(address.get()).equals(stored)) {
            return VisibleText.quoted(stored);
        }
        return VisibleText.quoted(stored) + address.map(a -> " (address " + text(a) + ")").orElse(" (not an address)");
    }
}
