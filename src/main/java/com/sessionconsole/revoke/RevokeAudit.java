package com.sessionconsole.revoke;

import com.sessionconsole.audit.AuditLine;
import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Writes a revoke's lines to the audit log: its intent, then exactly one outcome. */
final class RevokeAudit {
    private final AuditLog log;
    private final Clock clock;
    private final String dbUser;
    private final String server;

    RevokeAudit(AuditLog log, Clock clock, String dbUser, String server) {
        this.log = log;
        this.clock = clock;
        this.dbUser = dbUser;
        this.server = server;
    }

    /** @throws AuditLog.AuditLogException when it is not on disk: then nothing may be revoked */
    void intent(String revokeId, RevokeCriteria criteria, Collection<Session> confirmed, String reason, String source) {
        AuditLine.Criteria what = new AuditLine.Criteria(criteria.byIds() ? null : criteria.groupBy().name().toLowerCase(Locale.ROOT),
                criteria.key(), sorted(criteria.expectedIds()));
        List<AuditLine.ConfirmedSession> sessions = confirmed.stream().filter(s -> criteria.expectedIds().contains(s.id()))
                .sorted(Comparator.comparing(s -> s.id().toString())).map(RevokeAudit::asConfirmed).toList();
        log.append(new AuditLine.Intent(revokeId, clock.instant(), System.getProperty("user.name"), dbUser, server, source, what, sessions,
                reason));
    }

    private static AuditLine.ConfirmedSession asConfirmed(Session s) {
        return new AuditLine.ConfirmedSession(s.id().toString(), s.userId() == null ? null : s.userId().toString(), s.deviceId(),
                s.ipAddress(), s.token().text());
    }

    void committed(String revokeId, RevokeResult r) {
        String status = r.complete() ? "committed" : "committed; " + r.leftActive().size() + " confirmed session(s) NOT revoked";
        log.append(new AuditLine.Committed(revokeId, clock.instant(), status, sorted(r.revoked()), sorted(r.alreadyInactive()),
                sorted(r.notFound()), sorted(r.stillActive()), sorted(r.unchangedByServer()), sorted(r.appearedAfter()), r.walPosition()));
    }

    void inDoubtResolved(String revokeId, String verdict, List<UUID> inactive, List<UUID> active, List<UUID> notFound) {
        log.append(new AuditLine.InDoubtResolved(revokeId, clock.instant(), "in doubt, then resolved as " + verdict, sorted(inactive),
                sorted(active), sorted(notFound)));
    }

    /** Written even when the log fails: the failure is added to {@code failure}, which the caller throws. */
    void inDoubtUnresolved(String revokeId, String why, Collection<UUID> check, RuntimeException failure) {
        appendQuietly(new AuditLine.InDoubtUnresolved(revokeId, clock.instant(), "in doubt, unresolved: " + why, sorted(check)), failure);
    }

    /** The UPDATE failed: nothing committed, and the log says so next to the intent. */
    void failed(String revokeId, RuntimeException cause) {
        appendQuietly(new AuditLine.Failed(revokeId, clock.instant(), "failed, nothing revoked", cause.getMessage()), cause);
    }

    private void appendQuietly(AuditLine line, RuntimeException failure) {
        try {
            log.append(line);
        } catch (AuditLog.AuditLogException e) {
            failure.addSuppressed(e);
        }
    }

    static List<String> sorted(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }
}
