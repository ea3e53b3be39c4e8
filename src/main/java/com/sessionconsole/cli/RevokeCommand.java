package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.IpAddresses;
import com.sessionconsole.domain.RefusedException;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserIds;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.revoke.RevokePlanner;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "revoke", description = {"Set sessions inactive (nothing is deleted) and append the revoke to the audit log.",
        "Asks for confirmation unless --yes is given."})
final class RevokeCommand extends WorkspaceCommand {
    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--ids", split = ",", paramLabel = "ID", required = true, description = "session ids, comma-separated")
        List<String> ids;
        @Option(names = "--user", required = true, description = "every active session of this user id")
        String user;
        @Option(names = "--device", required = true, description = "every active session of this device")
        String device;
        @Option(names = "--ip", required = true, paramLabel = "ADDRESS|CIDR", description = {"every active session from this address,",
                "in any spelling (::ffff:10.0.0.1 is 10.0.0.1), or this network (10.0.0.0/24); other text matches exactly"})
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
            UserFilter.parse(target.user);
        }
        if (target.ip != null) {
            IpOption.check(target.ip, spec.commandLine().getErr());
        }
        if (target.ids != null) {
            for (String id : target.ids) {
                try {
                    UserIds.parse(id);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--ids: '" + VisibleText.of(id.length() > 40 ? id.substring(0, 40) + "…" : id)
                            + "' is not a session id: session ids are UUIDs such as 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f", e);
                }
            }
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        RevocationService revocation = ws.revocation();
        if (!revocation.allowed()) {
            throw new RefusedException("not revoked: " + revocation.disabledReason());
        }
        RevokePlanner planner = revocation.planner();
        RevokePlan plan;
        if (target.ids != null) {
            Set<UUID> given = target.ids.stream().map(id -> UUID.fromString(id.strip())).collect(Collectors.toCollection(LinkedHashSet::new));
            plan = planner.byIds(given);
            Set<UUID> active = plan.sessions().stream().map(Session::id).collect(Collectors.toSet());
            List<UUID> ended = given.stream().filter(id -> !active.contains(id)).sorted().toList();
            if (!ended.isEmpty()) {
                Instant now = ws.dao().serverTime();
                out.println(ended.size() + " of the " + given.size() + " given session(s) are not active, so revoke leaves them as they are"
                        + " (a row still flagged is_active is a finding, not an active session):");
                ws.dao().sessionsOnPrimary(ended).stream().sorted(Comparator.comparing(Session::id))
                        .forEach(s -> out.println("  " + s.id() + "  " + s.whyNotActive(now)));
            }
        } else {
            GroupBy by = target.user != null ? GroupBy.USER : target.device != null ? GroupBy.DEVICE : GroupBy.IP;
            String key = target.user != null ? target.user.strip() : target.device != null ? target.device : target.ip;
            plan = planner.byKey(by, key);
        }
        boolean revokedBefore = false;
        while (true) {
            if (plan.count() == 0) {
                RevokeCriteria c = plan.criteria();
                out.println("Nothing to revoke: " + (c == null || c.byIds() ? "none of the given session(s) is active."
                        : c.groupBy().label() + " " + (c.key() == null ? "(empty)" : VisibleText.of(c.key())) + " has no active session."));
                out.flush();
                return ExitCodes.OK;
            }
            if (plan.refusal() != null) {
                throw new RefusedException("not revoked: " + plan.refusal());
            }
            preview(out, plan, revocation.target());
            if (!yes && !confirmed(out, plan)) {
                out.println("Not revoked: not confirmed.");
                out.flush();
                // declining the follow-up for sessions that appeared later does not undo the revoke that was confirmed
                return revokedBefore ? ExitCodes.OK : ExitCodes.REFUSED;
            }
            RevocationService.Outcome outcome = revocation.revoke(plan.criteria(), plan.sessions(), reason, "cli");
            out.println(outcome.describe());
            out.flush();
            if (outcome.auditError() != null) {
                spec.commandLine().getErr().println("ERROR: " + outcome.auditError());
                spec.commandLine().getErr().flush();
                return ExitCodes.AUDIT;
            }
            if (outcome.note() != null && !outcome.result().stillActive().isEmpty()) {
                return ExitCodes.FAILED; // a commit in doubt that turned out not to have revoked everything
            }
            if (!outcome.result().complete()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + outcome.result().leftActive().size() + " of the sessions you confirmed were NOT revoked and "
                        + "are still active: " + outcome.result().leftActive());
                err.flush();
                return ExitCodes.NOT_REVOKED;
            }
            revokedBefore = true;
            if (outcome.result().appearedAfter().isEmpty()) {
                return ExitCodes.OK;
            }
            if (yes) {
                out.println("They were not confirmed, so they were not revoked; run the command again to review and revoke them.");
                out.flush();
                return ExitCodes.OK;
            }
            out.println();
            out.println("A new revoke of the sessions that appeared, with its own confirmation:");
            plan = planner.followUp(outcome);
        }
    }

    private static void preview(PrintWriter out, RevokePlan plan, String target) {
        out.println("About to revoke " + plan.count() + " active session(s) in " + target + ": "
                + VisibleText.of(plan.criteria().describe()));
        plan.sample().forEach(s -> out.println("  " + s.id() + "  user " + s.userId() + "  device "
                + VisibleText.quoted(s.deviceId()) + "  ip " + IpAddresses.shownSpelling(s.ipAddress())));
        if (plan.count() > plan.sample().size()) {
            out.println("  … and " + (plan.count() - plan.sample().size()) + " more");
        }
    }

    private boolean confirmed(PrintWriter out, RevokePlan plan) throws Exception {
        String expected = plan.confirmationWord();
        out.print(plan.requiresTypedCount() ? "Type the number of sessions (" + expected + ") to confirm: " : "Type 'yes' to confirm: ");
        out.flush();
        String answer;
        try {
            answer = readLine.call();
        } catch (IOException e) {
            return false;
        }
        return answer != null && answer.strip().equals(expected);
    }
}
