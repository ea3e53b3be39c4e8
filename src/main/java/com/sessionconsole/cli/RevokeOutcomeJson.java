package com.sessionconsole.cli;

import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.files.Json;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.revoke.RevokePlan;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code revoke --format json}: every outcome, refusals and unconfirmed ones included, as one object with the same fields, in
 * which each given id is in exactly one list (docs/schema/revoke-outcome.schema.json).
 */
final class RevokeOutcomeJson {
    private RevokeOutcomeJson() {
    }

    static void outcome(PrintWriter out, RevocationService.Outcome outcome, Map<UUID, String> notActive) {
        RevokeResult r = outcome.result();
        Map<String, Object> m = fields(false, notActive);
        m.put("revoked", ids(r.revoked()));
        m.put("already_inactive", ids(r.alreadyInactive()));
        m.put("not_found", ids(r.notFound()));
        m.put("left_active", ids(r.stillActive()));
        m.put("not_changed_by_server", ids(r.unchangedByServer()));
        m.put("appeared_after", ids(r.appearedAfter()));
        m.put("confirmed", true);
        m.put("complete", r.complete());
        m.put("note", outcome.note());
        m.put("audit_error", outcome.auditError());
        print(out, m);
    }

    /** A dry run; {@code wouldRefuse} says why a real revoke of the same selection would be refused, or is null. */
    static void dryRun(PrintWriter out, RevokePlan plan, Map<UUID, String> notActive, String wouldRefuse) {
        Map<String, Object> m = fields(true, notActive);
        m.put("would_revoke", ids(sessionIds(plan)));
        m.put("refused", wouldRefuse);
        print(out, m);
    }

    /** No selected or given session is active: nothing to do, and nothing is left active. */
    static void nothing(PrintWriter out, boolean dryRun, Map<UUID, String> notActive) {
        Map<String, Object> m = fields(dryRun, notActive);
        m.put("complete", true);
        print(out, m);
    }

    /** Refused before anything changed: the active sessions it selected stay active. */
    static void refused(PrintWriter out, String reason, Collection<UUID> leftActive, Map<UUID, String> notActive, Collection<UUID> notFound) {
        Map<String, Object> m = fields(false, notActive);
        m.put("left_active", ids(leftActive));
        m.put("not_found", ids(notFound));
        m.put("refused", reason);
        m.put("complete", false);
        print(out, m);
    }

    /** The question was not answered with the expected word: nothing changed. */
    static void unconfirmed(PrintWriter out, RevokePlan plan, Map<UUID, String> notActive) {
        Map<String, Object> m = fields(false, notActive);
        m.put("left_active", ids(sessionIds(plan)));
        m.put("confirmed", false);
        m.put("complete", false);
        print(out, m);
    }

    private static Map<String, Object> fields(boolean dryRun, Map<UUID, String> notActive) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", dryRun);
        for (String list : List.of("would_revoke", "revoked", "already_inactive", "not_found", "left_active", "not_changed_by_server",
                "appeared_after")) {
            m.put(list, List.of());
        }
        m.put("not_active", notActive.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("id", e.getKey().toString(), "reason", e.getValue())).toList());
        m.put("confirmed", null);
        m.put("refused", null);
        m.put("complete", null);
        m.put("note", null);
        m.put("audit_error", null);
        return m;
    }

    private static List<UUID> sessionIds(RevokePlan plan) {
        return plan.sessions().stream().map(Session::id).toList();
    }

    private static List<String> ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }

    private static void print(PrintWriter out, Map<String, Object> m) {
        out.println(Json.write(m));
        out.flush();
    }
}
