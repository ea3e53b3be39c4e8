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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "revoke", footer = {"Examples:",
        "  session-console revoke --ip 5.188.62.0/24 --reason 'credential stuffing' --dry-run",
        "  session-console revoke --user 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f --reason 'account takeover, ticket 4711'",
        "  session-console revoke --ids ID1,ID2 --reason 'token replay' --yes --format json", ""},
        description = {"Set sessions inactive (nothing is deleted) and append the revoke to the audit log.",
                "Asks for confirmation unless --yes is given. The preview, the question and notes go to standard error; the outcome"
                        + " goes to standard output (a line, or with --format json one object of id lists: revoked, already_inactive,"
                        + " not_found, left_active, not_changed_by_server, appeared_after, not_active; also when the revoke is"
                        + " refused or not confirmed). --dry-run is allowed on a read-only connection."})
final class RevokeCommand extends WorkspaceCommand {
    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--ids", split = ",", paramLabel = "ID", required = true, description = "session ids, comma-separated")
        List<String> ids;
        @Option(names = "--user", required = true, description = "every active session of this user id")
        String user;
        @Option(names = "--device", required = true, paramLabel = "DEVICE_ID", description = "every active session of this device id")
        String device;
        @Option(names = "--ip", required = true, paramLabel = "ADDRESS|CIDR", description = "every active session from this address,"
                + " in any spelling (::ffff:10.0.0.1 is 10.0.0.1), or this network (10.0.0.0/24); other text matches exactly")
        String ip;
    }

    @Option(names = "--reason", required = true, description = "why; recorded in the audit log")
    String reason;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--dry-run", description = "print what would be revoked, then stop: nothing is changed and nothing is audited")
    boolean dryRun;

    /** text: the outcome in words; json: one object of id lists. */
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "the outcome as text or json (default: ${DEFAULT-VALUE})")
    Format format;

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
        GivenValue.requireNotBlank("--user", target.user);
        GivenValue.requireNotBlank("--device", target.device);
        GivenValue.requireNotBlank("--ip", target.ip);
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
        PrintWriter err = spec.commandLine().getErr();
        RevocationService revocation = ws.revocation();
        RevokePlanner planner = revocation.planner();
        boolean json = format == Format.json;
        Map<UUID, String> notActive = new TreeMap<>();
        RevokePlan plan;
        if (target.ids != null) {
            Set<UUID> given = target.ids.stream().map(id -> UUID.fromString(id.strip())).collect(Collectors.toCollection(LinkedHashSet::new));
            Instant now = ws.dao().serverTime();
            List<Session> known = ws.dao().sessionsOnPrimary(given);
            try {
                plan = planner.byIds(given);
            } catch (IllegalArgumentException unknownIds) {
                if (json) {
                    Set<UUID> found = known.stream().map(Session::id).collect(Collectors.toSet());
                    known.stream().filter(s -> !s.isActiveAt(now)).forEach(s -> notActive.put(s.id(), s.whyNotActive(now)));
                    RevokeOutcomeJson.refused(out, unknownIds.getMessage(), known.stream().map(Session::id).filter(id -> !notActive.containsKey(id)).toList(),
                            notActive, given.stream().filter(id -> !found.contains(id)).toList());
                }
                throw unknownIds;
            }
            Set<UUID> planned = plan.sessions().stream().map(Session::id).collect(Collectors.toSet());
            known.stream().filter(s -> !planned.contains(s.id()))
                    .forEach(s -> notActive.put(s.id(), Objects.requireNonNullElse(s.whyNotActive(now), "ended while the revoke was planned")));
            if (!notActive.isEmpty()) {
                err.println(notActive.size() + " of the " + given.size() + " given session(s) are not active, so revoke leaves them as they are"
                        + " (a row still flagged is_active is a finding, not an active session):");
                notActive.forEach((id, why) -> err.println("  " + id + "  " + why));
            }
        } else {
            GroupBy by = target.user != null ? GroupBy.USER : target.device != null ? GroupBy.DEVICE : GroupBy.IP;
            String key = target.user != null ? target.user.strip() : target.device != null ? target.device : target.ip;
            plan = planner.byKey(by, key);
        }
        if (!revocation.allowed() && !dryRun) {
            refuse(out, "not revoked: " + revocation.disabledReason(), plan, notActive);
        }
        boolean revokedBefore = false;
        while (true) {
            if (plan.count() == 0) {
                RevokeCriteria c = plan.criteria();
                err.println("Nothing to revoke: " + (c == null || c.byIds() ? "none of the given session(s) is active."
                        : c.groupBy().label() + " " + (c.key() == null ? "(empty)" : VisibleText.of(c.key())) + " has no active session."));
                err.flush();
                if (json && !revokedBefore) {
                    RevokeOutcomeJson.nothing(out, dryRun, notActive);
                }
                return ExitCodes.OK;
            }
            if (plan.refusal() != null && !dryRun) {
                refuse(out, "not revoked: " + plan.refusal(), plan, notActive);
            }
            preview(err, plan, revocation.target());
            if (dryRun) {
                err.println("Dry run: nothing was revoked.");
                if (plan.refusal() != null) {
                    err.println("A real revoke would be refused: " + plan.refusal());
                }
                err.flush();
                if (json) {
                    RevokeOutcomeJson.dryRun(out, plan, notActive, plan.refusal());
                } else {
                    plan.sessions().forEach(s -> out.println(s.id()));
                    out.flush();
                }
                return ExitCodes.OK;
            }
            if (!yes && !confirmed(err, plan)) {
                err.println("Not revoked: not confirmed.");
                err.flush();
                if (json) {
                    RevokeOutcomeJson.unconfirmed(out, plan, notActive);
                }
                // declining the follow-up for sessions that appeared later does not undo the revoke that was confirmed
                return revokedBefore ? ExitCodes.OK : ExitCodes.REFUSED;
            }
            RevocationService.Outcome outcome = revocation.revoke(plan.criteria(), plan.sessions(), reason, "cli");
            if (json) {
                RevokeOutcomeJson.outcome(out, outcome, notActive);
            } else {
                out.println(outcome.describe());
                out.flush();
            }
            if (outcome.auditError() != null) {
                err.println("ERROR: " + outcome.auditError());
                err.flush();
                return ExitCodes.AUDIT;
            }
            if (outcome.note() != null && !outcome.result().stillActive().isEmpty()) {
                return ExitCodes.FAILED; // a commit in doubt that turned out not to have revoked everything
            }
            if (!outcome.result().complete()) {
                err.println("error: " + outcome.result().leftActive().size() + " of the sessions you confirmed were NOT revoked and "
                        + "are still active: " + outcome.result().leftActive());
                err.flush();
                return ExitCodes.NOT_REVOKED;
            }
            revokedBefore = true;
            notActive.clear(); // a follow-up is by key: the given ids were reported with the first outcome
            if (outcome.result().appearedAfter().isEmpty()) {
                return ExitCodes.OK;
            }
            if (yes) {
                err.println("They were not confirmed, so they were not revoked; run the command again to review and revoke them.");
                err.flush();
                return ExitCodes.OK;
            }
            err.println();
            err.println("A new revoke of the sessions that appeared, with its own confirmation:");
            plan = planner.followUp(outcome);
        }
    }

    /** Refused before anything changed (exit 5); with --format json the refusal is still one object on standard output. */
    private void refuse(PrintWriter out, String reason, RevokePlan plan, Map<UUID, String> notActive) {
        if (format == Format.json) {
            RevokeOutcomeJson.refused(out, reason, plan.sessions().stream().map(Session::id).toList(), notActive, List.of());
        }
        throw new RefusedException(reason);
    }

    /** Where, how many, what selected them, how many distinct users, devices and IPs, and a sample with place and agent. */
    private static void preview(PrintWriter out, RevokePlan plan, String target) {
        out.println("About to revoke " + plan.count() + " active session(s) in " + target + ": "
                + VisibleText.of(plan.criteria().describe()));
        out.println("  " + distinct(plan, Session::userId) + " distinct user(s), " + distinct(plan, Session::deviceId) + " device(s), "
                + distinct(plan, s -> IpAddresses.address(s.ipAddress()).map(IpAddresses::text).orElse(s.ipAddress())) + " IP(s)");
        plan.sample().forEach(s -> out.println("  " + s.id() + "  user " + s.userId() + "  device "
                + VisibleText.quoted(s.deviceId()) + "  ip " + IpAddresses.shownSpelling(s.ipAddress()) + "  location "
                + VisibleText.quoted(s.location()) + "  agent " + VisibleText.quoted(agent(s.userAgent()))));
        if (plan.count() > plan.sample().size()) {
            out.println("  … and " + (plan.count() - plan.sample().size()) + " more");
        }
    }

    private static long distinct(RevokePlan plan, java.util.function.Function<Session, Object> key) {
        return plan.sessions().stream().map(key).distinct().count();
    }

    /** An agent is up to 500 characters: the preview shows its start, marked as cut. */
    private static String agent(String agent) {
        return agent == null || agent.length() <= 60 ? agent : agent.substring(0, 59) + "…";
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
