package com.sessionconsole.db;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the poller reads every tick, on the read pool (the replica when there is one): the whole active set
 * or its keys through binary COPY, the server's clock, and how far the replica is behind.
 */
final class ActiveSetReader {
    /** The per-tick key read. */
    static final String ACTIVE_KEYS_SQL = "SELECT id, xmin::text::bigint, expires_at FROM public.user_sessions WHERE " + SessionRows.ACTIVE;

    private final SessionSources db;
    private final String activeRowsSql;

    ActiveSetReader(SessionSources db) {
        this.db = db;
        this.activeRowsSql = db.select(SessionRows.ACTIVE);
    }

    Instant forEachActive(Consumer<Session> sink) {
        StringDictionary dict = new StringDictionary();
        return copyInSnapshot(activeRowsSql, hidden -> f -> {
            Session s = SessionRows.session(f, dict);
            if (!hidden.contains(s.id())) {
                sink.accept(s);
            }
        });
    }

    /**
     * Runs now() and the COPY in one transaction, so both see the same clock and snapshot start. On a
     * replica, the sessions this console revoked that the replica has not replayed yet are left out.
     */
    private Instant copyInSnapshot(String select, Function<Set<UUID>, CopyRows.RowHandler> handler) {
        try (Connection c = db.read.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<UUID> hidden = db.notYetReplayed(c);
                Instant now = SessionRows.now(c);
                CopyRows.copy(c, select, handler.apply(hidden));
                c.commit();
                return now;
            } catch (SQLException | RuntimeException e) {
                // after a cancelled COPY the driver can be one reply out of step with the server: never reuse it
                db.discard(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    /**
     * Runs {@code work} with reads that all see one snapshot: one REPEATABLE READ transaction on the read
     * pool, on a replica too. Sessions this console revoked that the replica has not replayed are left out.
     */
    <T> T inSnapshot(Narrowing narrowing, Function<ActiveSetSnapshot, T> work) {
        try (Connection c = db.read.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.apply(new SnapshotReads(db, c, db.notYetReplayed(c), narrowing));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.discard(c, e); // a COPY may have been cancelled: never hand this connection out again
                throw e;
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    Instant serverTime() {
        try (Connection c = db.read.getConnection()) {
            return SessionRows.now(c);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    Optional<ReplicaLag> replicaLag() {
        if (!db.replicated) {
            return Optional.empty();
        }
        String primaryLsn;
        try (Connection c = db.write.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_flush_lsn()::text");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            primaryLsn = rs.getString(1);
        } catch (SQLException e) {
            throw db.translate(e);
        }
        String sql = "SELECT pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn()), 0)::bigint, "
                + "extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, "
                + "CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END, "
                + "(SELECT count(*) FROM pg_stat_wal_receiver) > 0, "
                + "coalesce(pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn(), false)";
        try (Connection c = db.read.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, primaryLsn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.of(new ReplicaLag(0, null, false, "the read server is not a standby (not in recovery), so it does "
                            + "not follow the primary; what it shows may differ"));
                }
                long bytes = Math.max(0, rs.getLong(2));
                double seconds = rs.getDouble(3);
                Double sinceCommit = rs.wasNull() ? null : Double.valueOf(Math.max(0, seconds));
                boolean paused = rs.getBoolean(4);
                boolean streaming = rs.getBoolean(5);
                boolean replayedAllReceived = rs.getBoolean(6);
                if (!streaming) {
                    return Optional.of(new ReplicaLag(bytes, sinceCommit, paused, "the standby is not streaming from the primary "
                            + "(no WAL receiver), so it falls further behind"));
                }
                Double behind = bytes == 0 || (replayedAllReceived && !paused) ? Double.valueOf(0) : sinceCommit;
                return Optional.of(new ReplicaLag(bytes, behind, paused, null));
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }
}
