package com.sessionconsole.db;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.support.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's address rule ({@link IpMatchSql}) and the console's ({@link IpAddresses#address}) agree on random
 * spellings of random addresses (case, zero padding, every compression, IPv4 tails, mapped forms, blanks, zone
 * ids) and on near misses made from them; and no spelling makes the server's cast fail.
 */
class IpMatchSqlAgreementTest {
    static final List<String> NETWORKS_FOR_ANY = List.of("0.0.0.0/0", "::/0");

    @Property(tries = 150)
    void theServerAndTheConsoleAgreeOnEverySpelling(@ForAll("spellingBatches") List<String> spellings) throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        for (String s : spellings) {
            IpAddresses.address(s).ifPresentOrElse(a -> {
                texts.add(s);
                networks.add(IpAddresses.text(a) + "/" + a.length * 8);
            }, () -> NETWORKS_FOR_ANY.forEach(n -> {
                texts.add(s);
                networks.add(n);
            }));
        }
        String sql = "SELECT v.ip_address, v.net, " + IpMatchSql.inNetwork().replace("?::inet", "v.net::inet")
                + " FROM unnest(?::text[], ?::text[]) AS v(ip_address, net)";
        List<String> disagreements = new ArrayList<>();
        try (Connection c = TestDatabase.get().admin().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", texts.toArray()));
            ps.setArray(2, c.createArrayOf("text", networks.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    boolean console = Cidr.parse(rs.getString(2)).cidr().contains(text);
                    if (rs.getBoolean(3) != console) {
                        disagreements.add("'" + text + "' in " + rs.getString(2) + ": server " + rs.getBoolean(3) + ", console " + console);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Provide
    Arbitrary<List<String>> spellingBatches() {
        return Arbitraries.oneOf(spellings(), spellings().flatMap(IpMatchSqlAgreementTest::nearMiss)).list().ofMinSize(20).ofMaxSize(60);
    }

    private static Arbitrary<String> spellings() {
        Arbitrary<byte[]> v4 = Arbitraries.bytes().array(byte[].class).ofSize(4);
        Arbitrary<byte[]> v6 = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(16),
                // mostly zeros, so that compression has runs to choose from
                Arbitraries.integers().between(0, 3).list().ofSize(8).map(IpMatchSqlAgreementTest::sparse));
        return Arbitraries.oneOf(
                Combinators.combine(v4, Arbitraries.integers().between(0, 3), blanks(), blanks()).as(IpMatchSqlAgreementTest::spellV4),
                Combinators.combine(v6, Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 255), blanks())
                        .as(IpMatchSqlAgreementTest::spellV6));
    }

    private static Arbitrary<String> blanks() {
        return Arbitraries.of("", "", "", " ", "\t", "  ", "\n");
    }

    private static byte[] sparse(List<Integer> groups) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            int v = groups.get(i) == 3 ? 0xbeef : groups.get(i) == 2 ? 1 : 0;
            b[2 * i] = (byte) (v >> 8);
            b[2 * i + 1] = (byte) v;
        }
        return b;
    }

    private static String quad(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /** An IPv4 address as a quad, or in one of its IPv4-mapped IPv6 spellings. */
    private static String spellV4(byte[] b, int form, String before, String after) {
        String hex = Integer.toHexString((b[0] & 0xff) << 8 | (b[1] & 0xff)) + ":" + Integer.toHexString((b[2] & 0xff) << 8 | (b[3] & 0xff));
        String text = switch (form) {
            case 0 -> quad(b, 0);
            case 1 -> "::ffff:" + quad(b, 0);
            case 2 -> "0:0:0:0:0:FFFF:" + quad(b, 0);
            default -> "::ffff:" + hex;
        };
        return before + text + after;
    }

    /** An IPv6 address with a chosen zero run compressed (or none), chosen case and padding, sometimes an IPv4 tail or a zone. */
    private static String spellV6(byte[] b, int compressAt, int style, String blank) {
        boolean tail = (style & 1) == 1;
        int groups = tail ? 6 : 8;
        List<String> g = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            int v = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
            String h = Integer.toHexString(v);
            g.add((style & 2) == 2 ? "0".repeat(4 - h.length()) + h : h);
        }
        String text;
        int runEnd = compressAt;
        while (runEnd < groups && g.get(runEnd).matches("0+")) {
            runEnd++;
        }
        if (compressAt < groups && runEnd > compressAt) {
            text = String.join(":", g.subList(0, compressAt)) + "::" + String.join(":", g.subList(runEnd, groups));
            if (tail) {
                text += (runEnd == groups ? "" : ":") + quad(b, 12);
            }
        } else {
            text = String.join(":", g) + (tail ? ":" + quad(b, 12) : "");
        }
        if ((style & 4) == 4) {
            text = text.toUpperCase(Locale.ROOT);
        }
        if ((style & 8) == 8) {
            text += "%eth0";
        }
        return blank + text + blank;
    }

    /** A spelling made wrong in one of the ways a hostile or broken writer would. */
    private static Arbitrary<String> nearMiss(String good) {
        return Arbitraries.of(good + "x", good.replaceFirst("\\.", ".0"), good.replaceFirst(":", ":::"), "0" + good.strip(),
                good.replace('.', ','), good.strip() + "\u200b", good.strip() + "/32", good.replaceFirst("[0-9a-fA-F]{1,4}", "12345"),
                good.strip() + "%", good.strip() + "%eth0 x", "\u00a0" + good.strip());
    }
}
