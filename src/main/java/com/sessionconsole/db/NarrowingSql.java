package com.sessionconsole.db;

import com.sessionconsole.domain.Narrowing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Narrowing} as SQL: a clause appended to the active predicate, and its values, always bound.
 * An IP network matches by address, with the console's rule ({@link IpMatchSql}).
 */
final class NarrowingSql {
    private final String clause;
    private final List<Object> values;

    private NarrowingSql(String clause, List<Object> values) {
        this.clause = clause;
        this.values = values;
    }

    static NarrowingSql of(Narrowing n) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (n.ip() != null) {
            sql.append(" AND ").append(IpMatchSql.inNetwork());
            values.add(n.ip().inetText());
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
