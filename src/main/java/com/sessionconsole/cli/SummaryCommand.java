package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.SummaryKey;
import com.sessionconsole.live.SummaryTable;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Command(name = "summary", footer = {"Examples:",
        "  session-console summary --by ip --limit 10",
        "  session-console summary --by subnet --prefix 16 --format csv",
        "  session-console summary --by user --sort distinct_countries,desc --limit 5", ""},
        description = {"Active sessions grouped by user, device, IP, location, country, user agent or subnet, most sessions first.",
                "Columns: key, active_sessions, distinct_users, distinct_ips, distinct_devices, first_created_at, last_created_at,"
                        + " lowest_trust, distinct_locations, distinct_countries. The country is what follows the last comma of the"
                        + " location ('Berlin, DE' is DE); a subnet is the address's /24 (IPv4) or /64 (IPv6) network."})
final class SummaryCommand extends WorkspaceCommand {
    @Option(names = "--by", required = true, paramLabel = "KEY", converter = SummaryKeyConverter.class,
            description = "what to group by: user, device, ip, location, country, agent or subnet")
    SummaryKey by;

    @Option(names = "--prefix", paramLabel = "V4[,V6]", description = "with --by subnet: the network prefix lengths (default: 24,64); '16' sets the IPv4 one only")
    String prefix;

    @Mixin
    FilterOptions filters;

    @Mixin
    RowOptions rowOptions;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private FilterOptions.SessionMatch match;
    private RowOptions.Shape shape;
    private SummaryKey.Prefixes prefixes;

    SummaryCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        match = filters.toMatch(spec.commandLine().getErr());
        shape = rowOptions.shape(SummaryTable.HEADER);
        prefixes = prefixes();
        return super.call();
    }

    private SummaryKey.Prefixes prefixes() {
        if (prefix == null) {
            return SummaryKey.Prefixes.DEFAULT;
        }
        if (by != SummaryKey.SUBNET) {
            throw new IllegalArgumentException("--prefix applies to --by subnet only");
        }
        String[] parts = prefix.split(",", -1);
        if (parts.length > 2 || !prefix.matches("\\d{1,3}(,\\d{1,3})?")) {
            throw new IllegalArgumentException("--prefix '" + prefix + "': write V4 or V4,V6, e.g. 16 or 16,48");
        }
        return new SummaryKey.Prefixes(Integer.parseInt(parts[0]), parts.length == 2 ? Integer.parseInt(parts[1]) : 64);
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        List<Session> active = new ArrayList<>();
        Instant now = ws.dao().forEachActive(active::add);
        active.removeIf(s -> !match.matches(s, now));
        List<List<Object>> rows = new ArrayList<>();
        SummaryTable.of(by, prefixes, active).forEach(r -> rows.add(r.values()));
        RowPrinter.print(out, spec.commandLine().getErr(), format, shape, rows);
        return ExitCodes.OK;
    }
}
