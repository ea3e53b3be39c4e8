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

@Command(name = "find-token", footer = {"Examples:",
        "  session-console find-token < token.txt",
        "  session-console find-token --batch --format ndjson < leaked-tokens.txt",
        "  pbpaste | session-console find-token --format json", ""},
        description = {"Find the session of a token read from standard input (never from the command line, so that it stays out"
                + " of shell history). Only the token's fingerprint is printed, never the token.",
                "With --batch every line of standard input is a token (at most " + FindTokenCommand.MAX_BATCH_LINES + " lines of at"
                        + " most 1,024 characters each), and each line gets one result row, in order: its line number, the token's"
                        + " fingerprint, whether a session has it, and that session (empty when none)."})
final class FindTokenCommand extends WorkspaceCommand {
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, csv, json or ndjson (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--batch", description = "one token per line of standard input, one result row per line")
    boolean batch;

    static final int MAX_BATCH_LINES = 10_000;
    static final List<String> BATCH_HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("line", "token_fingerprint", "found"));
        h.addAll(ExportColumns.SESSIONS);
        BATCH_HEADER = List.copyOf(h);
    }

    // A token typed on the command line lands in shell history and the process list: refused, and never echoed.
    @Parameters(hidden = true, arity = "0..*")
    List<String> onCommandLine;

    /** Far more than a token (the column is varchar(255)) with its line break and stray blanks; nothing past it is read. */
    static final int MAX_INPUT_CHARS = 1024;

    private final Reader stdin;
    private String token;
    private List<String> tokens;

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
        if (batch) {
            tokens = new ArrayList<>();
            for (String line = nextLine(); line != null; line = nextLine()) {
                if (tokens.size() == MAX_BATCH_LINES) {
                    throw new IllegalArgumentException("standard input holds more than " + MAX_BATCH_LINES + " lines: split it (nothing was looked up)");
                }
                if (line.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("line " + (tokens.size() + 1) + " of standard input contains a NUL byte, which no"
                            + " session token has: check what was piped in (nothing was looked up)");
                }
                tokens.add(line);
            }
            return super.call();
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
        String line = nextLine();
        return line == null ? "" : line;
    }

    /** The next line of standard input, or null at its end; never more than {@link #MAX_INPUT_CHARS} characters of it are held. */
    private String nextLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = stdin.read();
        if (c == -1) {
            return null;
        }
        for (; c != -1 && c != '\n'; c = stdin.read()) {
            if (line.length() == MAX_INPUT_CHARS) {
                throw new IllegalArgumentException("standard input holds more than " + MAX_INPUT_CHARS + " characters before a"
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
        if (batch) {
            return runBatch(ws, out);
        }
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

    /** One row a line, in input order; a blank or over-long line is a row that says so, never the token itself. */
    private int runBatch(Workspace ws, PrintWriter out) {
        TokenLookup lookup = new TokenLookup(ws.dao());
        RowPrinter.print(out, format, BATCH_HEADER, sink -> {
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i).strip();
                List<Object> row = new ArrayList<>(BATCH_HEADER.size());
                row.add(i + 1);
                List<Session> found = List.of();
                if (t.isEmpty() || t.length() > 255) {
                    row.add(null);
                } else {
                    TokenLookup.Result r = lookup.find(t);
                    row.add(r.fingerprint());
                    found = r.sessions();
                }
                row.add(!found.isEmpty());
                row.addAll(found.isEmpty() ? java.util.Collections.nCopies(ExportColumns.SESSIONS.size(), null)
                        : ExportColumns.sessionValues(found.get(0)));
                sink.accept(row);
            }
        });
        return ExitCodes.OK;
    }
}
