package com.sessionconsole.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The CIDR matcher against a reference built on BigInteger arithmetic, and the parser on hostile input. */
class CidrPropertiesTest {

    @Property(tries = 500)
    void ipv4MatchesTheReference(@ForAll("ipv4") byte[] net, @ForAll("ipv4") byte[] addr, @ForAll @IntRange(min = 0, max = 32) int prefix) throws Exception {
        String netText = InetAddress.getByAddress(net).getHostAddress();
        String addrText = InetAddress.getByAddress(addr).getHostAddress();
        Cidr cidr = Cidr.parse(netText + "/" + prefix).cidr();
        assertThat(cidr.contains(addrText)).isEqualTo(reference(net, addr, prefix));
    }

    @Property(tries = 500)
    void ipv6MatchesTheReference(@ForAll("ipv6") byte[] net, @ForAll("ipv6") byte[] addr, @ForAll @IntRange(min = 0, max = 128) int prefix) throws Exception {
        String netText = InetAddress.getByAddress(net).getHostAddress();
        String addrText = InetAddress.getByAddress(addr).getHostAddress();
        Cidr cidr = Cidr.parse(netText + "/" + prefix).cidr();
        assertThat(cidr.contains(addrText)).isEqualTo(reference(net, addr, prefix));
    }

    @Property(tries = 300)
    void anAddressAlwaysMatchesItsOwnNetwork(@ForAll("ipv6") byte[] addr, @ForAll @IntRange(min = 0, max = 128) int prefix) throws Exception {
        String text = InetAddress.getByAddress(addr).getHostAddress();
        assertThat(Cidr.parse(text + "/" + prefix).cidr().contains(text)).isTrue();
    }

    @Property(tries = 1000)
    void anyTextEitherParsesOrExplainsWhy(@ForAll String text) {
        Cidr.Result r = Cidr.parse(text);
        assertThat(r.ok() || (r.error() != null && !r.error().isBlank())).isTrue();
        if (IpAddresses.isIp(text)) {
            // what counts as an address is plain ASCII (no other digits, no spaces) and is inside its own /32 or /128
            assertThat(text).matches("[0-9A-Fa-f:.]+(%[!-~]+)?");
            assertThat(Cidr.parse(text.replaceFirst("%.*", "")).ok()).isTrue();
        }
    }

    @Property(tries = 300)
    void everyDottedQuadIsAnAddressAndTheSameWithOtherDigitsIsNot(@ForAll("ipv4") byte[] addr) throws Exception {
        String text = InetAddress.getByAddress(addr).getHostAddress();
        assertThat(IpAddresses.isIp(text)).isTrue();
        String arabicIndic = text.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) ('\u0660' + (c - '0'))) : String.valueOf((char) c))
                .collect(java.util.stream.Collectors.joining());
        assertThat(IpAddresses.isIp(arabicIndic)).as(arabicIndic).isFalse();
        assertThat(IpAddresses.isIp(" " + text)).isFalse();
    }

    @Example
    void invalidNetworksAreExplained() {
        assertThat(Cidr.parse("10.0.0.0/33").error()).contains("/33 is too long");
        assertThat(Cidr.parse("::g/64").error()).contains("is not an IPv4 or IPv6 address");
        assertThat(Cidr.parse("10.0.0.0/x").error()).contains("must be a number");
        assertThat(Cidr.parse("example.com").error()).contains("is not an IPv4 or IPv6 address");
        assertThat(Cidr.parse("2001:db8::/32").cidr().contains("2001:db8:ffff::1")).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").cidr().contains("2001:db9::1")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").cidr().contains("fe80::1%eth0")).isFalse();
        assertThat(IpAddresses.isIp("fe80::1%eth0")).isTrue();
        assertThat(IpAddresses.isIp("999.1.1.1")).isFalse();
        assertThat(IpAddresses.isIp("localhost")).isFalse();
    }

    private static boolean reference(byte[] net, byte[] addr, int prefix) {
        int bits = net.length * 8;
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    }

    @Provide
    Arbitrary<byte[]> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    @Provide
    Arbitrary<byte[]> ipv6() {
        // avoid v4-mapped addresses, which Java turns into IPv4
        return Arbitraries.bytes().array(byte[].class).ofSize(16).filter(b -> b[0] != 0);
    }
}
