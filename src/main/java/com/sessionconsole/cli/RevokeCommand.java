package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserIds;
import com.sessionconsole.service.RevocationService;
import com.sessionconsole.service.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "revoke", description = {"Set sessions inactive (nothing is deleted) and append the revoke to the audit log.",
        "Asks for confirmation unless --yes is given."})
final class RevokeCommand extends WorkspaceCommand {
    static final int TYPE_COUNT_ABOVE = 50;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--ids", split = ",", paramLabel = "ID", required = true, description = "session ids, comma-separated")
        List<String> ids;
        @Option(names = "--user", required = true, description = "every active session of this user id")
        String user;
        @Option(names = "--device", required = true, description = "every active session of this device")
        String device;
        @Option(names = "--ip", required = true, description = "every active session from this exact address")
        String ip;
    }

    @Option(names = "--reason", required = true, description = "why; recorded in the audit log")
    String reason;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    private final Callable<String> readLine;

    RevokeCommand(WorkspaceOpener opener, Callable<String> readLine) {
        super(opener);
        this.readLine = readLine;
    }

    @Override
    public Integer call() throws Exception {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason must not be empty: say why these sessions are revoked");
        }
        if (target.user != null) {
            UserIds.parse(target.user);
        }
        if (target.ids != null) {
            target.ids.forEach(UserIds::parse);
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        RevocationService revocation = ws.revocation();
        if (!revocation.allowed()) {
            throw new IllegalStateException("not revoked: " + revocation.disabledReason());
        }
        Instant now = ws.dao().serverTime();
        List<Session> candidates;
        RevokeCriteria criteria;
        if (target.ids != null) {
            Set<UUID> ids = target.ids.stream().map(id -> UUID.fromString(id.strip())).collect(Collectors.toCollection(LinkedHashSet::new));
            candidates = ws.dao().sessionsByIds(ids).stream().filter(s -> s.isActiveAt(now)).toList();
            criteria = RevokeCriteria.ids(ids);
        } else {
            GroupBy by = target.user != null ? GroupBy.USER : target.device != null ? GroupBy.DEVICE : GroupBy.IP;
            String key = target.user != null ? target.user.strip() : target.device != null ? target.device : target.ip;
            candidates = ws.dao().history(by, key).stream().filter(s -> s.isActiveAt(now)).toList();
            criteria = RevokeCriteria.group(by, key, candidates.stream().map(Session::id).collect(Collectors.toSet()));
        }
        String refusal = revocation.refusal(candidates);
        if (refusal != null) {
            throw new IllegalStateException("not revoked: " + refusal);
        }
        out.println("About to revoke " + candidates.size() + " active session(s): " + criteria.describe());
        candidates.stream().limit(10).forEach(s -> out.println("  " + s.userId() + "  " + nullToEmpty(s.deviceId())
                + "  " + nullToEmpty(s.ipAddress())));
        if (candidates.size() > 10) {
            out.println("  … and " + (candidates.size() - 10) + " more");
        }
        if (!yes && !confirmed(out, candidates.size())) {
            out.println("Not revoked: not confirmed.");
            out.flush();
            return ExitCodes.REFUSED;
        }
        RevocationService.Outcome outcome = revocation.revoke(criteria, candidates, reason, "cli");
        out.println(outcome.describe());
        out.flush();
        if (outcome.auditError() != null) {
            spec.commandLine().getErr().println("ERROR: " + outcome.auditError());
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private boolean confirmed(PrintWriter out, int count) throws Exception {
        String expected = count > TYPE_COUNT_ABOVE ? Integer.toString(count) : "yes";
        out.print(count > TYPE_COUNT_ABOVE ? "Type the number of sessions (" + count + ") to confirm: " : "Type 'yes' to confirm: ");
        out.flush();
        String answer;
        try {
            answer = readLine.call();
        } catch (IOException e) {
            return false;
        }
        return answer != null && answer.strip().equals(expected);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "(none)" : s;
    }
}
