package com.sessionconsole.db;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SessionFilter;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A narrowed load must hold exactly what the filter bar would show: the server's narrowing SQL and the
 * console's own CIDR and text matching agree on hostile and nearly-IP values (found by a red-team pass:
 * a zone id in the network failed every read, and IPv4-mapped text was judged differently).
 */
class NarrowingAgreementTest {
    static final String[] IPS = {"10.0.0.1", "1.2.3.4/8", " 10.0.0.1", "10.0.0.1 ", "10.0.0.1%eth0", "::ffff:10.0.0.1",
            "::ffff:a00:1", "0:0:0:0:0:ffff:10.0.0.1", "0x0A.0.0.1", "010.0.0.1", "10.0.0.1\n", "::10.0.0.1", "fe80::1%eth0",
            "FE80::1", "2001:db8::1", "::", "10.1", "10.0.0.256", "\u0661\u0660.0.0.1", "10.0.0.0", "x".repeat(45), "2001:db8::1%25",
            "::ffff:192.168.1.1"};
    static final String[] NETWORKS = {"10.0.0.0/8", "10.1.2.3/8", "10.0.0.0/08", "::ffff:10.0.0.0/8", "::/0", "fe80::/10", "fe80::1%eth0",
            "2001:db8::/32", "0.0.0.0/0", "192.168.0.0/16"};
    /** Pairs whose case folding Java and the server's ILIKE agree on (Greek final sigma does not: see the README). */
    static final String[][] TEXT = {{"MÜNCHEN", "münchen"}, {"İstanbul", "istanbul"}, {"a%b", "%"}, {"a_b", "_"}, {"a\\b", "\\"},
            {"ab", "%"}, {"ab", "_"}, {"a.*b", ".*"}, {"ǅ", "ǆ"}, {"Berlin, DE", "BERLIN"}, {"Lyon", "berlin"}};

    final TestDatabase db = TestDatabase.get();

    @Test
    void theServerAndTheConsoleAgreeOnWhichAddressesAreInANetwork() throws Exception {
        List<String> disagreements = new ArrayList<>();
        try (Connection c = db.admin().getConnection()) {
            for (String network : NETWORKS) {
                Cidr.Result parsed = Cidr.parse(network);
                if (!parsed.ok()) {
                    continue; // refused by the filter bar and the --where-ip flag alike
                }
                NarrowingSql sql = NarrowingSql.of(new Narrowing(parsed.cidr(), null, null, null));
                for (String ip : IPS) {
                    boolean server = matches(c, "ip_address", ip, sql);
                    if (server != parsed.cidr().contains(ip)) {
                        disagreements.add(network + " / " + ip.replace("\n", "\\n") + ": console " + !server + ", server " + server);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theServerAndTheConsoleAgreeOnWhichLocationsContainTheText() throws Exception {
        try (Connection c = db.admin().getConnection()) {
            for (String[] pair : TEXT) {
                NarrowingSql sql = NarrowingSql.of(new Narrowing(null, null, null, pair[1]));
                Session s = new Session(UUID.randomUUID(), UUID.randomUUID(), TokenMask.of("ab", "cd", 8), Instant.now().plusSeconds(60), true,
                        null, null, null, pair[0], 0, Instant.now(), null, null, 1);
                boolean console = new SessionFilter(null, null, null, null, null, null, null, pair[1]).matches(s, Instant.now());
                assertThat(matches(c, "location", pair[0], sql)).as(pair[0] + " contains " + pair[1]).isEqualTo(console);
            }
        }
    }

    private static boolean matches(Connection c, String column, String value, NarrowingSql sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (VALUES (?::varchar(100))) v(" + column + ") WHERE true"
                + sql.clause())) {
            ps.setString(1, value);
            sql.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
