package com.sessionconsole.cli;

import com.sessionconsole.domain.Session;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

@Command(name = "find-token", description = {"Find the session of a token read from standard input (never from the command line,",
        "so it stays out of shell history). Only the token's fingerprint is printed."})
final class FindTokenCommand extends WorkspaceCommand {
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    // A token typed on the command line lands in shell history and the process list: refused, and never echoed.
    @Parameters(hidden = true, arity = "0..*")
    List<String> onCommandLine;

    /** Far more than a token (the column is varchar(255)) with its line break and stray blanks; nothing past it is read. */
    static final int MAX_INPUT_CHARS = 1024;

    private final Reader stdin;
    private String token;

    FindTokenCommand(WorkspaceOpener opener, Reader stdin) {
        super(opener);
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        if (onCommandLine != null && !onCommandLine.isEmpty()) {
            throw new IllegalArgumentException("find-token takes the token on standard input only; " + onCommandLine.size()
                    + " argument(s) on the command line were refused and are not shown, in case one is a token."
                    + " If it was one, remove it from your shell history, then run: find-token < token.txt");
        }
        token = firstLine();
        if (token.isBlank()) {
            throw new IllegalArgumentException("no token on standard input: pipe it in, e.g. find-token < token.txt");
        }
        if (token.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the token on standard input contains a NUL byte, which no session token has:"
                    + " check what was piped in (a binary file?)");
        }
        return super.call();
    }

    /** The first line of standard input, read one character at a time and never past {@link #MAX_INPUT_CHARS}. */
    private String firstLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = stdin.read(); c != -1 && c != '\n'; c = stdin.read()) {
            if (line.length() == MAX_INPUT_CHARS) {
                throw new IllegalArgumentException("standard input holds more than " + MAX_INPUT_CHARS + " characters before its first"
                        + " line break, and a session token has at most 255: check what was piped in (nothing more was read)");
            }
            line.append((char) c);
        }
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }

    @Override
    int run(Workspace ws, PrintWriter out) throws Exception {
        TokenLookup.Result result = new TokenLookup(ws.dao()).find(token);
        spec.commandLine().getErr().println(result.describe());
        spec.commandLine().getErr().flush();
        List<List<Object>> rows = new ArrayList<>();
        for (Session s : result.sessions()) {
            rows.add(ExportColumns.sessionValues(s));
        }
        RowPrinter.print(out, format, ExportColumns.SESSIONS, rows);
        return result.sessions().isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
