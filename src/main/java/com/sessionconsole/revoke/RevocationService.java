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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Revokes sessions and records every revoke in the audit log: an intent record, forced to disk, before
 * the UPDATE; an outcome record after the commit. If the outcome cannot be written, the outcome says so
 * loudly and names the revoked ids, because the revoke did happen.
 */
public final class RevocationService {
    private static final Logger log = LoggerFactory.getLogger(RevocationService.class);

    /** How long to keep trying to read the outcome of a commit in doubt before saying it is unknown. */
    static final Duration IN_DOUBT_WINDOW = Duration.ofSeconds(30);

    private final SessionDao dao;
    private final RevokeAudit auditLines;
    private final String target;
    private final Set<UUID> protectedUsers;
    private final String disabledReason;
    private final UntilThePrimaryAnswers untilThePrimaryAnswers;

    /**
     * @param server         the server as the audit log names it (user@host:port/database, or "demo")
     * @param target         which database a revoke changes, in words, for every preview and confirmation
     * @param disabledReason null when revoking is allowed, otherwise why it is not (read-only mode, missing privilege)
     */
    public RevocationService(SessionDao dao, AuditLog audit, Clock clock, String dbUser, String server, String target,
                             Set<UUID> protectedUsers, String disabledReason) {
        this(dao, new RevokeAudit(audit, clock, dbUser, server), target, Set.copyOf(protectedUsers), disabledReason,
                new UntilThePrimaryAnswers(clock, IN_DOUBT_WINDOW));
    }

    private RevocationService(SessionDao dao, RevokeAudit auditLines, String target, Set<UUID> protectedUsers, String disabledReason,
                              UntilThePrimaryAnswers untilThePrimaryAnswers) {
        this.dao = dao;
        this.auditLines = auditLines;
        this.target = target;
        this.protectedUsers = protectedUsers;
        this.disabledReason = disabledReason;
        this.untilThePrimaryAnswers = untilThePrimaryAnswers;
    }

    /** The same service, waiting {@code window} on {@code clock} for the primary after a commit in doubt (tests shorten it). */
    RevocationService withInDoubtWindow(Clock clock, Duration window) {
        return new RevocationService(dao, auditLines, target, protectedUsers, disabledReason, new UntilThePrimaryAnswers(clock, window));
    }

    /** A revoke's outcome; {@code auditError}: it committed but was not recorded; {@code note}: an unusual one (a commit in doubt). */
    public record Outcome(RevokeCriteria criteria, RevokeResult result, String auditError, String note) {
        public String describe() {
            return note == null ? result.describe() : note + " " + result.describe();
        }
    }

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
        Instant now = dao.serverTime();
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
        auditLines.intent(revokeId, criteria, confirmed, reason.strip(), source);
        RevokeResult result;
        try {
            result = dao.revoke(criteria, protectedUsers);
        } catch (CommitInDoubtException e) {
            return resolveInDoubt(revokeId, criteria, e);
        } catch (RuntimeException e) {
            auditLines.failed(revokeId, e);
            throw e;
        }
        try {
            auditLines.committed(revokeId, result);
            log.info("revoked {} session(s) ({}): {}", result.revoked().size(), criteria.describe(), result.describe());
            return new Outcome(criteria, result, null, null);
        } catch (AuditLog.AuditLogException e) {
            String message = "THE REVOKE HAPPENED; its intent is in the audit log, but its outcome could not be written ("
                    + e.getMessage() + "). Record these revoked ids by hand: " + result.revoked();
            log.error(message, e);
            return new Outcome(criteria, result, message, null);
        }
    }

    /**
     * The connection dropped during COMMIT. Reads the confirmed ids again on the primary, once it answers,
     * and reports exactly which are now inactive and which are still active; the audit outcome says
     * "in doubt, then resolved as …". If the primary does not answer within the window ({@link #IN_DOUBT_WINDOW}),
     * the outcome is recorded as unresolved and the analyst is told to re-check the ids.
     */
    private Outcome resolveInDoubt(String revokeId, RevokeCriteria criteria, CommitInDoubtException cause) {
        log.warn("{}; reading the confirmed ids again", cause.getMessage());
        record Read(List<Session> sessions, Instant serverNow) {
        }
        Read read;
        try {
            read = untilThePrimaryAnswers.read(() -> new Read(dao.sessionsOnPrimary(criteria.expectedIds()), dao.serverTime()));
        } catch (UntilThePrimaryAnswers.NoAnswer e) {
            String why = e.interrupted ? "the console stopped waiting for the primary (it is closing)"
                    : "the primary did not answer within " + untilThePrimaryAnswers.window().toSeconds() + " s";
            DatabaseException unresolved = new DatabaseException(DatabaseException.Kind.UNREACHABLE, cause.getMessage() + ", and "
                    + why + " to tell. Check these sessions before acting again: " + sorted(criteria.expectedIds()), e.last);
            auditLines.inDoubtUnresolved(revokeId, why, criteria.expectedIds(), unresolved);
            throw unresolved;
        }
        List<Session> now = read.sessions();
        Instant at = read.serverNow();
        Set<UUID> found = new HashSet<>();
        List<UUID> inactive = new ArrayList<>();
        List<UUID> active = new ArrayList<>();
        for (Session s : now) {
            found.add(s.id());
            (s.isActiveAt(at) ? active : inactive).add(s.id());
        }
        List<UUID> notFound = criteria.expectedIds().stream().filter(id -> !found.contains(id)).sorted().toList();
        String verdict = active.isEmpty() ? "revoked" : inactive.isEmpty() ? "not revoked" : "partly revoked";
        String auditError = null;
        try {
            auditLines.inDoubtResolved(revokeId, verdict, inactive, active, notFound);
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

    private static List<String> sorted(Collection<UUID> ids) {
        return RevokeAudit.sorted(ids);
    }
}
