package com.sessionconsole.db;

import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserFootprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private static final int FOOTPRINT_BATCH = 1_000;

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

    /**
     * The planner may use the index on expires_at: a session created after {@code since} expires after it too (a row
     * that expires before it was created is odd, and the data-quality rules see it in the active set).
     */
    List<Session> recentlyEnded(Instant since, int limit) {
        return db.sessions(db.select("expires_at >= ? AND created_at >= ? AND isfinite(created_at) AND (" + SessionRows.ACTIVE
                + ") IS NOT TRUE ORDER BY created_at DESC, id LIMIT ?"), ps -> {
                    ps.setObject(1, since.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                    ps.setInt(3, limit);
                });
    }

    /** Users in batches, so that each array stays small; the stored keys are read, never a copy sent back as text. */
    Map<UUID, UserFootprint> footprints(Collection<UUID> users, Instant since) {
        String sql = "SELECT user_id, ip_address, device_id, min(created_at), GROUPING(ip_address), GROUPING(device_id), location, "
                + "GROUPING(location) FROM public.user_sessions WHERE user_id = ANY(?) AND created_at >= ? AND isfinite(created_at) "
                + "GROUP BY GROUPING SETS ((user_id, ip_address), (user_id, device_id), (user_id, location), (user_id))";
        Map<UUID, Instant> first = new HashMap<>();
        Map<UUID, Map<String, Instant>> ips = new HashMap<>();
        Map<UUID, Map<String, Instant>> devices = new HashMap<>();
        Map<UUID, Map<String, Instant>> locations = new HashMap<>();
        List<UUID> all = users.stream().filter(Objects::nonNull).distinct().toList();
        try (Connection c = db.read.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < all.size(); from += FOOTPRINT_BATCH) {
                ps.setArray(1, c.createArrayOf("uuid", all.subList(from, Math.min(all.size(), from + FOOTPRINT_BATCH)).toArray()));
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID user = rs.getObject(1, UUID.class);
                        Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
                        boolean byIp = rs.getInt(5) == 0;
                        boolean byDevice = rs.getInt(6) == 0;
                        boolean byLocation = rs.getInt(8) == 0;
                        if (byLocation) {
                            if (rs.getString(7) != null) {
                                locations.computeIfAbsent(user, u -> new HashMap<>()).put(rs.getString(7), at);
                            }
                        } else if (byIp && rs.getString(2) != null) {
                            ips.computeIfAbsent(user, u -> new HashMap<>()).put(rs.getString(2), at);
                        } else if (byDevice && rs.getString(3) != null) {
                            devices.computeIfAbsent(user, u -> new HashMap<>()).put(rs.getString(3), at);
                        } else if (!byIp && !byDevice) {
                            first.put(user, at);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
        Map<UUID, UserFootprint> out = new HashMap<>();
        first.forEach((user, at) -> out.put(user, new UserFootprint(at, ips.getOrDefault(user, Map.of()), devices.getOrDefault(user, Map.of()),
                locations.getOrDefault(user, Map.of()))));
        return out;
    }

    List<UUID> newDeviceAndAddress(Instant since, Instant historyFrom, int limit) {
        // the outer table is not aliased, so that the console's one definition of active applies to it as written
        String before = "SELECT 1 FROM public.user_sessions h WHERE h.user_id = user_sessions.user_id AND h.created_at >= ? "
                + "AND h.created_at < user_sessions.created_at";
        String sql = "SELECT id FROM public.user_sessions WHERE " + SessionRows.ACTIVE + " AND created_at >= ? AND isfinite(created_at) "
                + "AND user_id IS NOT NULL AND EXISTS (" + before + ") AND NOT EXISTS (" + before + " AND h.device_id IS NOT DISTINCT FROM "
                + "user_sessions.device_id) AND NOT EXISTS (" + before + " AND h.ip_address IS NOT DISTINCT FROM user_sessions.ip_address) "
                + "ORDER BY created_at DESC LIMIT ?";
        List<UUID> out = new ArrayList<>();
        try (Connection c = db.read.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, since.atOffset(ZoneOffset.UTC));
            for (int i = 2; i <= 4; i++) {
                ps.setObject(i, historyFrom.atOffset(ZoneOffset.UTC));
            }
            ps.setInt(5, limit);
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

    Map<String, Instant> addressesFirstSeen(Collection<String> ips, Instant since) {
        Map<String, Instant> out = new HashMap<>();
        List<String> all = ips.stream().filter(Objects::nonNull).distinct().toList();
        String sql = "SELECT ip_address, min(created_at) FROM public.user_sessions WHERE ip_address = ANY(?) AND created_at >= ? "
                + "AND isfinite(created_at) GROUP BY ip_address";
        try (Connection c = db.read.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < all.size(); from += FOOTPRINT_BATCH) {
                ps.setArray(1, c.createArrayOf("text", all.subList(from, Math.min(all.size(), from + FOOTPRINT_BATCH)).toArray()));
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            throw db.translate(e);
        }
        return out;
    }
}
