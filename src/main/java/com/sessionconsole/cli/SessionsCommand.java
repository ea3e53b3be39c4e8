package com.sessionconsole.cli;

import com.sessionconsole.domain.Cidr;
import com.sessionconsole.domain.Session;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

@Command(name = "sessions", description = "List active sessions, newest first. Tokens are shown masked.")
final class SessionsCommand extends WorkspaceCommand {
    @Option(names = "--user", description = "only this user id (a UUID)")
    String user;

    @Option(names = "--device", description = "only this device id")
    String device;

    @Option(names = "--ip", paramLabel = "ADDRESS|CIDR", description = {"only this address, in any spelling (::ffff:10.0.0.1 is",
            "10.0.0.1), or this network (10.0.0.0/8, 2001:db8::/32); other text matches exactly"})
    String ip;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    SessionsCommand(WorkspaceOpener opener) {
        super(opener);
    }

    @Override
    public Integer call() throws Exception {
        filter(); // validate flags before connecting
        if (ip != null) {
            IpOption.check(ip, spec.commandLine().getErr());
        }
        return super.call();
    }

    private Predicate<Session> filter() {
        Predicate<Session> p = s -> true;
        if (user != null) {
            UUID id = UserFilter.parse(user);
            p = p.and(s -> s.userId().equals(id));
        }
        if (device != null) {
            p = p.and(s -> Objects.equals(s.deviceId(), device));
        }
        if (ip != null) {
            Cidr.Result r = Cidr.parse(ip);
            // the same rule as history --ip and revoke --ip: an address or network by address, other text exactly
            p = p.and(r.ok() ? s -> r.cidr().contains(s.ipAddress()) : s -> ip.equals(s.ipAddress()));
        }
        return p;
    }

    @Override
    int run(Workspace ws, PrintWriter out) {
        Predicate<Session> p = filter();
        List<Session> matched = new ArrayList<>();
        ws.dao().forEachActive(s -> {
            if (p.test(s)) {
                matched.add(s);
            }
        });
        matched.sort(Session.NEWEST_FIRST);
        List<List<Object>> rows = new ArrayList<>(matched.size());
        matched.forEach(s -> rows.add(SessionColumns.row(s)));
        RowPrinter.print(out, format, SessionColumns.HEADER, rows);
        return ExitCodes.OK;
    }
}
