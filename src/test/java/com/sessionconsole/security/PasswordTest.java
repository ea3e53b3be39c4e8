package com.sessionconsole.security;

import com.sessionconsole.app.AppDirs;
import com.sessionconsole.app.WorkspaceFactory;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.ConnectionRequest;
import com.sessionconsole.service.Workspace;
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
        Path home = Files.createTempDirectory("auth-home");
        return new WorkspaceFactory(new AppDirs(home, home), env, x -> Optional.empty(), Clock.systemUTC())
                .open(new ConnectionRequest(server.jdbcUrl(), "analyst", null, null, null, null, false, false, null), null);
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
