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

@Command(name = "findings", footer = {"Examples:",
        "  session-console findings --format ndjson",
        "  session-console findings --rule user_many_countries --columns subject,measured,session_ids",
        "  session-console findings --ip 5.188.62.0/24", ""},
        description = {"What looks wrong right now, most severe first.",
                "The filters keep the findings whose evidence holds at least one session that matches them."})
final class FindingsCommand extends WorkspaceCommand {
    /**
     * New columns go last: scripts that read the older ones by position keep working. {@code sessions} is the
     * full count; {@code session_ids} lists {@code sessions_shown} of them, all unless {@code sample} is true.
     */
    static final List<String> HEADER = List.of("rule", "severity", "subject_kind", "subject", "sessions", "detail", "session_ids",
            "measured", "threshold", "sample", "sessions_shown");

    @Option(names = "--rule", paramLabel = "RULE", description = "only this rule: ${COMPLETION-CANDIDATES}", completionCandidates = RuleNames.class)
    String rule;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @picocli.CommandLine.Mixin
    FilterOptions filters;

    @picocli.CommandLine.Mixin
    RowOptions rowOptions;

    private FilterOptions.SessionMatch match;
    private RowOptions.Shape shape;

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
        match = filters.toMatch(spec.commandLine().getErr());
        shape = rowOptions.shape(HEADER);
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        FindingSettings settings = rule == null ? FindingSettings.DEFAULTS : FindingSettings.DEFAULTS.only(FindingRule.parse(rule));
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        UUID only = filters.user == null ? null : UserFilter.parse(filters.user);
        // the database rules filter by user on the server, before they sample
        List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC(), only).compute(active, settings, now, true);
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            if (!match.isEmpty() && f.evidence().stream().noneMatch(s -> match.matches(s, now))) {
                continue;
            }
            rows.add(Arrays.asList(f.rule().cliName(), f.severity().name().toLowerCase(),
                    f.subjectKind() == null ? "table" : f.subjectKind().name().toLowerCase(), f.subject(), f.sessionCount(), f.detail(),
                    f.evidence().stream().map(s -> s.id().toString()).sorted().toList(),
                    f.measure().value(), f.measure().threshold(), f.sampled(), f.evidence().size()));
        }
        warnOfHiddenSamples(rows);
        RowPrinter.print(out, spec.commandLine().getErr(), format, shape, rows);
        return ExitCodes.OK;
    }

    /** Printed id lists that are samples, with the columns that say so left out by --columns: say it on standard error. */
    private void warnOfHiddenSamples(List<List<Object>> rows) {
        List<String> printed = shape.printedHeader();
        if (!printed.contains("session_ids") || printed.contains("sample") && printed.contains("sessions_shown")) {
            return;
        }
        int sample = HEADER.indexOf("sample");
        long sampled = rows.stream().filter(r -> Boolean.TRUE.equals(r.get(sample))).count();
        if (sampled > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: the session_ids of " + sampled + " finding(s) are a sample, not every session they count"
                    + " (--columns leaves out sample and sessions_shown, which say so; sessions is the full count)");
            err.flush();
        }
    }
}
