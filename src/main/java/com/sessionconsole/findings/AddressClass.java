package com.sessionconsole.findings;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.IpAddresses;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * What kind of network an address belongs to. Loopback, link-local and private come from the JDK's
 * {@link InetAddress} (given bytes, so no name is ever resolved); shared address space (CGNAT, RFC 6598) and
 * the documentation ranges (RFC 5737, RFC 3849) are not known to it, so they are listed here. A many-user
 * address in a private or CGNAT range is infrastructure (a NAT) until its users say otherwise.
 */
public enum AddressClass {
    PUBLIC("public"), PRIVATE("private (RFC 1918 / ULA)"), CGNAT("carrier-grade NAT (100.64/10)"), LOOPBACK("loopback"),
    LINK_LOCAL("link-local"), DOCUMENTATION("documentation range"), NOT_AN_IP("not an IP");

    private static final List<Cidr> CGNAT_RANGES = List.of(cidr("100.64.0.0/10"));
    private static final List<Cidr> DOC_RANGES = List.of(cidr("192.0.2.0/24"), cidr("198.51.100.0/24"), cidr("203.0.113.0/24"),
            cidr("2001:db8::/32"));
    private static final List<Cidr> ULA = List.of(cidr("fc00::/7"));

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether shared use of such an address is expected (many users behind one NAT). */
    public boolean isInfrastructure() {
        return this == PRIVATE || this == CGNAT || this == LOOPBACK || this == LINK_LOCAL;
    }

    public static AddressClass of(String stored) {
        Optional<byte[]> parsed = IpAddresses.address(stored);
        if (parsed.isEmpty()) {
            return NOT_AN_IP;
        }
        byte[] a = parsed.get();
        InetAddress inet;
        try {
            inet = InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            return NOT_AN_IP;
        }
        if (inet.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (inet.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (inet.isSiteLocalAddress() || ULA.stream().anyMatch(c -> c.contains(a))) {
            return PRIVATE;
        }
        if (CGNAT_RANGES.stream().anyMatch(c -> c.contains(a))) {
            return CGNAT;
        }
        if (DOC_RANGES.stream().anyMatch(c -> c.contains(a))) {
            return DOCUMENTATION;
        }
        return PUBLIC;
    }

    /**
     * Why a stored IP is not written the canonical way (RFC 5952 for IPv6, dotted quad for IPv4), or null when it
     * is, or is not an IP at all: "blanks around it", "upper-case hex", "IPv4-mapped form of 10.0.0.1", "not compressed".
     */
    public static String nonCanonicalReason(String stored) {
        Optional<byte[]> parsed = IpAddresses.address(stored);
        if (parsed.isEmpty()) {
            return null;
        }
        String canonical = IpAddresses.text(parsed.get());
        if (canonical.equals(stored)) {
            return null;
        }
        String inner = stored.strip();
        if (!inner.equals(stored)) {
            return "blanks around it (address " + canonical + ")";
        }
        if (parsed.get().length == 4 && inner.indexOf(':') >= 0) {
            return "IPv4-mapped or IPv4-compatible form of " + canonical;
        }
        if (!inner.equals(inner.toLowerCase(java.util.Locale.ROOT))) {
            return "upper-case hex (canonical " + canonical + ")";
        }
        if (inner.indexOf('%') >= 0) {
            return "zone id (address " + canonical + ")";
        }
        return "not compressed or leading zeros (canonical " + canonical + ")";
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).cidr();
    }
}
