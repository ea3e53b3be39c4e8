package com.sessionconsole.db;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.RefusedException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Narrowing} as SQL: a clause appended to the active predicate, and its values, always bound.
 * ip_address is free text, so it is cast to inet only where it is a valid address: a stray value is
 * outside every network instead of failing the whole read.
 */
final class NarrowingSql {
    private static final String IPV4 = "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$";

    private final String clause;
    private final List<Object> values;

    private NarrowingSql(String clause, List<Object> values) {
        this.clause = clause;
        this.values = values;
    }

    /** @param serverVersion server_version_num: before 16 there is no pg_input_is_valid, and only IPv4 networks can be narrowed to */
    static NarrowingSql of(Narrowing n, int serverVersion) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (n.ip() != null) {
            sql.append(" AND ").append(ipClause(n.ip().network().length == 4, serverVersion));
            // the network as the console parsed it (no zone id, an IPv4-mapped network as IPv4), not as typed
            String network = textOf(n.ip().network()) + "/" + n.ip().prefixLength();
            values.add(network);
            if (n.ip().network().length == 4 && serverVersion >= 160000) {
                values.add(network);
            }
        }
        if (n.user() != null) {
            sql.append(" AND user_id::text ILIKE ? ESCAPE '\\'");
            values.add(contains(n.user()));
        }
        if (n.createdWithin() != null) {
            sql.append(" AND created_at >= now() - make_interval(secs => ?)");
            values.add((double) n.createdWithin().toSeconds());
        }
        if (n.location() != null) {
            sql.append(" AND location ILIKE ? ESCAPE '\\'");
            values.add(contains(n.location()));
        }
        return new NarrowingSql(sql.toString(), values);
    }

    /**
     * Whether ip_address lies in the bound network, with the filter bar's meaning: dotted quads only for
     * IPv4 (no leading zeros, no spaces); IPv4-mapped IPv6 text ({@code ::ffff:10.0.0.1}) counts as its
     * IPv4 address, never as IPv6; an IPv6 zone id ({@code %eth0}) is ignored. Nested CASEs, because
     * PostgreSQL does not promise to evaluate the conditions of an AND in order: nothing is cast to inet
     * before it is known to be valid.
     */
    private static String ipClause(boolean ipv4, int serverVersion) {
        String v6 = "split_part(ip_address, '%', 1)";
        String validV6 = "ip_address ~ '^[0-9a-fA-F:.]+(%[!-~]+)?$' AND pg_input_is_valid(" + v6 + ", 'inet')";
        String mapped = v6 + "::inet <<= '::ffff:0.0.0.0/96'::inet";
        if (ipv4) {
            String quad = "WHEN ip_address ~ '" + IPV4 + "' THEN ip_address::inet <<= ?::inet";
            if (serverVersion < 160000) {
                return "(CASE " + quad + " ELSE false END)"; // no pg_input_is_valid: IPv4-mapped text is left out
            }
            return "(CASE " + quad + " WHEN " + validV6 + " THEN (CASE WHEN " + mapped + " THEN ('0.0.0.0'::inet + (" + v6
                    + "::inet - '::ffff:0.0.0.0'::inet)) <<= ?::inet ELSE false END) ELSE false END)";
        }
        if (serverVersion < 160000) {
            throw new RefusedException("narrowing to an IPv6 network needs PostgreSQL 16 or later on the server; narrow by an IPv4 "
                    + "network, a user, a creation time or a location instead");
        }
        return "(CASE WHEN " + validV6 + " THEN (CASE WHEN " + mapped + " THEN false WHEN family(" + v6 + "::inet) = 4 THEN false ELSE "
                + v6 + "::inet <<= ?::inet END) ELSE false END)";
    }

    /** The address in the form PostgreSQL's inet reads: dotted quad, or eight hex groups. No name lookup. */
    private static String textOf(byte[] address) {
        try {
            return java.net.InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address.length + " bytes", e);
        }
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** " AND …", or "" for no narrowing. */
    String clause() {
        return clause;
    }

    /** Binds the values from {@code index}; returns the next free index. */
    int bind(PreparedStatement ps, int index) throws SQLException {
        for (Object v : values) {
            ps.setObject(index++, v);
        }
        return index;
    }
}
