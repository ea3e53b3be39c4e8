package com.sessionconsole.history;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Every session of one user, device or IP, ended ones included, with how and when each one ended. */
public final class SessionHistory {
    private final SessionDao dao;

    public SessionHistory(SessionDao dao) {
        this.dao = dao;
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED, DELETED, ACTIVE_BUT_EXPIRED, ACTIVE_BUT_DELETED, ACTIVE_NULL }

    /** One row of the timeline: from {@code session.createdAt()} to {@code endedAt} (null while active). */
    public record Entry(Session session, Status status, Instant endedAt) {
    }

    /** {@code by} is null for a lookup by token fingerprint. */
    public record Result(GroupBy by, String key, Instant serverNow, List<Entry> entries) {
    }

    public Result load(GroupBy by, String key) {
        return result(by, key, dao.serverTime(), dao.history(by, key));
    }

    /** A lookup typed by the analyst: a user, device, IP or network, or a token fingerprint (by is then null). */
    public Result load(HistoryQuery q) {
        if (q.kind() == HistoryQuery.Kind.TOKEN) {
            return result(null, q.key(), dao.serverTime(), dao.sessionsByTokenFingerprint(q.key()));
        }
        return load(q.kind().groupBy(), q.key());
    }

    private static Result result(GroupBy by, String key, Instant now, List<Session> sessions) {
        List<Entry> entries = sessions.stream().map(s -> entry(s, now))
                .sorted(Comparator.comparing((Entry e) -> e.status() != Status.ACTIVE)
                        .thenComparing(e -> e.session().createdAt(), Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        return new Result(by, key, now, entries);
    }

    static Entry entry(Session s, Instant now) {
        boolean expired = !s.expiresAt().isAfter(now);
        if (s.active() == null) {
            return new Entry(s, Status.ACTIVE_NULL, s.updatedAt());
        }
        if (s.active()) {
            if (s.deletedAt() != null) {
                return new Entry(s, Status.ACTIVE_BUT_DELETED, s.deletedAt());
            }
            return expired ? new Entry(s, Status.ACTIVE_BUT_EXPIRED, s.expiresAt()) : new Entry(s, Status.ACTIVE, null);
        }
        if (s.deletedAt() != null) {
            return new Entry(s, Status.DELETED, s.deletedAt());
        }
        // is_active false: revoked at updated_at, unless it had expired before that
        return expired && s.updatedAt() != null && s.expiresAt().isBefore(s.updatedAt())
                ? new Entry(s, Status.EXPIRED, s.expiresAt()) : new Entry(s, Status.REVOKED, s.updatedAt());
    }
}
