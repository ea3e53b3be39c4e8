package com.sessionconsole.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code summary --by} groups active sessions by. {@code subnet} is the network of the address: a /24 for IPv4 and
 * a /64 for IPv6 unless other prefixes are given; a value that is not an address is a group of its own,
 * {@value #NOT_AN_ADDRESS} (a network key always holds a '/', that label never does).
 */
public enum SummaryKey {
    USER, DEVICE, IP, LOCATION, COUNTRY, AGENT, SUBNET;

    public static final String NOT_AN_ADDRESS = "(not an address)";

    /** The prefix lengths of {@link #SUBNET}. */
    public record Prefixes(int v4, int v6) {
        public static final Prefixes DEFAULT = new Prefixes(24, 64);

        public Prefixes {
            if (v4 < 0 || v4 > 32 || v6 < 0 || v6 > 128) {
                throw new IllegalArgumentException("--prefix " + v4 + "," + v6 + ": IPv4 prefixes go from 0 to 32, IPv6 from 0 to 128");
            }
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String key(Session s, Prefixes prefixes) {
        return switch (this) {
            case USER -> s.userId() == null ? null : s.userId().toString();
            case DEVICE -> s.deviceId();
            case IP -> s.ipAddress();
            case LOCATION -> s.location();
            case COUNTRY -> Locations.country(s.location());
            case AGENT -> s.userAgent();
            case SUBNET -> s.ipAddress() == null ? null : IpAddresses.address(s.ipAddress())
                    .map(a -> IpAddresses.network(a, a.length == 4 ? prefixes.v4() : prefixes.v6())).orElse(NOT_AN_ADDRESS);
        };
    }

    public static SummaryKey parse(String text) {
        for (SummaryKey k : values()) {
            if (k.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown grouping '" + VisibleText.of(String.valueOf(text)) + "': use "
                + Arrays.stream(values()).map(SummaryKey::cliName).collect(Collectors.joining(", ")));
    }
}
