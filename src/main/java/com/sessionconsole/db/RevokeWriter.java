package com.sessionconsole.db;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
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

/**
 * The only writer: the revoke, on the primary, plus the primary reads a revoke depends on (its preview,
 * the truth after a commit in doubt) and the privilege check. Deletes nothing.
 */
final class RevokeWriter {
    private static final Logger log = LoggerFactory.getLogger(RevokeWriter.class);
    private final SessionSources db;

    RevokeWriter(SessionSources db) {
        this.db = db;
    }

    /**
     * Revokes exactly the confirmed ids, and of those only the ones that still match the confirmed key and
     * are active: {@code id = ANY(confirmed) AND <key> AND <active>}. In the same transaction it reads back
     * what happened to every confirmed id, and which sessions of the key appeared after the confirmation.
     */
    RevokeResult revoke(RevokeCriteria criteria, Set<UUID> protectedUsers) {
        String keyClause = criteria.byIds() ? "" : " AND " + SessionRows.keyPredicate(criteria.groupBy(), criteria.key());
        String update = "UPDATE public.user_sessions SET is_active = false, updated_at = now() WHERE id = ANY(?)" + keyClause
                + " AND " + SessionRows.ACTIVE + " AND NOT (user_id = ANY(?)) RETURNING id";
        try (Connection c = db.write.getConnection()) {
            c.setAutoCommit(false);
            try {
                Array confirmed = c.createArrayOf("uuid", criteria.expectedIds().toArray());
                Array shielded = c.createArrayOf("uuid", protectedUsers.toArray());
                List<UUID> revoked = ids(c, update, ps -> {
                    ps.setArray(1, confirmed);
                    if (!criteria.byIds()) {
                        SessionRows.bindKey(ps, 2, criteria.groupBy(), criteria.key());
                    }
                    ps.setArray(criteria.byIds() || criteria.key() == null ? 2 : 3, shielded);
                });
                RevokeResult result = classify(c, criteria, confirmed, shielded, revoked);
                commit(c);
                return db.replicated ? withWalPosition(c, result) : result;
            } catch (SQLException | RuntimeException e) {
                SessionSources.rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    /**
     * What became of every confirmed id, read back in the revoke's own transaction. A session the UPDATE was
     * entitled to change (it still matches the confirmed key and is not protected) but that is still active was
     * left unchanged by the server itself, or changed back: a trigger, a rule or a row-level security policy.
     */
    private RevokeResult classify(Connection c, RevokeCriteria criteria, Array confirmed, Array shielded, List<UUID> revoked)
            throws SQLException {
        Set<UUID> returned = new HashSet<>(revoked);
        Set<UUID> seen = new HashSet<>();
        List<UUID> done = new ArrayList<>();
        List<UUID> inactive = new ArrayList<>();
        List<UUID> stillActive = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        String matches = criteria.byIds() ? "true" : "coalesce(" + SessionRows.keyPredicate(criteria.groupBy(), criteria.key()) + ", false)";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, coalesce(" + SessionRows.ACTIVE + ", false), " + matches
                + ", coalesce(user_id = ANY(?), false) FROM public.user_sessions WHERE id = ANY(?)")) {
            int next = 1;
            if (!criteria.byIds() && criteria.key() != null) {
                SessionRows.bindKey(ps, next++, criteria.groupBy(), criteria.key());
            }
            ps.setArray(next++, shielded);
            ps.setArray(next, confirmed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    seen.add(id);
                    boolean active = rs.getBoolean(2);
                    boolean entitled = rs.getBoolean(3) && !rs.getBoolean(4);
                    if (!active) {
                        (returned.contains(id) ? done : inactive).add(id);
                    } else {
                        (returned.contains(id) || entitled ? unchanged : stillActive).add(id);
                    }
                }
            }
        }
        List<UUID> notFound = criteria.expectedIds().stream().filter(id -> !seen.contains(id)).sorted().toList();
        List<UUID> appeared = List.of();
        if (!criteria.byIds()) {
            appeared = ids(c, "SELECT id FROM public.user_sessions WHERE " + SessionRows.keyPredicate(criteria.groupBy(), criteria.key())
                    + " AND " + SessionRows.ACTIVE + " AND NOT (id = ANY(?)) AND NOT (user_id = ANY(?)) ORDER BY id", ps -> {
                int next = 1;
                if (criteria.key() != null) {
                    SessionRows.bindKey(ps, next++, criteria.groupBy(), criteria.key());
                }
                ps.setArray(next++, confirmed);
                ps.setArray(next, shielded);
            });
        }
        return new RevokeResult(done, inactive, notFound, stillActive, unchanged, appeared, criteria.byIds() ? null : criteria.key(), null);
    }

    /** A COMMIT whose answer never came is neither a success nor a failure: it is in doubt. */
    private void commit(Connection c) throws SQLException {
        try {
            c.commit();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || c.isClosed()) {
                throw new CommitInDoubtException("the connection to " + DatabaseException.describe(db.jdbcUrl)
                        + " dropped during COMMIT: it is not known whether the revoke happened", e);
            }
            throw e;
        }
    }

    List<Session> sessionsOnPrimary(Collection<UUID> ids) {
        return onPrimary(db.select("id = ANY(?)"), (c, ps) -> ps.setArray(1, c.createArrayOf("uuid", ids.toArray())));
    }

    List<Session> activeOnPrimary(GroupBy by, String key) {
        return onPrimary(db.select(SessionRows.keyPredicate(by, key) + " AND " + SessionRows.ACTIVE) + " ORDER BY created_at DESC NULLS LAST, id",
                (c, ps) -> SessionRows.bindKey(ps, 1, by, key));
    }

    private interface PrimaryBinder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    /** A read on the primary: what a revoke previews and resolves must not come from a lagging replica. */
    private List<Session> onPrimary(String sql, PrimaryBinder binder) {
        List<Session> out = new ArrayList<>();
        try (Connection c = db.write.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(SessionRows.session(rs, db.rawText));
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
        return out;
    }

    private static List<UUID> ids(Connection c, String sql, SessionSources.Binder binder) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    /** Sessions revoked earlier (from the audit log) at this primary WAL position: replica reads hide them until replayed. */
    void rememberRevoked(Set<UUID> ids, String walPosition) {
        if (db.replicated) {
            db.ownWrites.revoked(ids, walPosition);
        }
    }

    /**
     * After the COMMIT: the WAL position that replica reads must have replayed before they may show these
     * sessions. The revoke has happened whatever this read does; if it fails, the result goes without it.
     */
    private RevokeResult withWalPosition(Connection c, RevokeResult result) {
        try {
            String position = currentWalPosition(c);
            db.ownWrites.revoked(Set.copyOf(result.revoked()), position);
            return result.withWalPosition(position);
        } catch (SQLException | RuntimeException e) {
            log.warn("the revoke committed, but its WAL position could not be read ({}); a lagging replica may show its sessions "
                    + "as active until it catches up", e.getMessage());
            return result;
        }
    }

    /** The primary's WAL insert position: at or past the end of every commit this connection has made. */
    private static String currentWalPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_insert_lsn()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether the user may revoke: UPDATE on is_active and updated_at. */
    boolean canRevoke() {
        String sql = "SELECT has_column_privilege('public.user_sessions', 'is_active', 'UPDATE') "
                + "AND has_column_privilege('public.user_sessions', 'updated_at', 'UPDATE')";
        try (Connection c = db.write.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }
}
