package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Command(name = "sessions", footer = {"Examples:",
        "  session-console sessions --ip 5.188.62.0/24 --format ndjson",
        "  session-console sessions --user 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f --columns id,ip_address,location",
        "  session-console sessions --trust-max 20 --created-within 2h --sort created_at,desc --limit 20", ""},
        description = "List active sessions, newest first. Tokens are shown masked.")
final class SessionsCommand extends WorkspaceCommand {
    @Mixin
    FilterOptions filters;

    @Mixin
    RowOptions rowOptions;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private FilterOptions.SessionMatch match;
    private RowOptions.Shape shape;

    SessionsCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        match = filters.toMatch(spec.commandLine().getErr()); // flags are checked before connecting
        shape = rowOptions.shape(ExportColumns.SESSIONS);
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        List<List<Object>> rows = new ArrayList<>();
        active.stream().filter(s -> match.matches(s, now)).sorted(Session.NEWEST_FIRST)
                .forEach(s -> rows.add(ExportColumns.sessionValues(s)));
        RowPrinter.print(out, spec.commandLine().getErr(), format, shape, rows);
        return ExitCodes.OK;
    }
}
