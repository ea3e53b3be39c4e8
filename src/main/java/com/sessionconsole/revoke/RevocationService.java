package com.sessionconsole.revoke;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.db.CommitInDoubtException;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RefusedException;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Revokes sessions and records every revoke in the audit log: an intent record, forced to disk, before
 * the UPDATE; an outcome record after the commit. If the outcome cannot be written, the outcome says so
 * loudly and names the revoked ids, because the revoke did happen.
 */
public final class RevocationService {
    private static final Logger log = LoggerFactory.getLogger(RevocationService.class);

    private final SessionDao dao;
    private final AuditLog audit;
    private final Clock clock;
    private final String dbUser;
    private final String server;
    private final String target;
    private final Set<UUID> protectedUsers;
    private final String disabledReason;

    /**
     * @param server         the server as the audit log names it (user@host:port/database, or "demo")
     * @param target         which database a revoke changes, in words, for every preview and confirmation
     * @param disabledReason null when revoking is allowed, otherwise why it is not (read-only mode, missing privilege)
     */
    public RevocationService(SessionDao dao, AuditLog audit, Clock clock, String dbUser, String server, String target,
                             Set<UUID> protectedUsers, String disabledReason) {
        this.dao = dao;
        this.audit = audit;
        this.clock = clock;
        this.dbUser = dbUser;
        this.server = server;
        this.target = target;
        this.protectedUsers = Set.copyOf(protectedUsers);
        this.disabledReason = disabledReason;
    }

    /** A revoke's outcome; {@code auditError}: it committed but was not recorded; {@code note}: an unusual one (a commit in doubt). */
    public record Outcome(RevokeCriteria criteria, RevokeResult result, String auditError, String note) {
        public String describe() {
            return note == null ? result.describe() : note + " " + result.describe();
        }
    }

    /** How long to keep trying to read the outcome of a commit in doubt before saying it is unknown. */
    static final java.time.Duration IN_DOUBT_WINDOW = java.time.Duration.ofSeconds(30);

    /** Which database a revoke changes, in words: "database 'sessions' on server db1:5432 as user analyst", or the demo. */
    public String target() {
        return target;
    }

    public boolean allowed() {
        return disabledReason == null;
    }

    public String disabledReason() {
        return disabledReason;
    }

    /** The sessions with these ids that are active now on the primary, for a follow-up revoke's preview. */
    public List<Session> activeSessions(Collection<UUID> ids) {
        java.time.Instant now = dao.serverTime();
        return dao.sessionsOnPrimary(ids).stream().filter(s -> s.isActiveAt(now)).toList();
    }

    /** What a revoke would end, as a plan to confirm: by ids, by key, or the sessions that appeared after a revoke. */
    public RevokePlanner planner() {
        return new RevokePlanner(dao, this);
    }

    /** Why these sessions may not be revoked, or null when they may. */
    public String refusal(Collection<Session> sessions) {
        if (disabledReason != null) {
            return disabledReason;
        }
        List<String> protectedHit = sessions.stream().map(Session::userId).filter(protectedUsers::contains)
                .map(UUID::toString).distinct().sorted().toList();
        if (!protectedHit.isEmpty()) {
            return "refused: the selection includes protected user(s) " + String.join(", ", protectedHit)
                    + "; their sessions are never revoked from this console";
        }
        return null;
    }

    /**
     * Revokes the confirmed sessions: the intent record is on disk before the UPDATE runs (no record, no
     * revoke), and the outcome record follows the commit.
     *
     * @throws RefusedException            read-only, protected user, or nothing confirmed; nothing was changed
     * @throws AuditLog.AuditLogException the intent could not be recorded; nothing was changed
     */
    public Outcome revoke(RevokeCriteria criteria, Collection<Session> confirmed, String reason, String source) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required for every revoke");
        }
        String refusal = refusal(confirmed);
        if (refusal == null && criteria.groupBy() == GroupBy.USER && criteria.key() != null
                && protectedUsers.contains(UUID.fromString(criteria.key()))) {
            refusal = "refused: user " + criteria.key() + " is protected; their sessions are never revoked from this console";
        }
        if (refusal == null && criteria.expectedIds().isEmpty()) {
            refusal = "nothing was confirmed: no session ids to revoke";
        }
        if (refusal != null) {
            throw new RefusedException(refusal);
        }
        String revokeId = UUID.randomUUID().toString();
        audit.append(intent(revokeId, criteria, confirmed, reason.strip(), source));
        RevokeResult result;
        try {
            result = dao.revoke(criteria, protectedUsers);
        } catch (CommitInDoubtException e) {
            return resolveInDoubt(revokeId, criteria, e);
        } catch (RuntimeException e) {
            recordFailure(revokeId, e);
            throw e;
        }
        try {
            audit.append(outcome(revokeId, result));
            log.info("revoked {} session(s) ({}): {}", result.revoked().size(), criteria.describe(), result.describe());
            return new Outcome(criteria, result, null, null);
        } catch (AuditLog.AuditLogException e) {
            String message = "THE REVOKE HAPPENED; its intent is in the audit log, but its outcome could not be written ("
                    + e.getMessage() + "). Record these revoked ids by hand: " + result.revoked();
            log.error(message, e);
            return new Outcome(criteria, result, message, null);
        }
    }

    private Map<String, Object> intent(String revokeId, RevokeCriteria criteria, Collection<Session> confirmed, String reason,
                                       String source) {
        Map<String, Object> criteriaMap = new LinkedHashMap<>();
        if (!criteria.byIds()) {
            criteriaMap.put(criteria.groupBy().name().toLowerCase(), criteria.key());
        }
        criteriaMap.put("ids", sorted(criteria.expectedIds()));
        Map<String, Object> m = record("intent", revokeId);
        m.put("os_user", System.getProperty("user.name"));
        m.put("db_user", dbUser);
        m.put("server", server);
        m.put("source", source);
        m.put("criteria", criteriaMap);
        m.put("sessions", confirmed.stream().filter(s -> criteria.expectedIds().contains(s.id()))
                .sorted(java.util.Comparator.comparing(s -> s.id().toString())).map(RevocationService::asConfirmed).toList());
        m.put("reason", reason);
        return m;
    }

    /** A confirmed session as the audit log names it, so that the Audit view can say whose sessions they were; token masked. */
    private static Map<String, Object> asConfirmed(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("user_id", s.userId() == null ? null : s.userId().toString());
        m.put("device_id", s.deviceId());
        m.put("ip_address", s.ipAddress());
        m.put("token_masked", s.token().text());
        return m;
    }

    private Map<String, Object> outcome(String revokeId, RevokeResult r) {
        Map<String, Object> m = record("outcome", revokeId);
        m.put("status", r.complete() ? "committed" : "committed; " + r.leftActive().size() + " confirmed session(s) NOT revoked");
        m.put("revoked", sorted(r.revoked()));
        m.put("already_inactive", sorted(r.alreadyInactive()));
        m.put("not_found", sorted(r.notFound()));
        m.put("still_active", sorted(r.stillActive()));
        m.put("not_changed_by_server", sorted(r.unchangedByServer()));
        m.put("appeared_after_not_revoked", sorted(r.appearedAfter()));
        if (r.walPosition() != null) {
            m.put("wal_position", r.walPosition()); // so that a later console hides these until the replica has replayed them
        }
        return m;
    }

    /**
     * The connection dropped during COMMIT. Reads the confirmed ids again on the primary, once it answers,
     * and reports exactly which are now inactive and which are still active; the audit outcome says
     * "in doubt, then resolved as …". If the primary does not answer within {@link #IN_DOUBT_WINDOW},
     * the outcome is recorded as unresolved and the analyst is told to re-check the ids.
     */
    private Outcome resolveInDoubt(String revokeId, RevokeCriteria criteria, CommitInDoubtException cause) {
        log.warn("{}; reading the confirmed ids again", cause.getMessage());
        java.time.Instant deadline = clock.instant().plus(IN_DOUBT_WINDOW);
        List<Session> now = null;
        java.time.Instant serverNow = null;
        while (now == null) {
            try {
                now = dao.sessionsOnPrimary(criteria.expectedIds());
                serverNow = dao.serverTime();
            } catch (DatabaseException e) {
                now = null;
                if (clock.instant().isAfter(deadline)) {
                    Map<String, Object> m = record("outcome", revokeId);
                    m.put("status", "in doubt, unresolved: the primary did not answer within " + IN_DOUBT_WINDOW.toSeconds() + " s");
                    m.put("check_ids", sorted(criteria.expectedIds()));
                    appendQuietly(m, e);
                    throw new DatabaseException(DatabaseException.Kind.UNREACHABLE, cause.getMessage() + ", and the primary did not "
                            + "answer for " + IN_DOUBT_WINDOW.toSeconds() + " s to tell. Check these sessions before acting again: "
                            + sorted(criteria.expectedIds()), e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
            }
        }
        java.time.Instant at = serverNow;
        Set<UUID> found = new java.util.HashSet<>();
        List<UUID> inactive = new java.util.ArrayList<>();
        List<UUID> active = new java.util.ArrayList<>();
        for (Session s : now) {
            found.add(s.id());
            (s.isActiveAt(at) ? active : inactive).add(s.id());
        }
        List<UUID> notFound = criteria.expectedIds().stream().filter(id -> !found.contains(id)).sorted().toList();
        String verdict = active.isEmpty() ? "revoked" : inactive.isEmpty() ? "not revoked" : "partly revoked";
        Map<String, Object> m = record("outcome", revokeId);
        m.put("status", "in doubt, then resolved as " + verdict);
        m.put("inactive_now", sorted(inactive));
        m.put("still_active", sorted(active));
        m.put("not_found", notFound);
        String auditError = null;
        try {
            audit.append(m);
        } catch (AuditLog.AuditLogException e) {
            auditError = "the outcome of a commit in doubt could not be written to the audit log (" + e.getMessage() + ")";
        }
        RevokeResult result = new RevokeResult(inactive, List.of(), notFound, active, List.of(), List.of(), criteria.byIds() ? null : criteria.key(), null);
        String note = "The connection dropped during COMMIT, so the console read the sessions again on the primary: resolved as "
                + verdict + "; now inactive: " + ids(inactive) + "; still active: " + ids(active) + ".";
        log.warn("commit in doubt resolved as {}: {} inactive, {} still active", verdict, inactive.size(), active.size());
        return new Outcome(criteria, result, auditError, note);
    }

    private static String ids(List<UUID> ids) {
        return ids.isEmpty() ? "none" : ids.size() <= 10 ? sorted(ids).toString() : ids.size() + " (listed in the audit log)";
    }

    private void appendQuietly(Map<String, Object> record, RuntimeException failure) {
        try {
            audit.append(record);
        } catch (AuditLog.AuditLogException e) {
            failure.addSuppressed(e);
        }
    }

    /** The UPDATE failed: nothing committed, and the log says so next to the intent. */
    private void recordFailure(String revokeId, RuntimeException cause) {
        Map<String, Object> m = record("outcome", revokeId);
        m.put("status", "failed, nothing revoked");
        m.put("error", cause.getMessage());
        appendQuietly(m, cause);
    }

    private Map<String, Object> record(String kind, String revokeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", kind);
        m.put("revoke_id", revokeId);
        m.put("time", clock.instant());
        return m;
    }

    private static List<String> sorted(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }
}
