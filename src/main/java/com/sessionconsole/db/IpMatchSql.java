package com.sessionconsole.db;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.IpAddresses;

import java.util.ArrayList;
import java.util.List;

/**
 * The server side of {@link IpAddresses#address}: whether the free-text ip_address names an address in a
 * network, with the console's rule (blanks around it, case, zero compression and IPv4-mapped spellings do not
 * matter; an IPv6 zone id is ignored). Text is cast to inet only after a regular expression has proven it a
 * literal the cast accepts, inside a CASE (PostgreSQL does not promise the order of an AND), so a hostile value is
 * outside every network instead of failing the read. The same SQL runs on every server version: nothing needs
 * pg_input_is_valid (PostgreSQL 16).
 */
final class IpMatchSql {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";
    private static final String GROUP = "[0-9A-Fa-f]{1,4}";
    /** Every RFC 4291 text form: eight groups, or six and an IPv4 tail, each with at most one "::" anywhere. */
    static final String IPV6 = "^(" + String.join("|", ipv6Forms(8, "")) + "|" + String.join("|", ipv6Forms(6, IPV4)) + ")$";
    private static final String ZONE = "^[^%]+(%[A-Za-z0-9_.-]{1,16})?$";

    private static final String TRIMMED = "btrim(ip_address, E' \\t\\r\\n')";
    private static final String LITERAL = "split_part(" + TRIMMED + ", '%', 1)";
    /**
     * Text without a colon can only be a quad (and has no zone id): it meets only the short IPv4 expression. The long
     * IPv6 one, about a hundred alternatives, runs only on text made of IPv6 characters, so a table of IPv4 addresses
     * never pays for it (it cost about 20 µs a row).
     */
    private static final String VALID = TRIMMED + " ~ '" + ZONE + "' AND (CASE WHEN strpos(" + LITERAL + ", ':') = 0 THEN strpos("
            + TRIMMED + ", '%') = 0 AND " + LITERAL + " ~ '^" + IPV4 + "$' ELSE " + LITERAL + " ~ '^[0-9A-Fa-f:.]+$' AND " + LITERAL
            + " ~ '" + IPV6 + "' END)";
    /** The inet the text names, an IPv4-mapped address as its IPv4 address; only where {@link #VALID}. */
    private static final String INET = "(CASE WHEN " + LITERAL + "::inet <<= '::ffff:0.0.0.0/96'::inet THEN '0.0.0.0'::inet + ("
            + LITERAL + "::inet - '::ffff:0.0.0.0'::inet) ELSE " + LITERAL + "::inet END)";

    private IpMatchSql() {
    }

    /** A condition with one parameter, the network bound as {@link Cidr#inetText}; false for NULL and for text that names no address. */
    static String inNetwork() {
        return "(CASE WHEN " + VALID + " THEN " + INET + " <<= ?::inet ELSE false END)";
    }

    /** The regular-expression alternatives for IPv6 with {@code groups} hex groups before {@code tail}. */
    private static List<String> ipv6Forms(int groups, String tail) {
        String end = tail.isEmpty() ? "" : ":" + tail;
        List<String> forms = new ArrayList<>();
        forms.add(repeat(groups) + end);
        // "::" stands for at least one group: left groups + right groups < groups
        for (int left = 0; left < groups; left++) {
            for (int right = 0; left + right < groups; right++) {
                String rightPart = tail.isEmpty() ? repeat(right) : right == 0 ? tail : repeat(right) + ":" + tail;
                forms.add(repeat(left) + "::" + rightPart);
            }
        }
        return forms;
    }

    private static String repeat(int n) {
        return n == 0 ? "" : n == 1 ? GROUP : GROUP + "(:" + GROUP + "){" + (n - 1) + "}";
    }
}
