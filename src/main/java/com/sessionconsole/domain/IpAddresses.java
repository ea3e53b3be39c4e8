package com.sessionconsole.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP literals without ever touching DNS. The ip_address column is free text, so
 * anything that is not a literal IPv4 or IPv6 address (an IPv6 zone id is allowed) is "not an IP".
 */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or empty when the text is not an IP literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (IPV4.matcher(literal).matches()) {
            return resolveLiteral(literal);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.indexOf(':') < 0 || !IPV6_CHARS.matcher(literal).matches()) {
            return Optional.empty();
        }
        return resolveLiteral(literal);
    }

    public static boolean isIp(String text) {
        return parse(text).isPresent();
    }

    // Only called on strings that InetAddress treats as literals (checked above), so no lookup happens.
    private static Optional<byte[]> resolveLiteral(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
