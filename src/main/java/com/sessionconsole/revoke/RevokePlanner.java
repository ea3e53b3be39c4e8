package com.sessionconsole.revoke;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans revokes from what the primary holds now (where the UPDATE runs: a lagging replica would hide new sessions),
 * for the CLI and the window alike. A plan holds exactly the sessions the analyst will be shown and asked to confirm.
 */
public final class RevokePlanner {
    private final SessionDao dao;
    private final RevocationService revocation;

    RevokePlanner(SessionDao dao, RevocationService revocation) {
        this.dao = dao;
        this.revocation = revocation;
    }

    /**
     * The given ids that are active now. An id that names no session at all is refused (a typo, or another database):
     * nothing is revoked, rather than a revoke that quietly does less than was asked. Ids of sessions that have ended
     * are left out of the plan, and the caller says so.
     */
    public RevokePlan byIds(Set<UUID> ids) {
        Instant now = dao.serverTime();
        List<Session> known = dao.sessionsOnPrimary(ids);
        Set<UUID> found = known.stream().map(Session::id).collect(Collectors.toSet());
        List<UUID> unknown = ids.stream().filter(id -> !found.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no session has the id" + (unknown.size() == 1 ? " " : "s ") + unknown + " in "
                    + revocation.target() + ": nothing was revoked. Check the ids (a typo, or another database?)");
        }
        List<Session> active = known.stream().filter(s -> s.isActiveAt(now)).sorted(Session.NEWEST_FIRST).toList();
        RevokeCriteria criteria = active.isEmpty() ? null : RevokeCriteria.ids(active.stream().map(Session::id).collect(Collectors.toSet()));
        return new RevokePlan(criteria, active, revocation.refusal(active));
    }

    /** Every active session of a key. */
    public RevokePlan byKey(GroupBy by, String key) {
        List<Session> active = dao.activeOnPrimary(by, key);
        return RevokePlan.ofKey(by, key, active, revocation.refusal(active));
    }

    /**
     * The follow-up to a revoke by key: the sessions of the key that appeared after the analyst confirmed and are
     * active now, as a new plan with its own confirmation. They are never revoked without one.
     */
    public RevokePlan followUp(RevocationService.Outcome last) {
        List<Session> appeared = revocation.activeSessions(last.result().appearedAfter()).stream().sorted(Session.NEWEST_FIRST).toList();
        return RevokePlan.ofKey(last.criteria().groupBy(), last.criteria().key(), appeared, revocation.refusal(appeared));
    }
}
