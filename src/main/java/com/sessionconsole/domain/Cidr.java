package com.sessionconsole.domain;

import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 network such as 10.0.0.0/8 or 2001:db8::/32. A bare address is a /32 or /128. */
public record Cidr(String text, byte[] network, int prefixLength) {

    /** Parses the text, or returns a message that says what is wrong with it. */
    public static Result parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Result.error("enter an address or a network such as 10.0.0.0/8");
        }
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<byte[]> address = IpAddresses.parse(addressPart);
        if (address.isEmpty()) {
            return Result.error("'" + abbreviate(addressPart) + "' is not an IPv4 or IPv6 address");
        }
        int maxPrefix = address.get().length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                return Result.error("prefix length '/" + abbreviate(prefixText) + "' must be a number from 0 to " + maxPrefix);
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > maxPrefix) {
                return Result.error("prefix length /" + prefix + " is too long: at most /" + maxPrefix + " for this address");
            }
        }
        return new Result(new Cidr(trimmed, address.get(), prefix), null);
    }

    /** Whether the stored value names an address in this network, by {@link IpAddresses#address}'s rule. */
    public boolean contains(String ip) {
        return IpAddresses.address(ip).map(this::contains).orElse(false);
    }

    /** The network as PostgreSQL's inet reads it ("10.0.0.0/8", "2001:db8:0:0:0:0:0:0/32"): no zone id, a mapped network as IPv4. */
    public String inetText() {
        return IpAddresses.text(network) + "/" + prefixLength;
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public record Result(Cidr cidr, String error) {
        static Result error(String message) {
            return new Result(null, message);
        }

        public boolean ok() {
            return cidr != null;
        }
    }
}
