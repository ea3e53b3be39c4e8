package com.sessionconsole.db;

import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The lookups behind History, token search and the database-backed findings, on the read pool. */
final class SessionQueries {
    /** What each zombie rule matches, in SQL; in rule order. */
    private static final Map<FindingRule, String> ZOMBIES = new EnumMap<>(Map.of(
            FindingRule.ACTIVE_BUT_EXPIRED, "is_active = true AND expires_at <= now()",
            FindingRule.ACTIVE_BUT_DELETED, "is_active = true AND deleted_at IS NOT NULL",
            FindingRule.ACTIVE_NULL, "is_active IS NULL"));

    private final SessionSources db;

    SessionQueries(SessionSources db) {
        this.db = db;
    }

    void forEachInHistory(GroupBy by, String key, Consumer<Session> sink) {
        db.forEachSession(db.select(SessionRows.keyPredicate(by, key)) + " ORDER BY created_at DESC NULLS LAST, id",
                ps -> SessionRows.bindKey(ps, 1, by, key), sink);
    }

    /**
     * The sessions whose token's SHA-256 (as {@code TokenFingerprint} writes it, hex) starts with {@code hexPrefix}.
     * The hash is computed on the server, so no token leaves it; a scan of the table, bounded by the statement timeout.
     */
    List<Session> sessionsByTokenFingerprint(String hexPrefix) {
        return db.sessions(db.select("left(encode(sha256(convert_to(session_token, 'UTF8')), 'hex'), ?) = ?")
                + " ORDER BY created_at DESC NULLS LAST, id", ps -> {
            ps.setInt(1, hexPrefix.length());
            ps.setString(2, hexPrefix);
        });
    }

    List<Session> sessionsByToken(String token) {
        return db.sessions(db.select("session_token = ?"), ps -> ps.setString(1, token));
    }

    /**
     * The full counts in one pass, then each rule's sample, all in one snapshot: a count is never smaller
     * than its sample. A user filter is part of every statement, so it applies before the LIMIT.
     */
    Map<FindingRule, SessionDao.Zombies> zombieRows(UUID user, int sampleSize) {
        String onlyUser = user == null ? "" : " AND user_id = ?";
        String counts = ZOMBIES.values().stream().map(p -> "count(*) FILTER (WHERE " + p + ")").collect(Collectors.joining(", ", "SELECT ", ""))
                + " FROM public.user_sessions WHERE (" + ZOMBIES.values().stream().map(p -> "(" + p + ")").collect(Collectors.joining(" OR "))
                + ")" + onlyUser;
        try (Connection c = db.read.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Set<UUID> hidden = db.notYetReplayed(c);
                Map<FindingRule, SessionDao.Zombies> out = new EnumMap<>(FindingRule.class);
                try (PreparedStatement ps = c.prepareStatement(counts)) {
                    if (user != null) {
                        ps.setObject(1, user);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        int column = 1;
                        for (Map.Entry<FindingRule, String> z : ZOMBIES.entrySet()) {
                            long count = rs.getLong(column++);
                            List<Session> sample = db.sessions(c, db.select("(" + z.getValue() + ")" + onlyUser)
                                    + " ORDER BY created_at DESC NULLS LAST, id LIMIT ?", sp -> {
                                        if (user != null) {
                                            sp.setObject(1, user);
                                        }
                                        sp.setInt(user == null ? 1 : 2, sampleSize);
                                    }, hidden);
                            out.put(z.getKey(), new SessionDao.Zombies(count, sample));
                        }
                    }
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                SessionSources.rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    Set<UUID> firstSeen(List<Session> sessions, GroupBy dimension) {
        if (dimension == GroupBy.USER) {
            throw new IllegalArgumentException("first seen is per user: ask for IP or device");
        }
        List<Session> usable = sessions.stream()
                .filter(s -> s.key(dimension) != null && Timestamps.isFinite(s.createdAt()) && s.userId() != null).toList();
        Set<UUID> out = new HashSet<>();
        if (usable.isEmpty()) {
            return out;
        }
        String col = SessionRows.column(dimension);
        // the stored key and created_at are compared, never a copy sent back as text
        String sql = "SELECT r.id FROM public.user_sessions r WHERE r.id = ANY(?) AND r." + col + " IS NOT NULL AND isfinite(r.created_at) "
                + "AND NOT EXISTS (SELECT 1 FROM public.user_sessions h WHERE h.user_id = r.user_id AND h." + col + " = r." + col
                + " AND h.created_at < r.created_at) "
                // a user with no earlier session at all is new, not suspicious
                + "AND EXISTS (SELECT 1 FROM public.user_sessions h WHERE h.user_id = r.user_id AND h.created_at < r.created_at)";
        try (Connection c = db.read.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", usable.stream().map(Session::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
        return out;
    }
}
