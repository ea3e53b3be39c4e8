package com.sessionconsole.cli;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@Command(name = "findings", description = "What looks wrong right now, most severe first.")
final class FindingsCommand extends WorkspaceCommand {
    /**
     * New columns go last: scripts that read the older ones by position keep working. {@code sessions} is the
     * full count; {@code session_ids} lists {@code sessions_shown} of them, all unless {@code sample} is true.
     */
    static final List<String> HEADER = List.of("rule", "severity", "subject_kind", "subject", "sessions", "detail", "session_ids",
            "measured", "threshold", "sample", "sessions_shown");

    @Option(names = "--rule", paramLabel = "RULE", description = "only this rule: ${COMPLETION-CANDIDATES}", completionCandidates = RuleNames.class)
    String rule;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--user", description = "only findings whose evidence includes a session of this user id")
    String user;

    FindingsCommand(WorkspaceOpener opener) {
        super(opener);
    }

    static final class RuleNames extends ArrayList<String> {
        RuleNames() {
            super(Arrays.stream(FindingRule.values()).map(FindingRule::cliName).toList());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (rule != null) {
            FindingRule.parse(rule);
        }
        if (user != null) {
            UserFilter.parse(user);
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        FindingSettings settings = rule == null ? FindingSettings.DEFAULTS : FindingSettings.DEFAULTS.only(FindingRule.parse(rule));
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        UUID only = user == null ? null : UserFilter.parse(user);
        // the database rules filter by user on the server, before they sample
        List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC(), only, com.sessionconsole.findings.NetworkLists.NONE).compute(active, settings, now, true);
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            if (only != null && f.evidence().stream().noneMatch(s -> only.equals(s.userId()))) {
                continue;
            }
            rows.add(Arrays.asList(f.rule().cliName(), f.severity().name().toLowerCase(),
                    f.subjectKind() == null ? "table" : f.subjectKind().name().toLowerCase(), f.subject(), f.sessionCount(), f.detail(),
                    f.evidence().stream().map(s -> s.id().toString()).sorted().collect(Collectors.joining(" ")),
                    f.measure().value(), f.measure().threshold(), f.sampled(), f.evidence().size()));
        }
        RowPrinter.print(out, format, HEADER, rows);
        return ExitCodes.OK;
    }
}
