package com.sessionconsole.security;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that asks the role 'analyst' for a SCRAM password (pg_hba rewritten after initdb): a wrong
 * password, no password, PGPASSWORD and a PGPASSFILE each get the answer an analyst needs.
 */
class PasswordTest {
    static Path dataDir;
    static int port;
    static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("pg-auth");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedDatabase first = EmbeddedDatabase.startPersistent(dataDir, port);
        SessionWriter admin = new SessionWriter(first.adminDataSource());
        admin.createTable();
        admin.execute("CREATE ROLE analyst LOGIN PASSWORD 'right-pass'");
        admin.execute("GRANT SELECT ON public.user_sessions TO analyst");
        first.close();
        Path hba = dataDir.resolve("pg_hba.conf");
        List<String> lines = new ArrayList<>(List.of("host all analyst 127.0.0.1/32 scram-sha-256", "host all analyst ::1/128 scram-sha-256"));
        lines.addAll(Files.readAllLines(hba));
        Files.write(hba, lines);
        server = EmbeddedDatabase.startPersistent(dataDir, port);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Workspace open(Map<String, String> env) throws Exception {
        return open(env, x -> Optional.empty());
    }

    private Workspace open(Map<String, String> env, java.util.function.Function<String, Optional<String>> prompt) throws Exception {
        Path home = Files.createTempDirectory("auth-home");
        return new WorkspaceFactory(new AppDirs(home, home), env, prompt, Clock.systemUTC())
                .open(new ConnectionRequest(server.jdbcUrl(), "analyst", null, null, null, null, false, false, null), null, null);
    }

    /** Answers the prompts in order and remembers what it was asked. */
    static final class Prompts implements java.util.function.Function<String, Optional<String>> {
        final List<String> asked = new ArrayList<>();
        final java.util.Iterator<String> answers;

        Prompts(String... answers) {
            this.answers = List.of(answers).iterator();
        }

        @Override
        public Optional<String> apply(String text) {
            asked.add(text);
            return answers.hasNext() ? Optional.of(answers.next()) : Optional.empty();
        }
    }

    @Test
    void aServerThatWantsAPasswordIsAskedForItExactlyOnce() throws Exception {
        Prompts prompts = new Prompts("right-pass");
        try (Workspace ws = open(Map.of("PGPASSFILE", "/nonexistent/pgpass"), prompts)) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
        assertThat(prompts.asked).containsExactly("Password for user 'analyst' at localhost:" + port + "/postgres");
    }

    @Test
    void aWrongTypedPasswordIsAskedAgainNamingTheUserAndHost() throws Exception {
        Prompts prompts = new Prompts("typo", "right-pass");
        try (Workspace ws = open(Map.of("PGPASSFILE", "/nonexistent/pgpass"), prompts)) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
        assertThat(prompts.asked).hasSize(2);
        assertThat(prompts.asked.get(1)).isEqualTo("Wrong password for user 'analyst' at localhost:" + port + "/postgres (try 2 of 3)");
    }

    @Test
    void threeWrongPasswordsEndWithAuthenticationFailed() {
        Prompts prompts = new Prompts("a", "b", "c", "right-pass");
        assertThatThrownBy(() -> open(Map.of("PGPASSFILE", "/nonexistent/pgpass"), prompts))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("authentication failed for user 'analyst'");
        assertThat(prompts.asked).hasSize(3);
    }

    @Test
    void aPgpassThatOthersCanReadIsNotUsedNotEvenByTheDriver() throws Exception {
        // in the home folder, where pgjdbc's own lookup would find it too
        Path home = Files.createTempDirectory("shared-home");
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:analyst:right-pass\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThatThrownBy(() -> open(Map.of()))
                    .isInstanceOf(DatabaseException.class)
                    .satisfies(e -> assertThat(((DatabaseException) e).kind()).isEqualTo(DatabaseException.Kind.PASSWORD_NEEDED));
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void aPasswordFromTheEnvironmentIsNeverFollowedByAPrompt() {
        Prompts prompts = new Prompts("right-pass");
        assertThatThrownBy(() -> open(Map.of("PGPASSWORD", "wrong-pass"), prompts)).isInstanceOf(DatabaseException.class);
        assertThat(prompts.asked).isEmpty();
    }

    @Test
    void withoutATerminalTheCliSaysHowToGiveAPasswordAndExits3() throws Exception {
        Path home = Files.createTempDirectory("auth-cli");
        com.sessionconsole.support.CliRunner.Run r = new com.sessionconsole.support.CliRunner(home,
                Map.of("PGPASSFILE", "/nonexistent/pgpass"), x -> Optional.empty())
                .run("", "summary", "--by", "ip", "-h", "localhost", "-p", Integer.toString(port), "-d", "postgres", "-U", "analyst");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("wants a password for user 'analyst'").contains("PGPASSWORD").contains("~/.pgpass");
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedForTheUser() {
        assertThatThrownBy(() -> open(Map.of("PGPASSWORD", "wrong-pass")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("authentication failed for user 'analyst'")
                .satisfies(e -> assertThat(((DatabaseException) e).kind()).isEqualTo(DatabaseException.Kind.AUTHENTICATION));
    }

    @Test
    void noPasswordAnywhereSaysWhereToPutIt() {
        assertThatThrownBy(() -> open(Map.of("PGPASSFILE", "/nonexistent/pgpass")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("wants a password for user 'analyst'")
                .hasMessageContaining("PGPASSWORD");
    }

    @Test
    void theRightPasswordFromPgpasswordOrAPgpassFileConnects() throws Exception {
        try (Workspace ws = open(Map.of("PGPASSWORD", "right-pass"))) {
            assertThat(ws.dao().serverTime()).isNotNull();
            assertThat(ws.revocation().disabledReason()).contains("may not UPDATE");
        }
        Path pgpass = Files.createTempFile("pgpass", "");
        Files.writeString(pgpass, "# comment\nlocalhost:" + port + ":postgres:someone:nope\n*:" + port + ":*:analyst:right-pass\n");
        try (Workspace ws = open(Map.of("PGPASSFILE", pgpass.toString()))) {
            assertThat(ws.dao().serverTime()).isNotNull();
        }
    }
}
