package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.GroupIndex;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Command(name = "summary", description = "Active sessions grouped by user, device or IP, most sessions first.")
final class SummaryCommand extends WorkspaceCommand {
    static final List<String> HEADER = List.of("key", "active_sessions", "distinct_users", "distinct_ips", "distinct_devices",
            "first_created_at", "last_created_at", "lowest_trust");

    @Option(names = "--by", required = true, paramLabel = "user|device|ip", converter = GroupByConverter.class,
            description = "what to group by")
    GroupBy by;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    SummaryCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        List<List<Object>> rows = new ArrayList<>();
        // grouped by the same code as the window and export, so that the numbers cannot differ
        List<Session> active = new ArrayList<>();
        ws.dao().forEachActive(active::add);
        for (GroupSummary g : GroupIndex.of(by, active).summaries()) {
            rows.add(Arrays.asList(g.key(), g.activeSessions(), g.distinctUsers(), g.distinctIps(), g.distinctDevices(),
                    g.firstCreated(), g.lastCreated(), g.lowestTrust()));
        }
        RowPrinter.print(out, format, HEADER, rows);
        return ExitCodes.OK;
    }
}
