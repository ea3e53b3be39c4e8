package com.sessionconsole.cli;

import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.domain.Session;
import com.sessionconsole.files.Json;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.revoke.RevokePlan;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code revoke --format json}: the outcome as one object of id lists, for scripts (docs/schema/revoke-outcome.schema.json). */
final class RevokeOutcomeJson {
    private RevokeOutcomeJson() {
    }

    static void outcome(PrintWriter out, RevocationService.Outcome outcome) {
        RevokeResult r = outcome.result();
        Map<String, Object> m = fields(false, List.of(), r.revoked(), r.alreadyInactive(), r.notFound(), r.leftActive(),
                r.unchangedByServer(), r.appearedAfter());
        m.put("complete", r.complete());
        m.put("note", outcome.note());
        m.put("audit_error", outcome.auditError());
        print(out, m);
    }

    static void dryRun(PrintWriter out, RevokePlan plan) {
        print(out, fields(true, plan.sessions().stream().map(Session::id).toList(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    static void nothing(PrintWriter out, boolean dryRun) {
        print(out, fields(dryRun, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    private static Map<String, Object> fields(boolean dryRun, List<UUID> wouldRevoke, List<UUID> revoked, List<UUID> alreadyInactive,
                                              List<UUID> notFound, List<UUID> leftActive, List<UUID> notChangedByServer,
                                              List<UUID> appearedAfter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", dryRun);
        m.put("would_revoke", ids(wouldRevoke));
        m.put("revoked", ids(revoked));
        m.put("already_inactive", ids(alreadyInactive));
        m.put("not_found", ids(notFound));
        m.put("left_active", ids(leftActive));
        m.put("not_changed_by_server", ids(notChangedByServer));
        m.put("appeared_after", ids(appearedAfter));
        return m;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }

    private static void print(PrintWriter out, Map<String, Object> m) {
        out.println(Json.write(m));
        out.flush();
    }
}
