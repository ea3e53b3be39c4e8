package com.sessionconsole.db;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Timestamps;

import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link ActiveSetSnapshot} on one connection inside one REPEATABLE READ transaction; see {@link ActiveSetReader#inSnapshot}. */
final class SnapshotReads implements ActiveSetSnapshot {
    private static final String SUMS = "count(*), coalesce(sum(x), 0), (coalesce(sum(x * w), 0) % 18446744073709551616)::text";
    private static final long XID_RANGE = 1L << 32;

    private final SessionSources db;
    private final Connection c;
    private final Set<UUID> hidden;
    private final Instant now;
    private final long snapshotXmin;
    /**
     * The reference {@code age()} counts from in this transaction, plus 2^32: {@code (ref - age(xmin)) & (2^32 - 1)} is the row's
     * xmin as a number, computed with integer arithmetic instead of the text conversion {@code xmin::text::bigint}, which cost
     * about half a scan of the active set on every tick.
     */
    private final long ageReference;
    private final NarrowingSql narrowing;
    /** The rows this console follows: the active ones, narrowed. */
    private final String active;
    /** xmin and the weight of each of those rows; the weight is {@link Fingerprint#weight}, computed the same way in SQL. */
    private final String weighted;
    /** The same with each row's bucket: the last byte of its id. */
    private final String bucketed;

    SnapshotReads(SessionSources db, Connection c, Set<UUID> hidden, Narrowing narrowing) throws SQLException {
        this.db = db;
        this.c = c;
        this.hidden = hidden;
        try (PreparedStatement ps = c.prepareStatement("SELECT now(), pg_snapshot_xmin(pg_current_snapshot())::text::bigint, age('3'::xid)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            now = RowProblems.instant(rs.getObject(1, OffsetDateTime.class));
            snapshotXmin = rs.getLong(2);
            // age() is stable for the whole transaction: every later statement counts from the same reference. 3 is the first
            // normal xid, always a valid argument; the difference is taken modulo 2^32, so wraparound does not matter
            ageReference = Math.floorMod(3 + rs.getLong(3), XID_RANGE) + XID_RANGE;
        }
        this.narrowing = NarrowingSql.of(narrowing);
        this.active = SessionRows.ACTIVE + this.narrowing.clause();
        String xmin = "(" + ageReference + " - age(xmin)) & " + (XID_RANGE - 1);
        this.weighted = "(SELECT id, a, x, x % " + Fingerprint.MODULUS + " + 1 AS w FROM (SELECT id, a, (" + ageReference + " - a) & "
                + (XID_RANGE - 1) + " AS x FROM (SELECT id, age(xmin) AS a FROM public.user_sessions WHERE " + active + ") q) r) t";
        this.bucketed = "(SELECT x, x % " + Fingerprint.MODULUS + " + 1 AS w, get_byte(uuid_send(id), 15) AS bucket FROM (SELECT id, "
                + xmin + " AS x FROM public.user_sessions WHERE " + active + ") r) t";
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public long snapshotXmin() {
        return snapshotXmin;
    }

    @Override
    public Fingerprint fingerprint() {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMS + " FROM " + weighted)) {
            narrowing.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return print(rs, 1);
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public FingerprintAndChanges fingerprintAndChangesSince(long watermark) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMS + ", array_agg(id) FILTER (WHERE a <= age((?::bigint % "
                + XID_RANGE + ")::text::xid)) FROM " + weighted)) {
            ps.setLong(1, watermark);
            narrowing.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array ids = rs.getArray(4);
                List<UUID> changed = ids == null ? List.of() : List.of((UUID[]) ids.getArray());
                return new FingerprintAndChanges(print(rs, 1), changed);
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public Map<Integer, Fingerprint> buckets() {
        Map<Integer, Fingerprint> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT bucket, " + SUMS + " FROM " + bucketed + " GROUP BY bucket")) {
            narrowing.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), print(rs, 2));
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
        return out;
    }

    private static Fingerprint print(ResultSet rs, int from) throws SQLException {
        // the weighted sum is exact in SQL (numeric), reduced mod 2^64 there; its low 64 bits are what Java's long arithmetic keeps
        return new Fingerprint(rs.getLong(from), rs.getLong(from + 1), new BigInteger(rs.getString(from + 2)).longValue());
    }

    @Override
    public void forEachActive(Consumer<Session> sink) {
        try {
            if (!narrowing.isEmpty()) { // COPY takes no parameters: a narrowed load is a plain query
                rows(db.select(active), sink);
                return;
            }
            StringDictionary dict = new StringDictionary();
            CopyRows.copy(c, db.select(SessionRows.ACTIVE), f -> {
                Session s = SessionRows.session(f, dict);
                if (!hidden.contains(s.id())) {
                    sink.accept(s);
                }
            });
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    /** Runs a query whose parameters are the narrowing's values, then {@code after}. */
    private void rows(String sql, Consumer<Session> sink, Object... after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = narrowing.bind(ps, 1);
            for (Object v : after) {
                ps.setObject(next++, v);
            }
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Session s = SessionRows.session(rs, db.rawText);
                    if (!hidden.contains(s.id())) {
                        sink.accept(s);
                    }
                }
            }
        }
    }

    @Override
    public void forEachChangedSince(long watermark, Consumer<Session> sink) {
        try {
            rows(db.select(active + " AND age(xmin) <= age((?::bigint % 4294967296)::text::xid)"), sink, watermark);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    @Override
    public void forEachKeyInBuckets(Set<Integer> buckets, Consumer<SessionDao.ActiveKey> sink) {
        if (buckets.isEmpty()) {
            return;
        }
        Consumer<SessionDao.ActiveKey> visible = k -> {
            if (!hidden.contains(k.id())) {
                sink.accept(k);
            }
        };
        try {
            if (buckets.size() >= BUCKETS && narrowing.isEmpty()) {
                CopyRows.copy(c, ActiveSetReader.ACTIVE_KEYS_SQL, f -> key(f.uuid(), f.longValue(), f.timestamp(), visible));
                return;
            }
            String sql = "SELECT id, xmin::text::bigint, expires_at FROM public.user_sessions WHERE " + active
                    + " AND get_byte(uuid_send(id), 15) = ANY(?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Array array = c.createArrayOf("int4", buckets.toArray());
                ps.setArray(narrowing.bind(ps, 1), array);
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long version = rs.getLong(2);
                        key(rs.getObject(1, UUID.class), rs.wasNull() ? null : version,
                                RowProblems.instant(rs.getObject(3, OffsetDateTime.class)), visible);
                    }
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    private static void key(UUID id, Long version, Instant expires, Consumer<SessionDao.ActiveKey> sink) {
        if (id != null && version != null) {
            sink.accept(new SessionDao.ActiveKey(id, version, expires == null ? Timestamps.INFINITY : expires));
        }
    }

    @Override
    public List<Session> activeByIds(Collection<UUID> ids) {
        try {
            return db.byIds(c, db.select("id = ANY(?) AND " + SessionRows.ACTIVE), ids, hidden, true);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }
}
