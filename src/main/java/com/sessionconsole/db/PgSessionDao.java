package com.sessionconsole.db;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;
import com.sessionconsole.domain.TokenMask;
import com.sessionconsole.domain.UserIds;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The PostgreSQL implementation. Reads go to {@code readSource} (a replica when one is configured),
 * revokes to {@code writeSource}. Every value is a bound parameter; the only text spliced into SQL is
 * a column name chosen from {@link GroupBy}.
 */
public final class PgSessionDao implements SessionDao {
    /** Written with the literal {@code is_active = true} so that the partial indexes apply. */
    public static final String ACTIVE = "is_active = true AND deleted_at IS NULL AND expires_at > now()";
    static final int FETCH_SIZE = 2000;
    private static final int ID_BATCH = 5000;
    // The token leaves the server only as its first and last four characters and its length. The bulk reads
    // use binary COPY (see CopyRows), where every timestamptz, 'infinity' and 294276 AD included, is exact.
    private static final String COLUMNS = columns(false);

    /** The first full read of the active set (UTF-8 database); the benchmark copies exactly this statement for its floor. */
    public static final String ACTIVE_ROWS_SQL = "SELECT " + COLUMNS + " FROM public.user_sessions WHERE " + ACTIVE;
    /** The per-tick key read. */
    public static final String ACTIVE_KEYS_SQL = "SELECT id, xmin::text::bigint, expires_at FROM public.user_sessions WHERE " + ACTIVE;

    private final DataSource readSource;
    private final DataSource writeSource;
    private final String jdbcUrl;
    private final boolean rawText;
    private final String columns;
    private final String activeRowsSql;
    private final boolean replicated;
    private final ReadYourWrites ownWrites = new ReadYourWrites();

    /**
     * @param rawText true for a SQL_ASCII database: its text columns may hold any bytes, and the server
     *                refuses to send bytes that are not UTF-8 to a UTF-8 client, failing the whole read.
     *                Text then travels as bytea and is decoded here, a bad value flagged instead of fatal.
     */
    public PgSessionDao(DataSource readSource, DataSource writeSource, String jdbcUrl, boolean rawText) {
        this.readSource = readSource;
        this.writeSource = writeSource;
        this.jdbcUrl = jdbcUrl;
        this.rawText = rawText;
        this.columns = columns(rawText);
        this.activeRowsSql = "SELECT " + columns + " FROM public.user_sessions WHERE " + ACTIVE;
        this.replicated = readSource != writeSource;
    }

    private static String columns(boolean rawText) {
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

    @Override
    public Instant forEachActive(Consumer<Session> sink) {
        return copyInSnapshot(activeRowsSql, hidden -> f -> {
            Session s = session(f);
            if (!hidden.contains(s.id())) {
                sink.accept(s);
            }
        });
    }

    @Override
    public Instant forEachActiveKey(Consumer<ActiveKey> sink) {
        return copyInSnapshot(ACTIVE_KEYS_SQL, hidden -> f -> {
            UUID id = f.uuid();
            Long version = f.longValue();
            Instant expires = f.timestamp();
            if (id != null && version != null && !hidden.contains(id)) {
                sink.accept(new ActiveKey(id, version, expires == null ? Timestamps.INFINITY : expires));
            }
        });
    }

    /**
     * Runs now() and the COPY in one transaction, so both see the same clock and snapshot start. On a
     * replica, the sessions this console revoked that the replica has not replayed yet are left out.
     */
    private Instant copyInSnapshot(String select, java.util.function.Function<Set<UUID>, CopyRows.RowHandler> handler) {
        try (Connection c = readSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<UUID> hidden = notYetReplayed(c);
                Instant now = now(c);
                CopyRows.copy(c, select, handler.apply(hidden));
                c.commit();
                return now;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public List<Session> sessionsByIds(Collection<UUID> ids) {
        return byIds("SELECT " + columns + " FROM public.user_sessions WHERE id = ANY(?)", ids, false);
    }

    @Override
    public List<Session> activeSessionsByIds(Collection<UUID> ids) {
        return byIds("SELECT " + columns + " FROM public.user_sessions WHERE id = ANY(?) AND " + ACTIVE, ids, true);
    }

    private List<Session> byIds(String sql, Collection<UUID> ids, boolean activeOnly) {
        List<Session> out = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return out;
        }
        List<UUID> all = new ArrayList<>(ids);
        try (Connection c = readSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Set<UUID> hidden = notYetReplayed(c);
            for (int from = 0; from < all.size(); from += ID_BATCH) {
                List<UUID> batch = all.subList(from, Math.min(all.size(), from + ID_BATCH));
                Array array = c.createArrayOf("uuid", batch.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addUnlessHidden(out, session(rs, rawText), hidden, activeOnly);
                    }
                }
                array.free();
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return out;
    }

    @Override
    public List<Session> history(GroupBy by, String key) {
        return sessions("SELECT " + columns + " FROM public.user_sessions WHERE " + keyPredicate(by, key)
                + " ORDER BY created_at DESC NULLS LAST, id", ps -> bindKey(ps, 1, by, key));
    }

    /**
     * Revokes exactly the confirmed ids, and of those only the ones that still match the confirmed key and
     * are active: {@code id = ANY(confirmed) AND <key> AND <active>}. In the same transaction it reads back
     * what happened to every confirmed id, and which sessions of the key appeared after the confirmation.
     */
    @Override
    public RevokeResult revoke(RevokeCriteria criteria, Set<UUID> protectedUsers) {
        String keyClause = criteria.byIds() ? "" : " AND " + keyPredicate(criteria.groupBy(), criteria.key());
        String update = "UPDATE public.user_sessions SET is_active = false, updated_at = now() WHERE id = ANY(?)" + keyClause
                + " AND " + ACTIVE + " AND NOT (user_id = ANY(?)) RETURNING id";
        try (Connection c = writeSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Array confirmed = c.createArrayOf("uuid", criteria.expectedIds().toArray());
                Array shielded = c.createArrayOf("uuid", protectedUsers.toArray());
                List<UUID> revoked = ids(c, update, ps -> {
                    ps.setArray(1, confirmed);
                    if (!criteria.byIds()) {
                        bindKey(ps, 2, criteria.groupBy(), criteria.key());
                    }
                    ps.setArray(criteria.byIds() || criteria.key() == null ? 2 : 3, shielded);
                });
                RevokeResult result = classify(c, criteria, confirmed, shielded, revoked);
                commit(c);
                if (replicated) {
                    String position = currentWalPosition(c);
                    ownWrites.revoked(Set.copyOf(revoked), position);
                    result = result.withWalPosition(position);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private RevokeResult classify(Connection c, RevokeCriteria criteria, Array confirmed, Array shielded, List<UUID> revoked)
            throws SQLException {
        Set<UUID> done = new java.util.HashSet<>(revoked);
        Set<UUID> seen = new java.util.HashSet<>();
        List<UUID> inactive = new ArrayList<>();
        List<UUID> stillActive = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, coalesce(" + ACTIVE + ", false) FROM public.user_sessions WHERE id = ANY(?)")) {
            ps.setArray(1, confirmed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    seen.add(id);
                    if (!done.contains(id)) {
                        (rs.getBoolean(2) ? stillActive : inactive).add(id);
                    }
                }
            }
        }
        List<UUID> notFound = criteria.expectedIds().stream().filter(id -> !seen.contains(id)).sorted().toList();
        List<UUID> appeared = List.of();
        if (!criteria.byIds()) {
            appeared = ids(c, "SELECT id FROM public.user_sessions WHERE " + keyPredicate(criteria.groupBy(), criteria.key())
                    + " AND " + ACTIVE + " AND NOT (id = ANY(?)) AND NOT (user_id = ANY(?)) ORDER BY id", ps -> {
                int next = 1;
                if (criteria.key() != null) {
                    bindKey(ps, next++, criteria.groupBy(), criteria.key());
                }
                ps.setArray(next++, confirmed);
                ps.setArray(next, shielded);
            });
        }
        return new RevokeResult(revoked, inactive, notFound, stillActive, appeared, criteria.byIds() ? null : criteria.key(), null);
    }

    /** A COMMIT whose answer never came is neither a success nor a failure: it is in doubt. */
    private void commit(Connection c) throws SQLException {
        try {
            c.commit();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || c.isClosed()) {
                throw new CommitInDoubtException("the connection to " + DatabaseException.describe(jdbcUrl)
                        + " dropped during COMMIT: it is not known whether the revoke happened", e);
            }
            throw e;
        }
    }

    @Override
    public List<Session> sessionsOnPrimary(Collection<UUID> ids) {
        return onPrimary("SELECT " + columns + " FROM public.user_sessions WHERE id = ANY(?)",
                (c, ps) -> ps.setArray(1, c.createArrayOf("uuid", ids.toArray())));
    }

    @Override
    public List<Session> activeOnPrimary(GroupBy by, String key) {
        return onPrimary("SELECT " + columns + " FROM public.user_sessions WHERE " + keyPredicate(by, key) + " AND " + ACTIVE
                + " ORDER BY created_at DESC NULLS LAST, id", (c, ps) -> bindKey(ps, 1, by, key));
    }

    private interface PrimaryBinder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    /** A read on the primary: what a revoke previews and resolves must not come from a lagging replica. */
    private List<Session> onPrimary(String sql, PrimaryBinder binder) {
        List<Session> out = new ArrayList<>();
        try (Connection c = writeSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(session(rs, rawText));
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return out;
    }

    private static List<UUID> ids(Connection c, String sql, Binder binder) throws SQLException {
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

    @Override
    public List<Session> sessionsByToken(String token) {
        return sessions("SELECT " + columns + " FROM public.user_sessions WHERE session_token = ?", ps -> ps.setString(1, token));
    }

    @Override
    public List<Session> zombieRows(int limit) {
        return sessions("SELECT " + columns + " FROM public.user_sessions WHERE (is_active = true AND (expires_at <= now() "
                + "OR deleted_at IS NOT NULL)) OR is_active IS NULL ORDER BY created_at DESC NULLS LAST LIMIT ?", ps -> ps.setInt(1, limit));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs one query on the read pool and maps every row to a session. */
    private List<Session> sessions(String sql, Binder binder) {
        List<Session> out = new ArrayList<>();
        try (Connection c = readSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Set<UUID> hidden = notYetReplayed(c);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    addUnlessHidden(out, session(rs, rawText), hidden, false);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return out;
    }

    @Override
    public Set<UUID> firstSeen(List<Session> sessions, GroupBy dimension) {
        if (dimension == GroupBy.USER) {
            throw new IllegalArgumentException("first seen is per user: ask for IP or device");
        }
        List<Session> usable = sessions.stream()
                .filter(s -> s.key(dimension) != null && Timestamps.isFinite(s.createdAt()) && s.userId() != null).toList();
        Set<UUID> out = new java.util.HashSet<>();
        if (usable.isEmpty()) {
            return out;
        }
        String col = column(dimension);
        // the stored key and created_at are compared, never a copy sent back as text
        String sql = "SELECT r.id FROM public.user_sessions r WHERE r.id = ANY(?) AND r." + col + " IS NOT NULL AND isfinite(r.created_at) "
                + "AND NOT EXISTS (SELECT 1 FROM public.user_sessions h WHERE h.user_id = r.user_id AND h." + col + " = r." + col
                + " AND h.created_at < r.created_at) "
                // a user with no earlier session at all is new, not suspicious
                + "AND EXISTS (SELECT 1 FROM public.user_sessions h WHERE h.user_id = r.user_id AND h.created_at < r.created_at)";
        try (Connection c = readSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", usable.stream().map(Session::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return out;
    }

    @Override
    public Instant serverTime() {
        try (Connection c = readSource.getConnection()) {
            return now(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * The ids this console revoked that a read on this replica connection cannot be trusted to show as
     * revoked yet. Read before the query, so the query's snapshot is at least as new as the position.
     */
    private Set<UUID> notYetReplayed(Connection c) throws SQLException {
        if (!replicated || ownWrites.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_last_wal_replay_lsn()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ownWrites.hiddenFor(rs.getString(1));
        }
    }

    @Override
    public void rememberRevoked(Set<UUID> ids, String walPosition) {
        if (replicated) {
            ownWrites.revoked(ids, walPosition);
        }
    }

    /** A session this console revoked is shown revoked even where the replica still has it active. */
    private static void addUnlessHidden(List<Session> out, Session s, Set<UUID> hidden, boolean activeOnly) {
        if (!hidden.contains(s.id())) {
            out.add(s);
        } else if (!activeOnly) {
            out.add(new Session(s.id(), s.userId(), s.token(), s.expiresAt(), false, s.deviceId(), s.ipAddress(), s.userAgent(),
                    s.location(), s.trustLevel(), s.createdAt(), s.updatedAt(), s.deletedAt(), s.version(), s.decodeProblem()));
        }
    }

    /** The primary's WAL insert position: at or past the end of every commit this connection has made. */
    private static String currentWalPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_insert_lsn()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Optional<ReplicaLag> replicaLag() {
        if (!replicated) {
            return Optional.empty();
        }
        String primaryLsn;
        try (Connection c = writeSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_flush_lsn()::text");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            primaryLsn = rs.getString(1);
        } catch (SQLException e) {
            throw translate(e);
        }
        String sql = "SELECT pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn()), 0)::bigint, "
                + "extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, "
                + "CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END, "
                + "(SELECT count(*) FROM pg_stat_wal_receiver) > 0, "
                + "coalesce(pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn(), false)";
        try (Connection c = readSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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
            throw translate(e);
        }
    }

    /** Whether the user may revoke: UPDATE on is_active and updated_at. */
    public boolean canRevoke() {
        String sql = "SELECT has_column_privilege('public.user_sessions', 'is_active', 'UPDATE') "
                + "AND has_column_privilege('public.user_sessions', 'updated_at', 'UPDATE')";
        try (Connection c = writeSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A rollback on a broken connection fails too; keep the first error, which says what happened. */
    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String keyPredicate(GroupBy by, String key) {
        // NULL is its own group: "= NULL" would match nothing, so it gets its own predicate.
        return key == null ? column(by) + " IS NULL" : column(by) + " = ?";
    }

    private static void bindKey(PreparedStatement ps, int index, GroupBy by, String key) throws SQLException {
        if (key == null) {
            return;
        }
        if (by == GroupBy.USER) {
            ps.setObject(index, UserIds.parse(key));
        } else {
            ps.setString(index, key);
        }
    }

    private static Instant now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT now()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return instant(rs, 1);
        }
    }

    /** A row of {@link #COLUMNS} read through COPY; the fields come in the same order. */
    private static Session session(CopyRows.Fields f) {
        RowProblems p = new RowProblems(false);
        UUID id = p.check("id", f.uuid(), f);
        UUID user = p.check("user_id", f.uuid(), f);
        String head = p.check("session_token", f.text(), f);
        String tail = p.check("session_token", f.text(), f);
        Integer length = p.check("session_token", f.intValue(), f);
        Instant expires = p.check("expires_at", f.timestamp(), f);
        Boolean active = p.check("is_active", f.bool(), f);
        String device = p.check("device_id", f.text(), f);
        String ip = p.check("ip_address", f.text(), f);
        String agent = p.check("user_agent", f.text(), f);
        String location = p.check("location", f.text(), f);
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
    private static Session session(ResultSet rs, boolean rawText) {
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

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return RowProblems.instant(rs.getObject(index, OffsetDateTime.class));
    }

    private DatabaseException translate(SQLException e) {
        return DatabaseException.from(e, jdbcUrl, null);
    }
}
