package com.sessionconsole.cli;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sessionconsole.audit.AuditLog;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every connection, config and safety option means the same before and after the command's name, on every
 * command; or it is refused. Each case names what the option must do, so a dropped option fails the case.
 */
class OptionPositionTest {
    static final UUID SESSION = UUID.fromString("7a000000-0000-4000-8000-000000000001");
    static final String TOKEN = "tok-option-position-0123456789";
    static final UUID USER = UUID.fromString("7b000000-0000-4000-8000-000000000001");

    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    /** A command with the arguments it needs to run against the table; {@code stdin} for find-token. */
    record Command(String name, String stdin, List<String> args) {
        static Command of(String name, String... args) {
            return new Command(name, "", List.of(args));
        }
    }

    /** An option, and what the command's connection request must say when it is given. */
    record Case(List<String> option, Predicate<ConnectionRequest> applied) {
        String label() {
            return String.join(" ", option);
        }
    }

    @BeforeEach
    void oneActiveSessionOfOneUser() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(RawRow.active("infinity").with("id", SESSION).with("user_id", USER)
                .with("session_token", TOKEN)));
    }

    private List<Command> commands() {
        return List.of(
                Command.of("summary", "--by", "ip"),
                Command.of("sessions"),
                Command.of("history", "--user", USER.toString()),
                Command.of("revoke", "--ids", SESSION.toString(), "--reason", "option position", "--yes"),
                Command.of("findings"),
                Command.of("export", "--view", "sessions", "--out", home.resolve("out.csv").toString()),
                Command.of("watch", "--interval", "1", "--ticks", "1"),
                new Command("find-token", TOKEN + "\n", List.of()));
    }

    private static final String DEAD = "jdbc:postgresql://127.0.0.1:1/x";

    private List<Case> cases() {
        Path config = home.resolve("any.properties");
        return List.of(
                new Case(List.of("--url", DEAD), r -> DEAD.equals(r.url())),
                new Case(List.of("-h", "db.example"), r -> "db.example".equals(r.host())),
                new Case(List.of("--host", "db.example"), r -> "db.example".equals(r.host())),
                new Case(List.of("-p", "6543"), r -> Integer.valueOf(6543).equals(r.port())),
                new Case(List.of("-d", "sessions_b"), r -> "sessions_b".equals(r.dbname())),
                new Case(List.of("-U", "analyst"), r -> "analyst".equals(r.user())),
                new Case(List.of("--read-url", DEAD), r -> DEAD.equals(r.readUrl())),
                new Case(List.of("--read-only"), ConnectionRequest::readOnly),
                new Case(List.of("--demo"), ConnectionRequest::demo),
                new Case(List.of("--config", config.toString()), r -> config.equals(r.configFile())));
    }

    /** The connection request a command line would open, without connecting. */
    private ConnectionRequest requestOf(Command command, List<String> args) {
        AtomicReference<ConnectionRequest> seen = new AtomicReference<>();
        var cl = RootCommand.create(request -> {
            seen.set(request);
            throw new IllegalStateException("not connecting in this test");
        }, (request, narrowing, smoke) -> new GuiLauncher.Result(99, -1, -1, null), new AuditLog(home.resolve("audit.jsonl")),
                new ByteArrayInputStream(command.stdin().getBytes(StandardCharsets.UTF_8)));
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        cl.execute(args.toArray(String[]::new));
        assertThat(seen.get()).as("%s: %s", args, err).isNotNull();
        return seen.get();
    }

    @Test
    void everyConnectionOptionMeansTheSameBeforeAndAfterEveryCommand() {
        List<String> failures = new ArrayList<>();
        for (Command command : commands()) {
            for (Case c : cases()) {
                List<String> before = new ArrayList<>(c.option());
                before.add(command.name());
                before.addAll(command.args());
                List<String> after = new ArrayList<>();
                after.add(command.name());
                after.addAll(command.args());
                after.addAll(c.option());
                ConnectionRequest b = requestOf(command, before);
                ConnectionRequest a = requestOf(command, after);
                if (!c.applied().test(b) || !c.applied().test(a) || !a.equals(b)) {
                    failures.add(command.name() + " with " + c.label() + ": before " + b + ", after " + a);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The cases the issue found, end to end on the real database: the option changes what the command does. */
    @Test
    void safetyOptionsBeforeRevokeRefuseItAndChangeNothing() throws Exception {
        Path readOnly = home.resolve("read-only.properties");
        Files.writeString(readOnly, "url=" + db.url() + "\nuser=" + db.settings().user() + "\nread-only=true\n");
        Path protecting = home.resolve("protecting.properties");
        Files.writeString(protecting, "url=" + db.url() + "\nuser=" + db.settings().user() + "\nprotected-users=" + USER + "\n");
        List<String> revoke = List.of("revoke", "--ids", SESSION.toString(), "--reason", "option position", "--yes");
        for (List<String> option : List.of(List.of("--read-only"), List.of("--config", readOnly.toString()),
                List.of("--config", protecting.toString()))) {
            List<String> args = new ArrayList<>(option);
            args.addAll(revoke);
            CliRunner.Run r = new CliRunner(home).run("", args.toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", option, r.all()).isEqualTo(ExitCodes.REFUSED);
            assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE is_active = true")).as("%s", option).isEqualTo(1);
        }
        CliRunner.Run missing = new CliRunner(home).run("", "--config", home.resolve("missing.properties").toString(), "sessions");
        assertThat(missing.code()).as(missing.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("missing.properties");
        CliRunner.Run elsewhere = new CliRunner(home).run("", "--url", DEAD, "summary", "--by", "user");
        assertThat(elsewhere.code()).as(elsewhere.all()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(elsewhere.err()).contains("127.0.0.1:1");
        assertThat(elsewhere.out()).isEmpty();
    }

    @Test
    void optionsOfTheWindowBeforeACommandAreRefused() {
        for (List<String> option : List.of(List.of("--where-ip", "10.0.0.0/8"), List.of("--smoke-test"))) {
            CliRunner.Run r = new CliRunner(home).run("", Stream.concat(option.stream(), Stream.of("sessions")).toArray(String[]::new));
            assertThat(r.code()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains(option.get(0)).contains("window");
        }
    }

    @Test
    void connectionOptionsBeforeACommandThatDoesNotConnectAreRefused() {
        CliRunner.Run r = new CliRunner(home).run("", "--read-only", "audit");
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--read-only").contains("does not connect");
    }

    @Test
    void anOptionGivenTwiceWithDifferentValuesIsRefused() {
        CliRunner.Run r = new CliRunner(home).run("", "--url", db.url(), "sessions", "--url", "jdbc:postgresql://127.0.0.1:1/x");
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--url is given twice");
        CliRunner.Run same = new CliRunner(home).run("", "--url", db.url(), "-U", db.settings().user(), "sessions", "--url", db.url());
        assertThat(same.code()).as(same.all()).isZero();
    }

    @Test
    void aCommandWithNoDatabaseNamedIsRefusedInsteadOfOpeningTheDemo() {
        WorkspaceFactory factory = new WorkspaceFactory(new AppDirs(home, home), Map.of(), prompt -> Optional.empty(), Clock.systemUTC());
        assertThatThrownBy(() -> factory.openForCommand(ConnectionRequest.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--demo").hasMessageContaining("--url");
    }

    @Test
    void theDemoDatabaseIsAnnouncedOnStderrInEitherPosition() {
        for (String[] args : List.of(new String[]{"--demo", "summary", "--by", "ip"}, new String[]{"summary", "--by", "ip", "--demo"})) {
            CliRunner.Run r = new CliRunner(home).run("", args);
            assertThat(r.code()).as(r.all()).isZero();
            assertThat(r.err()).contains("DEMO database");
            assertThat(r.out()).doesNotContain("DEMO");
        }
    }
}
