package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.history.TokenLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "find-token", description = {"Find the session of a token read from standard input (never from the command line,",
        "so it stays out of shell history). Only the token's fingerprint is printed."})
final class FindTokenCommand extends WorkspaceCommand {
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    // A token typed on the command line lands in shell history and the process list: refused, and never echoed.
    @Parameters(hidden = true, arity = "0..*")
    List<String> onCommandLine;

    private final Callable<String> readLine;

    FindTokenCommand(WorkspaceOpener opener, Callable<String> readLine) {
        super(opener);
        this.readLine = readLine;
    }

    @Override
    public Integer call() throws Exception {
        if (onCommandLine != null && !onCommandLine.isEmpty()) {
            throw new IllegalArgumentException("find-token takes the token on standard input only; " + onCommandLine.size()
                    + " argument(s) on the command line were refused and are not shown, in case one is a token."
                    + " If it was one, remove it from your shell history, then run: find-token < token.txt");
        }
        return super.call();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        String token = readLine.call();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token on standard input: pipe it in, e.g. find-token < token.txt");
        }
        if (token.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the token on standard input contains a NUL byte, which no session token has:"
                    + " check what was piped in (a binary file?)");
        }
        TokenLookup.Result result = new TokenLookup(ws.dao()).find(token);
        spec.commandLine().getErr().println(result.describe());
        spec.commandLine().getErr().flush();
        List<List<Object>> rows = new ArrayList<>();
        for (Session s : result.sessions()) {
            rows.add(SessionColumns.row(s));
        }
        RowPrinter.print(out, format, SessionColumns.HEADER, rows);
        return result.sessions().isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
