package com.sessionconsole.db;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.domain.UserIds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one place for what "active" means in SQL, which columns a session is read with, and how a row
 * (through COPY or JDBC) becomes a {@link Session}. The token leaves the server only as its first and
 * last four characters and its length.
 */
final class SessionRows {
    /** Written with the literal {@code is_active = true} so that the partial indexes apply. */
    static final String ACTIVE = "is_active = true AND deleted_at IS NULL AND expires_at > now()";

    private SessionRows() {
    }

    /** The session columns; for a SQL_ASCII database ({@code rawText}) text travels as bytea and is decoded here. */
    static String columns(boolean rawText) {
        return "id, user_id, " + text("left(session_token, 4)", "token_head", rawText) + ", "
                + text("right(session_token, 4)", "token_tail", rawText) + ", "
                + "length(session_token) AS token_length, expires_at, is_active, " + text("device_id", "device_id", rawText)
                + ", " + text("ip_address", "ip_address", rawText) + ", " + text("user_agent", "user_agent", rawText) + ", "
                + text("location", "location", rawText) + ", trust_level, created_at, updated_at, deleted_at, xmin::text::bigint AS version";
    }

    private static String text(String expression, String name, boolean rawText) {
        return rawText ? "convert_to(" + expression + ", 'SQL_ASCII') AS " + name
                : expression.equals(name) ? name : expression + " AS " + name;
    }

    static String column(GroupBy by) {
        return switch (by) {
            case USER -> "user_id";
            case DEVICE -> "device_id";
            case IP -> "ip_address";
        };
    }

    /**
     * The rows of a key, with one parameter unless the key is NULL. An IP key that is an address or a network
     * matches by address ({@link IpMatchSql}): {@code 10.8.8.5} finds {@code ::ffff:10.8.8.5} and {@code ' 10.8.8.5 '};
     * any other IP text matches exactly.
     */
    static String keyPredicate(GroupBy by, String key) {
        // NULL is its own group: "= NULL" would match nothing, so it gets its own predicate.
        if (key == null) {
            return column(by) + " IS NULL";
        }
        return by == GroupBy.IP && ipNetwork(key) != null ? IpMatchSql.inNetwork() : column(by) + " = ?";
    }

    static void bindKey(PreparedStatement ps, int index, GroupBy by, String key) throws SQLException {
        if (key == null) {
            return;
        }
        if (by == GroupBy.USER) {
            ps.setObject(index, UserIds.parse(key));
        } else if (by == GroupBy.IP && ipNetwork(key) != null) {
            ps.setString(index, ipNetwork(key).inetText());
        } else {
            ps.setString(index, key);
        }
    }

    /** The address (as a /32 or /128) or the network an IP key names, or null for text that names neither. */
    private static Cidr ipNetwork(String key) {
        Cidr.Result r = Cidr.parse(key);
        return r.ok() ? r.cidr() : null;
    }

    static Instant now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT now()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return RowProblems.instant(rs.getObject(1, OffsetDateTime.class));
        }
    }

    /** A row of {@link #columns} read through COPY; the fields come in the same order. Repeated text is shared through {@code dict}. */
    static Session session(CopyRows.Fields f, StringDictionary dict) {
        RowProblems p = new RowProblems(false);
        UUID id = p.check("id", f.uuid(), f);
        UUID user = p.check("user_id", f.uuid(), f);
        String head = p.check("session_token", f.text(), f);
        String tail = p.check("session_token", f.text(), f);
        Integer length = p.check("session_token", f.intValue(), f);
        Instant expires = p.check("expires_at", f.timestamp(), f);
        Boolean active = p.check("is_active", f.bool(), f);
        String device = dict.of(p.check("device_id", f.text(), f));
        String ip = dict.of(p.check("ip_address", f.text(), f));
        String agent = dict.of(p.check("user_agent", f.text(), f));
        String location = dict.of(p.check("location", f.text(), f));
        Integer trust = p.check("trust_level", f.intValue(), f);
        Instant created = p.check("created_at", f.timestamp(), f);
        Instant updated = p.check("updated_at", f.timestamp(), f);
        Instant deleted = p.check("deleted_at", f.timestamp(), f);
        Long version = p.check("xmin", f.longValue(), f);
        if (id == null) {
            // never a NULL id (it is the primary key), so an undecodable one: a stable stand-in keeps the row visible
            id = UUID.nameUUIDFromBytes(f.raw());
        }
        return new Session(id, user, TokenMask.of(head, tail, length == null ? 0 : length), expires, active, device, ip, agent,
                location, trust, created, updated, deleted, version == null ? 0 : version, p.describe(id));
    }

    /** The same columns through JDBC; a column that does not decode is read as null (text: lossy) and reported. */
    static Session session(ResultSet rs, boolean rawText) {
        RowProblems p = new RowProblems(rawText);
        UUID id = p.read("id", () -> rs.getObject("id", UUID.class));
        UUID user = p.read("user_id", () -> rs.getObject("user_id", UUID.class));
        String head = p.text(rs, "token_head");
        String tail = p.text(rs, "token_tail");
        Integer length = p.read("session_token", () -> nullableInt(rs, "token_length"));
        Boolean active = p.read("is_active", () -> {
            boolean b = rs.getBoolean("is_active");
            return rs.wasNull() ? null : b;
        });
        Long version = p.read("xmin", () -> rs.getLong("version"));
        return new Session(id, user, TokenMask.of(head, tail, length == null ? 0 : length), p.timestamp(rs, "expires_at"), active,
                p.text(rs, "device_id"), p.text(rs, "ip_address"), p.text(rs, "user_agent"), p.text(rs, "location"),
                p.read("trust_level", () -> nullableInt(rs, "trust_level")), p.timestamp(rs, "created_at"), p.timestamp(rs, "updated_at"),
                p.timestamp(rs, "deleted_at"), version == null ? 0 : version, p.describe(id));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
