package com.sessionconsole.db;

import com.sessionconsole.domain.Session;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The two pools a workspace reads and writes through, and what the readers, the queries and the revoke
 * writer share: the replica's read-your-writes guard, the column list for this database, and error
 * translation. Reads go to {@code read} (a replica when one is configured), revokes to {@code write}.
 */
final class SessionSources {
    final DataSource read;
    final DataSource write;
    final String jdbcUrl;
    final boolean rawText;
    final String columns;
    final boolean replicated;
    final ReadYourWrites ownWrites = new ReadYourWrites();
    private static final int ID_BATCH = 5000;

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    SessionSources(DataSource read, DataSource write, String jdbcUrl, boolean rawText) {
        this.read = read;
        this.write = write;
        this.jdbcUrl = jdbcUrl;
        this.rawText = rawText;
        this.columns = SessionRows.columns(rawText);
        this.replicated = read != write;
    }

    private static final int CURSOR_ROWS = 1000;

    /** "SELECT <columns> FROM public.user_sessions WHERE …". */
    String select(String where) {
        return "SELECT " + columns + " FROM public.user_sessions WHERE " + where;
    }

    /** Runs one query on the read pool and maps every row to a session. */
    List<Session> sessions(String sql, Binder binder) {
        try (Connection c = read.getConnection()) {
            return sessions(c, sql, binder, notYetReplayed(c));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Runs one query on the read pool and hands each row to {@code sink} as it arrives: a cursor inside a read
     * transaction, so that a result of any size is never held in memory at once.
     */
    void forEachSession(String sql, Binder binder, Consumer<Session> sink) {
        try (Connection c = read.getConnection()) {
            Set<UUID> hidden = notYetReplayed(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // pgjdbc fetches by cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(CURSOR_ROWS);
                binder.bind(ps);
                List<Session> one = new ArrayList<>(1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addUnlessHidden(one, SessionRows.session(rs, rawText), hidden, false);
                        one.forEach(sink);
                        one.clear();
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs one query on this connection and maps every row to a session; {@code hidden} as {@link #addUnlessHidden}. */
    List<Session> sessions(Connection c, String sql, Binder binder, Set<UUID> hidden) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    addUnlessHidden(out, SessionRows.session(rs, rawText), hidden, false);
                }
            }
        }
        return out;
    }

    /** The sessions with these ids, read in batches on this connection; {@code hidden} as {@link #addUnlessHidden}. */
    List<Session> byIds(Connection c, String sql, Collection<UUID> ids, Set<UUID> hidden, boolean activeOnly) throws SQLException {
        List<Session> out = new ArrayList<>(ids.size());
        List<UUID> all = new ArrayList<>(ids);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < all.size(); from += ID_BATCH) {
                Array array = c.createArrayOf("uuid", all.subList(from, Math.min(all.size(), from + ID_BATCH)).toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addUnlessHidden(out, SessionRows.session(rs, rawText), hidden, activeOnly);
                    }
                }
                array.free();
            }
        }
        return out;
    }

    /**
     * The ids this console revoked that a read on this replica connection cannot be trusted to show as
     * revoked yet. Read before the query, so the query's snapshot is at least as new as the position.
     */
    Set<UUID> notYetReplayed(Connection c) throws SQLException {
        if (!replicated || ownWrites.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_last_wal_replay_lsn()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ownWrites.hiddenFor(rs.getString(1));
        }
    }

    /** A session this console revoked is shown revoked even where the replica still has it active. */
    static void addUnlessHidden(List<Session> out, Session s, Set<UUID> hidden, boolean activeOnly) {
        if (!hidden.contains(s.id())) {
            out.add(s);
        } else if (!activeOnly) {
            out.add(new Session(s.id(), s.userId(), s.token(), s.expiresAt(), false, s.deviceId(), s.ipAddress(), s.userAgent(),
                    s.location(), s.trustLevel(), s.createdAt(), s.updatedAt(), s.deletedAt(), s.version(), s.decodeProblem()));
        }
    }

    /** A rollback on a broken connection fails too; keep the first error, which says what happened. */
    static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the connection for good instead of returning it to the pool (a pool of our own evicts it). */
    void discard(Connection c, Exception cause) {
        try {
            if (read instanceof HikariDataSource pool) {
                pool.evictConnection(c);
            } else {
                c.abort(Runnable::run);
            }
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    DatabaseException translate(SQLException e) {
        return DatabaseException.duringCommand(e, jdbcUrl);
    }
}
