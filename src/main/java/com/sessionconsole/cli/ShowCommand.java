package com.sessionconsole.cli;

import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.audit.AuditedSession;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.UserIds;
import com.sessionconsole.domain.VisibleText;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Command(name = "show", footer = {"Examples:",
        "  session-console show 0b8a4c1e-5d2f-4e8a-9c3b-7a6d5e4f3a2b",
        "  session-console findings --rule active_but_expired --format ndjson | jq -r '.session_ids[]' | xargs session-console show",
        "  session-console show ID1 ID2 --format json", ""},
        description = {"Print sessions by id, whole, whether they are active or not, with the findings that cite them and the"
                + " revokes of the local audit log that name them on this server and database. Exit 1 when an id names no session (the others are printed)."})
final class ShowCommand extends WorkspaceCommand {
    static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(ExportColumns.SESSIONS);
        h.addAll(List.of("active_now", "why_not_active", "findings", "audit"));
        HEADER = List.copyOf(h);
    }

    @Parameters(paramLabel = "ID", arity = "1..*", description = "session ids (UUIDs)")
    List<String> ids;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (one field a line), csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private Set<UUID> wanted;

    ShowCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        wanted = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                wanted.add(UserIds.parse(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + VisibleText.of(id.length() > 40 ? id.substring(0, 40) + "…" : id)
                        + "' is not a session id: session ids are UUIDs such as 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f", e);
            }
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws IOException {
        Map<UUID, Session> found = ws.dao().sessionsOnPrimary(wanted).stream().collect(Collectors.toMap(Session::id, s -> s, (a, b) -> a));
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC()).compute(active, FindingSettings.DEFAULTS, now, true);
        // the local log holds the revokes of every server this analyst used: only this database's name these sessions
        List<AuditRecord> records = ws.audit().records();
        List<AuditRecord> audit = records.stream().filter(r -> r.recordedOn(ws.label())).toList();
        long elsewhere = records.stream().filter(r -> !r.recordedOn(ws.label()) && wanted.stream().anyMatch(id -> names(r, id))).count();
        if (elsewhere > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: " + elsewhere + " revoke(s) in the local audit log name these ids on another server/database and are"
                    + " left out: 'session-console audit' lists them");
            err.flush();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (UUID id : wanted) {
            Session s = found.get(id);
            if (s == null) {
                continue;
            }
            List<Object> row = new ArrayList<>(ExportColumns.sessionValues(s));
            row.add(s.isActiveAt(now));
            row.add(s.whyNotActive(now));
            row.add(findings.stream().filter(f -> f.evidence().stream().anyMatch(e -> e.id().equals(id))).map(ShowCommand::finding).toList());
            row.add(audit.stream().filter(r -> names(r, id)).sorted(Comparator.comparing(AuditRecord::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(r -> auditEntry(r, id)).toList());
            rows.add(row);
        }
        if (format == OutputFormat.table) {
            record(out, rows);
        } else {
            RowPrinter.print(out, format, HEADER, rows);
        }
        List<UUID> missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            missing.forEach(id -> err.println("error: no session has id " + id + " (in any state) in " + ws.label()));
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static boolean names(AuditRecord r, UUID id) {
        String text = id.toString();
        return r.confirmed().stream().map(AuditedSession::id).anyMatch(text::equals)
                || r.revokedSessions().stream().map(AuditedSession::id).anyMatch(text::equals);
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule().cliName());
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("subject_kind", f.subjectKind() == null ? "table" : f.subjectKind().name().toLowerCase(Locale.ROOT));
        m.put("subject", f.subject());
        m.put("detail", f.detail());
        return m;
    }

    private static Map<String, Object> auditEntry(AuditRecord r, UUID id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revoke_id", r.revokeId());
        m.put("time", r.time());
        m.put("db_user", r.dbUser());
        m.put("server", r.server());
        m.put("source", r.source());
        m.put("criteria", r.criteria());
        m.put("reason", r.reason());
        m.put("status", r.status());
        m.put("revoked_this_session", r.revokedSessions().stream().map(AuditedSession::id).anyMatch(id.toString()::equals));
        return m;
    }

    /** A session as a record, one field a line, as psql's \x shows a row; findings and audit entries one a line below. */
    private static void record(PrintWriter out, List<List<Object>> rows) {
        int width = HEADER.stream().mapToInt(String::length).max().orElse(0);
        boolean first = true;
        for (List<Object> row : rows) {
            if (!first) {
                out.println();
            }
            first = false;
            for (int i = 0; i < HEADER.size(); i++) {
                String name = HEADER.get(i);
                Object v = row.get(i);
                if (v instanceof List<?> items) {
                    out.println(name + " ".repeat(width - name.length()) + "  " + items.size());
                    for (Object item : items) {
                        out.println("  - " + ((Map<?, ?>) item).entrySet().stream()
                                .map(e -> e.getKey() + "=" + VisibleText.quoted(e.getValue() == null ? null : String.valueOf(e.getValue())))
                                .collect(Collectors.joining(" ")));
                    }
                } else {
                    out.println(name + " ".repeat(width - name.length()) + "  " + RowPrinter.tableCell(com.sessionconsole.files.SpreadsheetCells.text(v)));
                }
            }
        }
        out.println("(" + rows.size() + " session" + (rows.size() == 1 ? "" : "s") + ")");
        out.flush();
    }
}
