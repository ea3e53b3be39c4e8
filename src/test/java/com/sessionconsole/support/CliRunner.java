package com.sessionconsole.support;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.cli.GuiLauncher;
import com.sessionconsole.cli.RootCommand;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.audit.AuditLog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the real command line, as Main wires it, with its files under {@code home}. Commands without a
 * connection flag use the test database; with one (--url, -h, --demo, --config), the real resolution runs.
 */
public final class CliRunner {
    public record Run(int code, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Path home;
    private final Map<String, String> env;
    private final Function<String, Optional<String>> prompt;
    private volatile com.sessionconsole.domain.Narrowing launchedWith;

    public CliRunner(Path home) {
        this(home, Map.of(), x -> Optional.empty());
    }

    public CliRunner(Path home, Map<String, String> env, Function<String, Optional<String>> prompt) {
        this.home = home;
        this.env = env;
        this.prompt = prompt;
    }

    public AppDirs dirs() {
        return new AppDirs(home, home);
    }

    /** A request that names no server goes to the test database; everything else resolves as in production. */
    private static ConnectionRequest onTestDatabase(ConnectionRequest r) {
        if (r.url() != null || r.hasHostPortOrDb() || r.configFile() != null || r.demo()) {
            return r;
        }
        TestDatabase db = TestDatabase.get();
        return new ConnectionRequest(db.url(), r.user() != null ? r.user() : db.settings().user(), null, null, null, r.readUrl(),
                r.readOnly(), false, null);
    }

    /** What the last command that opens the window asked it to load (the window itself is not opened here). */
    public com.sessionconsole.domain.Narrowing launchedWith() {
        return launchedWith;
    }

    public Run run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    public Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        Run r = run(stdin, out, args);
        return new Run(r.code(), out.toString(), r.err());
    }

    /** The command with its standard output going to {@code sink} (a full disk, a closed pipe); {@link Run#out} is empty. */
    public Run run(InputStream stdin, java.io.Writer sink, String... args) {
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        WorkspaceFactory factory = new WorkspaceFactory(dirs(), env, prompt, Clock.systemUTC(), w -> errWriter.println("warning: " + w));
        var cl = RootCommand.create(request -> factory.openForCommand(onTestDatabase(request)),
                (request, narrowing, smoke) -> {
                    launchedWith = narrowing;
                    return new GuiLauncher.Result(99, -1, -1, null);
                }, new AuditLog(dirs().auditLog()), stdin);
        cl.setOut(new PrintWriter(sink));
        cl.setErr(errWriter);
        int code = cl.execute(args);
        return new Run(code, "", err.toString());
    }
}
