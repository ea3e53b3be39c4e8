package com.sessionconsole.service;

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
    private final Set<UUID> protectedUsers;
    private final String disabledReason;

    /**
     * @param disabledReason null when revoking is allowed, otherwise why it is not (read-only mode, missing privilege)
     */
    public RevocationService(SessionDao dao, AuditLog audit, Clock clock, String dbUser, String server,
                             Set<UUID> protectedUsers, String disabledReason) {
        this.dao = dao;
        this.audit = audit;
        this.clock = clock;
        this.dbUser = dbUser;
        this.server = server;
        this.protectedUsers = Set.copyOf(protectedUsers);
        this.disabledReason = disabledReason;
    }

    /** The outcome of a revoke. {@code auditError} is non-null when the revoke committed but could not be recorded. */
    public record Outcome(RevokeCriteria criteria, RevokeResult result, String auditError) {
        public String describe() {
            return result.describe();
        }
    }

    public boolean allowed() {
        return disabledReason == null;
    }

    public String disabledReason() {
        return disabledReason;
    }

    /** The sessions with these ids that are active now, for a follow-up revoke's preview. */
    public List<Session> activeSessions(Collection<UUID> ids) {
        return dao.activeSessionsByIds(ids);
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
        audit.append(intent(revokeId, criteria, reason.strip(), source));
        RevokeResult result;
        try {
            result = dao.revoke(criteria, protectedUsers);
        } catch (RuntimeException e) {
            recordFailure(revokeId, e);
            throw e;
        }
        try {
            audit.append(outcome(revokeId, result));
            log.info("revoked {} session(s) ({}): {}", result.revoked().size(), criteria.describe(), result.describe());
            return new Outcome(criteria, result, null);
        } catch (AuditLog.AuditLogException e) {
            String message = "THE REVOKE HAPPENED; its intent is in the audit log, but its outcome could not be written ("
                    + e.getMessage() + "). Record these revoked ids by hand: " + result.revoked();
            log.error(message, e);
            return new Outcome(criteria, result, message);
        }
    }

    private Map<String, Object> intent(String revokeId, RevokeCriteria criteria, String reason, String source) {
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
        m.put("reason", reason);
        return m;
    }

    private Map<String, Object> outcome(String revokeId, RevokeResult r) {
        Map<String, Object> m = record("outcome", revokeId);
        m.put("status", "committed");
        m.put("revoked", sorted(r.revoked()));
        m.put("already_inactive", sorted(r.alreadyInactive()));
        m.put("not_found", sorted(r.notFound()));
        m.put("still_active", sorted(r.stillActive()));
        m.put("appeared_after_not_revoked", sorted(r.appearedAfter()));
        return m;
    }

    /** The UPDATE failed: nothing committed, and the log says so next to the intent. */
    private void recordFailure(String revokeId, RuntimeException cause) {
        Map<String, Object> m = record("outcome", revokeId);
        m.put("status", "failed, nothing revoked");
        m.put("error", cause.getMessage());
        try {
            audit.append(m);
        } catch (AuditLog.AuditLogException e) {
            cause.addSuppressed(e);
        }
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
