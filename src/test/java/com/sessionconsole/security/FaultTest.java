package com.sessionconsole.security;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.ConfigFile;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.DatabaseException;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.MemoryBudget;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.live.PollEvent;
import com.sessionconsole.revoke.RevocationService;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.live.SessionPoller;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.ManualScheduler;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults against the real PostgreSQL: killed connections, locks, a server that is gone, a failing audit log, bad config. */
class FaultTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    List<NewSession> rows = new ArrayList<>();

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        new SessionGenerator(17, 1200, 900, java.time.Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
    }

    private Set<UUID> freshActiveIds(Workspace ws) {
        List<Session> fresh = new ArrayList<>();
        ws.dao().forEachActive(fresh::add);
        return fresh.stream().map(Session::id).collect(Collectors.toSet());
    }

    @Test
    void terminatedBackendsAreReplacedAndTheNextTickRecovers() {
        try (Workspace ws = TestWorkspace.open(home)) {
            List<PollEvent> events = new ArrayList<>();
            DirectTaskRunner runner = new DirectTaskRunner();
            SessionPoller poller = new SessionPoller(new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm()), runner.lane(), runner.scheduler(), events::add, Clock.systemUTC());
            poller.tick();
            db.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'session-console'");
            db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", rows.get(0).id());
            for (int i = 0; i < 3 && !(events.get(events.size() - 1) instanceof PollEvent.Updated u && u.at() != null && events.size() > 1); i++) {
                poller.tick();
            }
            PollEvent last = events.get(events.size() - 1);
            assertThat(last).isInstanceOf(PollEvent.Updated.class);
            Set<UUID> shown = ((PollEvent.Updated) last).snapshot().sessions().stream().map(Session::id).collect(Collectors.toSet());
            assertThat(shown).isEqualTo(freshActiveIds(ws)).doesNotContain(rows.get(0).id());
        }
    }

    @Test
    void aQueryBlockedByALockEndsAtStatementTimeoutWithAClearMessage() throws Exception {
        ConnectionSettings settings = db.settings().withStatementTimeout(Duration.ofSeconds(1));
        try (Workspace ws = TestWorkspace.open(home, settings, Set.of()); Connection locker = db.admin().getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE public.user_sessions IN ACCESS EXCLUSIVE MODE");
            List<PollEvent> events = new ArrayList<>();
            SessionPoller poller = new SessionPoller(new WatermarkPollStrategy(ws.dao(), MemoryBudget.ofThisJvm()), Runnable::run, new ManualScheduler(), events::add, Clock.systemUTC());
            long t0 = System.nanoTime();
            poller.tick();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
            assertThat(events).singleElement().isInstanceOfSatisfying(PollEvent.Failed.class, f -> {
                assertThat(f.message()).contains("statement_timeout");
                assertThat(f.connectionLost()).isFalse();
            });
            locker.rollback();
            poller.tick();
            assertThat(events.get(1)).isInstanceOf(PollEvent.Updated.class);
        }
    }

    @Test
    void aRevokeWhileTheServerIsDownFailsCleanlyAndTheAuditSaysNothingWasRevoked() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedDatabase server = EmbeddedDatabase.startPersistent(Files.createTempDirectory("pg-down"), port);
        new SessionWriter(server.adminDataSource()).createTable();
        ConnectionSettings settings = new ConnectionSettings(server.jdbcUrl(), EmbeddedDatabase.USER, null, null, false,
                Duration.ofSeconds(2), null, false);
        try (Workspace ws = TestWorkspace.open(home, settings, Set.of())) {
            server.close();
            RevocationService revocation = ws.revocation();
            assertThatThrownBy(() -> revocation.revoke(RevokeCriteria.ids(Set.of(UUID.randomUUID())), List.of(), "test", "test"))
                    .isInstanceOf(DatabaseException.class)
                    .satisfies(e -> assertThat(((DatabaseException) e).isConnectionLost()).as(e.getMessage() + " " + e.getCause()).isTrue());
            List<String> audit = ws.audit().lines();
            assertThat(audit).hasSize(2);
            assertThat(audit.get(0)).contains("\"record\":\"intent\"");
            assertThat(audit.get(1)).contains("\"record\":\"outcome\"").contains("failed, nothing revoked");
        }
    }

    @Test
    void anAuditLogThatCannotBeWrittenRefusesTheRevokeBeforeTheUpdate() throws Exception {
        Files.writeString(home.resolve("data"), "not a folder");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data").resolve("sub"));
        try (Workspace ws = new WorkspaceFactory(dirs, Map.of(), x -> Optional.empty(), Clock.systemUTC())
                .openServer(db.settings(), Set.of())) {
            NewSession target = rows.get(1);
            assertThatThrownBy(() -> ws.revocation().revoke(RevokeCriteria.ids(Set.of(target.id())), List.of(), "test", "test"))
                    .isInstanceOf(com.sessionconsole.audit.AuditLog.AuditLogException.class)
                    .hasMessageContaining(dirs.auditLog().toString()).hasMessageContaining("Not a directory");
            assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active = true", target.id())).isEqualTo(1);
        }
    }

    @Test
    void readOnlyModeRefusesRevokesAndItsConnectionsCannotWrite() {
        ConnectionSettings readOnly = new ConnectionSettings(db.url(), db.settings().user(), db.settings().password(), null, true,
                null, null, false);
        try (Workspace ws = TestWorkspace.open(home, readOnly, Set.of())) {
            assertThat(ws.revocation().allowed()).isFalse();
            assertThat(ws.revocation().disabledReason()).contains("read-only");
            assertThatThrownBy(() -> ws.dao().revoke(RevokeCriteria.ids(Set.of(rows.get(0).id())), Set.of()))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void aRoleWithoutUpdateMayLookButNotRevoke() {
        db.exec("DROP ROLE IF EXISTS viewer");
        db.exec("CREATE ROLE viewer LOGIN");
        db.exec("GRANT SELECT ON public.user_sessions TO viewer");
        ConnectionSettings viewer = new ConnectionSettings(db.url(), "viewer", null, null, false, null, null, false);
        try (Workspace ws = TestWorkspace.open(home, viewer, Set.of())) {
            List<com.sessionconsole.domain.Session> active = new java.util.ArrayList<>();
            ws.dao().forEachActive(active::add);
            assertThat(active).isNotEmpty();
            assertThat(ws.revocation().disabledReason()).contains("'viewer' may not UPDATE is_active and updated_at");
        } finally {
            db.exec("DROP OWNED BY viewer");
            db.exec("DROP ROLE viewer");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamed() {
        ConnectionSettings missing = new ConnectionSettings(db.url().replaceAll("/[^/?]*$", "/no_such_db"), db.settings().user(),
                null, null, false, null, null, false);
        assertThatThrownBy(() -> TestWorkspace.open(home, missing, Set.of()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("no_such_db does not exist");
    }

    @Test
    void badConfigFilesAreExplained() throws Exception {
        Path withPassword = home.resolve("pw.properties");
        Files.writeString(withPassword, "url=jdbc:postgresql://h/db\npassword=hunter2\n");
        ConfigFile c = ConfigFile.load(withPassword);
        assertThat(c.warnings()).singleElement().asString().contains("'password'").contains("ignored").doesNotContain("hunter2");
        Path badIds = home.resolve("ids.properties");
        Files.writeString(badIds, "protected-users=not-a-uuid\n");
        assertThatThrownBy(() -> ConfigFile.load(badIds)).hasMessageContaining("protected-users").hasMessageContaining("is not a user id");
        Path folder = Files.createDirectory(home.resolve("folder.properties"));
        assertThatThrownBy(() -> ConfigFile.load(folder)).hasMessageContaining("is not a regular file").hasMessageContaining(folder.toString());
        Path badTimeout = home.resolve("t.properties");
        Files.writeString(badTimeout, "statement-timeout-seconds=soon\n");
        assertThatThrownBy(() -> ConfigFile.load(badTimeout)).hasMessageContaining("must be a whole number of seconds");
    }
}
