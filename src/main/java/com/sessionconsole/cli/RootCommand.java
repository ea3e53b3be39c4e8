package com.sessionconsole.cli;

import com.sessionconsole.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code session-console [options]} opens the window; {@code session-console COMMAND} runs headless. */
@Command(name = "session-console", versionProvider = RootCommand.Version.class,
        footer = {"Examples:",
                "  session-console --profile prod                        (the window, on the config file's profile 'prod')",
                "  session-console summary --by subnet --created-within 15m --limit 5 --url service=prod",
                "  session-console sessions --ip 5.188.62.0/24 --format ndjson -h db1 -d app -U analyst", ""},
        description = {"Who is logged in right now, from which devices and IPs; what looks wrong; and safe revokes.",
                "With no command it opens the window (on the demo database unless a connection is configured)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failed: a database or I/O error while it ran, find-token found no session, show found no session of an id, a commit in doubt that did not revoke, or output that could not be written in full", "2:bad flag, value, input or config file", "3:cannot connect (host, login or database)",
                "4:the table does not match the expected schema", "5:refused (read-only, protected user, not confirmed)", "6:the database refused: a missing privilege",
                "7:the audit log cannot be written", "8:the demo database could not start", "9:audit verify found a broken or missing link, or could not verify the log (none, a link, not a regular file, a line over 1 MiB)",
                "10:--smoke-test timed out", "11:a revoke left confirmed sessions active (the server did not change them)",
                "12:the window cannot open: a native library is missing (the message names the package) or no display"})
public final class RootCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Mixin
    NarrowingOptions narrowing;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = "--smoke-test", description = "open the window, wait for the first completed load (at most 60 s), print its"
            + " active count and exit 0; exit non-zero when it fails or times out")
    boolean smokeTest;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final GuiLauncher gui;

    private RootCommand(GuiLauncher gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        GuiLauncher.Result result = gui.launch(connection.toRequest(), narrowing.toNarrowing(spec.commandLine()), smokeTest);
        if (smokeTest) {
            spec.commandLine().getOut().println(result.exitCode() == ExitCodes.OK
                    ? "smoke test passed: window shown " + result.windowShownMillis() + " ms after JVM start, first load done: "
                    + result.firstLoadActive() + " active sessions"
                    : "smoke test FAILED (exit code " + result.exitCode() + "): " + result.failure());
            spec.commandLine().getOut().flush();
        }
        return result.exitCode();
    }

    /** Builds the command line with every subcommand and the error handling the README documents. */
    public static CommandLine create(WorkspaceOpener opener, GuiLauncher gui, AuditLog audit, InputStream stdin) {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        PrintWriter[] given = new PrintWriter[1];
        CommandLine cl = new CommandLine(new RootCommand(gui)) {
            // whatever writer a caller sets, what the commands print passes the terminal sanitizer
            @Override
            public CommandLine setOut(PrintWriter out) {
                given[0] = out;
                return super.setOut(TerminalWriter.wrap(out));
            }

            @Override
            public CommandLine setErr(PrintWriter err) {
                return super.setErr(TerminalWriter.wrap(err));
            }
        }
                .addSubcommand(new SummaryCommand(opener))
                .addSubcommand(new SessionsCommand(opener))
                .addSubcommand(new HistoryCommand(opener))
                .addSubcommand(new ShowCommand(opener))
                .addSubcommand(new RevokeCommand(opener, in::readLine))
                .addSubcommand(new FindingsCommand(opener))
                .addSubcommand(new ExportCommand(opener, () -> given[0]))
                .addSubcommand(new WatchCommand(opener))
                .addSubcommand(new FindTokenCommand(opener, in))
                .addSubcommand(new AuditCommand(audit))
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new picocli.AutoComplete.GenerateCompletion());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpSections.install(cl);
        // @file expansion would let a file named in a value (--device @f) inject flags such as --yes
        cl.setExpandAtFiles(false);
        // find-token refuses anything on its command line without echoing it; unknown "options" are caught there too
        cl.getSubcommands().get("find-token").setUnmatchedOptionsArePositionalParams(true);
        // straight to file descriptor 1, not through System.out, which swallows write errors without a trace
        cl.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
        cl.setExecutionStrategy(parseResult -> {
            refuseRootOptionsThatDoNotApply(parseResult);
            try {
                int code = new CommandLine.RunLast().execute(parseResult);
                // a PrintWriter keeps a write error to itself: output cut short by a full disk or a closed pipe is a failure
                if (parseResult.commandSpec().commandLine().getOut().checkError() || given[0].checkError()) {
                    PrintWriter err = parseResult.commandSpec().commandLine().getErr();
                    err.println("error: the command's output could not be written in full (standard output is closed, or its disk is "
                            + "full): what was written is incomplete");
                    err.flush();
                    return code == ExitCodes.OK ? ExitCodes.FAILED : code;
                }
                return code;
            } catch (Error e) { // picocli lets an Error out of a command's call(): it goes to the handler below too
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), e.toString(), e);
            }
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() instanceof Error error ? error : e;
            FailureLine.log(failure);
            PrintWriter err = commandLine.getErr();
            err.println("error: " + FailureLine.of(failure));
            int code = ExitCodes.of(failure);
            if (code == ExitCodes.USAGE) {
                err.println(hint(commandLine));
            }
            err.flush();
            return code;
        });
        // a small mistake is one line and a hint, not the whole usage
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println(hint(e.getCommandLine()));
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static String hint(CommandLine where) {
        return "hint: '" + where.getCommandSpec().qualifiedName() + " --help' shows its options and examples";
    }

    /**
     * An option written before a command either means what it means after it (the connection options of a
     * command that connects) or is refused: a dropped --read-only or --config would silently change what a revoke does.
     */
    private static void refuseRootOptionsThatDoNotApply(CommandLine.ParseResult root) {
        if (!root.hasSubcommand()) {
            return;
        }
        CommandLine.Model.CommandSpec sub = root.subcommand().commandSpec();
        boolean connects = sub.userObject() instanceof WorkspaceCommand;
        List<CommandLine.Model.OptionSpec> connection = root.commandSpec().mixins().get("connection").options();
        for (CommandLine.Model.OptionSpec o : root.matchedOptions()) {
            if (o.usageHelp() || o.versionHelp() || (connects && connection.contains(o))) {
                continue;
            }
            throw new CommandLine.ParameterException(root.commandSpec().commandLine(), o.longestName() + " is written before '"
                    + sub.name() + "', where it does not apply: " + (connection.contains(o)
                    ? "'" + sub.name() + "' does not connect to a database"
                    : o.longestName() + " is an option of the window (session-console with no command)") + "; remove it");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[]{"session-console " + p.getProperty("version", "unknown")};
        }
    }
}
