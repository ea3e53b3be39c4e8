package com.sessionconsole.db;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The lookups behind History, token search and the database-backed findings, on the read pool. */
final class SessionQueries {
    private final SessionSources db;

    SessionQueries(SessionSources db) {
        this.db = db;
    }

    List<Session> sessionsByIds(Collection<UUID> ids) {
        return byIds(db.select("id = ANY(?)"), ids, false);
    }

    List<Session> activeSessionsByIds(Collection<UUID> ids) {
        return byIds(db.select("id = ANY(?) AND " + SessionRows.ACTIVE), ids, true);
    }

    private List<Session> byIds(String sql, Collection<UUID> ids, boolean activeOnly) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        try (Connection c = db.read.getConnection()) {
            return db.byIds(c, sql, ids, db.notYetReplayed(c), activeOnly);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    List<Session> history(GroupBy by, String key) {
        return db.sessions(db.select(SessionRows.keyPredicate(by, key)) + " ORDER BY created_at DESC NULLS LAST, id",
                ps -> SessionRows.bindKey(ps, 1, by, key));
    }

    List<Session> sessionsByToken(String token) {
        return db.sessions(db.select("session_token = ?"), ps -> ps.setString(1, token));
    }

    List<Session> zombieRows(int limit) {
        return db.sessions(db.select("(is_active = true AND (expires_at <= now() OR deleted_at IS NOT NULL)) OR is_active IS NULL")
                + " ORDER BY created_at DESC NULLS LAST LIMIT ?", ps -> ps.setInt(1, limit));
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
