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
 * outside every network instead of failing the whole read. An IPv4 network matches dotted quads only,
 * not IPv4-mapped IPv6 text.
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
            // as strict as the console's own parser: no leading zeros, no spaces, no zone, no other digits
            String valid;
            if (n.ip().network().length == 4) {
                valid = "ip_address ~ '" + IPV4 + "'";
            } else if (serverVersion >= 160000) {
                valid = "ip_address ~ '^[0-9a-fA-F:.]+$' AND pg_input_is_valid(ip_address, 'inet')";
            } else {
                throw new RefusedException("narrowing to an IPv6 network needs PostgreSQL 16 or later on the server; narrow by an IPv4 "
                        + "network, a user, a creation time or a location instead");
            }
            sql.append(" AND (CASE WHEN ").append(valid).append(" THEN ip_address::inet <<= ?::inet ELSE false END)");
            values.add(n.ip().text());
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
