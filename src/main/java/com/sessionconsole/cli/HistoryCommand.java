package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;

@Command(name = "history", footer = {"Examples:",
        "  session-console history --user 3f2c9a1e-0b7d-4c55-9e0a-1d2b3c4d5e6f --since 7d",
        "  session-console history --ip 5.188.62.0/24 --format ndjson",
        "  session-console history --device dev-42 --columns id,created_at,deleted_at,is_active", ""},
        description = {"Every session of one user, device or IP (or network), ended ones included, newest first.",
                "Give at least one of --user, --device and --ip: the first of them in that order is read on the server, the other"
                        + " filters narrow what it returns."})
final class HistoryCommand extends WorkspaceCommand {
    @Mixin
    FilterOptions filters;

    @Mixin
    RowOptions rowOptions;

    @Option(names = "--since", paramLabel = "DURATION|INSTANT", description = "only sessions created since then: 2h, 7d, or 2026-12-01T08:00:00Z")
    String since;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private FilterOptions.SessionMatch match;
    private RowOptions.Shape shape;
    private SinceOption from;

    HistoryCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        match = filters.toMatch(spec.commandLine().getErr());
        if (filters.firstKeyName() == null) {
            throw new IllegalArgumentException("history needs --user, --device or --ip (an address or network): whose history?");
        }
        shape = rowOptions.shape(ExportColumns.SESSIONS);
        from = SinceOption.parse(since);
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        GroupBy by = filters.user != null ? GroupBy.USER : filters.device != null ? GroupBy.DEVICE : GroupBy.IP;
        String key = filters.user != null ? UserFilter.parse(filters.user).toString() : filters.device != null ? filters.device : filters.ip;
        Instant now = ws.dao().serverTime();
        Instant after = from == null ? null : from.from(now);
        // streamed from a database cursor to the output: a user with a million sessions never sits in memory
        RowPrinter.print(out, spec.commandLine().getErr(), format, shape, sink -> ws.dao().forEachInHistory(by, key, s -> {
            if (match.matches(s, now) && (after == null || s.createdAt() != null && !s.createdAt().isBefore(after))) {
                sink.accept(ExportColumns.sessionValues(s));
            }
        }));
        return ExitCodes.OK;
    }
}
