package com.sessionconsole.cli;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "history", description = "Every session of one user, device or IP, ended ones included, newest first.")
final class HistoryCommand extends WorkspaceCommand {
    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--user", required = true, description = "every session of this user id") String user;
        @Option(names = "--device", required = true) String device;
        @Option(names = "--ip", required = true, paramLabel = "ADDRESS|CIDR", description = {"every session from this address, in any",
                "spelling (::ffff:10.0.0.1 is 10.0.0.1), or this network; other text matches exactly"}) String ip;
    }

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    HistoryCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        if (target.user != null) {
            UserFilter.parse(target.user);
        }
        if (target.ip != null) {
            IpOption.check(target.ip, spec.commandLine().getErr());
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        GroupBy by = target.user != null ? GroupBy.USER : target.device != null ? GroupBy.DEVICE : GroupBy.IP;
        String key = target.user != null ? target.user.strip() : target.device != null ? target.device : target.ip;
        // streamed from a database cursor to the output: a user with a million sessions never sits in memory
        RowPrinter.print(out, format, SessionColumns.HEADER, sink -> ws.dao().forEachInHistory(by, key, s -> sink.accept(SessionColumns.row(s))));
        return ExitCodes.OK;
    }
}
