package com.sessionconsole.cli;

import com.sessionconsole.domain.Contribution;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.IntelFiles;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.Triage;
import com.sessionconsole.findings.FindingLedger;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.findings.NetworkLists;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Command(name = "findings", footer = {"Examples:",
        "  session-console findings --format ndjson",
        "  session-console findings --state new --since 2h",
        "  session-console findings --ip 5.188.62.0/24", ""},
        description = {"Who and what to look at first: users, IPs and devices by total risk, with the rules behind it.",
                "The filters keep the findings whose evidence holds at least one session that matches them."})
final class FindingsCommand extends WorkspaceCommand {
    /**
     * New columns go last: scripts that read the older ones by position keep working. {@code sessions} is the
     * full count; {@code session_ids} lists {@code sessions_shown} of them, all unless {@code sample} is true.
     * {@code rule} is the rule that added the most risk; {@code rules} all of them with their points.
     */
    static final List<String> HEADER = List.of("rule", "severity", "subject_kind", "subject", "sessions", "detail", "session_ids",
            "measured", "threshold", "sample", "sessions_shown", "risk", "rules", "next_step", "state", "first_seen", "last_seen");

    @Option(names = "--rule", paramLabel = "RULE", description = "only findings this rule contributed to: ${COMPLETION-CANDIDATES}",
            completionCandidates = RuleNames.class)
    String rule;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @picocli.CommandLine.Mixin
    FilterOptions filters;

    @picocli.CommandLine.Mixin
    RowOptions rowOptions;

    private FilterOptions.SessionMatch match;
    private RowOptions.Shape shape;

    @Option(names = "--state", split = ",", paramLabel = "STATE", description = "only findings in these states: new, acknowledged, muted, resolved")
    List<String> states;

    @Option(names = "--since", paramLabel = "DURATION|INSTANT", description = "only findings first seen (or resolved) since then: 2h, 1d, "
            + "or an ISO instant such as 2026-12-01T08:00:00Z")
    String since;

    @Option(names = "--known-networks", paramLabel = "FILE", description = "CIDR and label per line; lowers the risk of those networks "
            + "(adds to the config file's known-networks)")
    List<Path> knownNetworks = new ArrayList<>();

    @Option(names = "--threat-intel", paramLabel = "FILE", description = "an IP or CIDR per line (e.g. a Tor exit list); raises the risk "
            + "of those addresses (adds to the config file's threat-intel)")
    List<Path> threatIntel = new ArrayList<>();

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
        wantedStates();
        sinceInstant(Instant.now());
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        Workspace.FindingFiles files = ws.findingFiles();
        IntelFiles intel = (files == null ? IntelFiles.NONE : files.intel()).plus(new IntelFiles(knownNetworks, threatIntel));
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        UUID only = filters.user == null ? null : UserFilter.parse(filters.user);
        // the database rules filter by user on the server, before they sample
        List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC(), only, NetworkLists.load(intel))
                .compute(active, FindingSettings.DEFAULTS, now, true);
        List<FindingLedger.Entry> entries = files == null ? findings.stream().map(f -> new FindingLedger.Entry(f, null)).toList()
                : new FindingLedger(files.triage()).update(findings, now);
        FindingRule only1 = rule == null ? null : FindingRule.parse(rule);
        Set<FindingState> wanted = wantedStates();
        Instant from = sinceInstant(now);
        List<List<Object>> rows = new ArrayList<>();
        for (FindingLedger.Entry e : entries) {
            Finding f = e.finding();
            Triage t = e.triage();
            boolean filtered = f == null
                    ? only1 != null && !only1.cliName().equals(t.rule()) || !match.isEmpty() && (only == null || !only.toString().equals(t.subject()))
                    : only1 != null && !f.has(only1) || !match.isEmpty() && f.evidence().stream().noneMatch(x -> match.matches(x, now));
            if (filtered) {
                continue;
            }
            FindingState state = t == null ? FindingState.NEW : t.state();
            if (!wanted.contains(state) || from != null && t != null && t.firstSeen().isBefore(from)
                    && !(state == FindingState.RESOLVED && !t.lastSeen().isBefore(from))) {
                continue;
            }
            rows.add(f == null ? resolvedRow(t) : row(f, t));
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

    private List<Object> row(Finding f, Triage t) {
        List<String> ids = f.evidence().stream().map(s -> s.id().toString()).sorted().toList();
        Object rules = structured() ? f.contributions().stream().map(FindingsCommand::contribution).toList()
                : f.contributions().stream().map(c -> c.rule().cliName() + (c.points() < 0 ? "" : "+") + c.points()).collect(Collectors.joining(" "));
        return Arrays.asList(f.rule().cliName(), f.severity().name().toLowerCase(),
                f.subjectKind() == null ? "table" : f.subjectKind().name().toLowerCase(), f.subject(), f.sessionCount(), f.detail(),
                ids, f.measure().value(), f.measure().threshold(), f.sampled(),
                f.evidence().size(), f.risk(), rules, f.nextStep(), t == null ? "new" : t.state().cliName(), t == null ? null : t.firstSeen(),
                t == null ? null : t.lastSeen());
    }

    /** A finding no longer present: what it was when last seen, with no sessions. */
    private List<Object> resolvedRow(Triage t) {
        return Arrays.asList(t.rule(), t.severity(), t.subjectKind(), t.subject(), 0, t.detail(), List.of(),
                null, null, false, 0, t.risk(), structured() ? List.of() : "", "Nothing to do unless it comes back: its sessions ended",
                t.state().cliName(), t.firstSeen(), t.lastSeen());
    }

    /** JSON and NDJSON keep a finding's rules as objects; a table or CSV cell writes them as "rule+points". */
    private boolean structured() {
        return format == OutputFormat.json || format == OutputFormat.ndjson;
    }

    private static Map<String, Object> contribution(Contribution c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", c.rule().cliName());
        m.put("points", c.points());
        m.put("detail", c.detail());
        return m;
    }

    private Set<FindingState> wantedStates() {
        if (states == null || states.isEmpty()) {
            return EnumSet.allOf(FindingState.class);
        }
        Set<FindingState> out = EnumSet.noneOf(FindingState.class);
        states.forEach(s -> out.add(FindingState.parse(s)));
        return out;
    }

    private Instant sinceInstant(Instant now) {
        SinceOption parsed = SinceOption.parse(since);
        return parsed == null ? null : parsed.from(now);
    }
}
