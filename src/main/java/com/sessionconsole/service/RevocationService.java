package com.sessionconsole.service;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Revokes sessions and records every revoke in the audit log. The database commit comes first; the
 * audit line is forced to disk before the outcome is returned. If that write fails, the outcome says
 * so loudly and names the revoked ids, because the revoke did happen.
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
    public record Outcome(RevokeResult result, String auditError) {
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

    public Outcome revoke(RevokeCriteria criteria, Collection<Session> confirmed, String reason, String source) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required for every revoke");
        }
        String refusal = refusal(confirmed);
        if (refusal == null && criteria.groupBy() == com.sessionconsole.domain.GroupBy.USER && criteria.key() != null
                && protectedUsers.contains(UUID.fromString(criteria.key()))) {
            refusal = "refused: user " + criteria.key() + " is protected; their sessions are never revoked from this console";
        }
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        RevokeResult result = dao.revoke(criteria, protectedUsers);
        AuditEntry entry = new AuditEntry(clock.instant(), System.getProperty("user.name"), dbUser, server, source,
                criteria, reason.strip(), result);
        try {
            audit.append(entry);
            log.info("revoked {} session(s) ({}), {} already inactive", result.revoked().size(), criteria.describe(),
                    result.alreadyInactive().size());
            return new Outcome(result, null);
        } catch (IOException | RuntimeException e) {
            String message = "THE REVOKE HAPPENED BUT WAS NOT WRITTEN TO THE AUDIT LOG (" + audit.file() + ": " + e.getMessage()
                    + "). Record these revoked ids by hand: " + result.revoked();
            log.error(message, e);
            return new Outcome(result, message);
        }
    }
}
