package com.sessionconsole.live;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.ReplicaLag;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.ReplicatedPair;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
import com.sessionconsole.revoke.RevokePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 on real streaming replication: polling and reads use the standby, revokes the primary; the
 * lag is shown; a revoked session never reappears while the standby lags; history agrees.
 */
class ReadReplicaTest {
    static ReplicatedPair pair;
    @TempDir
    Path home;
    List<NewSession> rows = new ArrayList<>();

    @BeforeAll
    static void startPair() {
        pair = ReplicatedPair.start();
        new SessionWriter(pair.primary().adminDataSource()).createTable();
    }

    @AfterAll
    static void stopPair() {
        pair.close();
    }

    @BeforeEach
    void fill() {
        SessionWriter primary = new SessionWriter(pair.primary().adminDataSource());
        primary.execute("TRUNCATE public.user_sessions");
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            rows.add(Rows.active(UUID.randomUUID(), now).ip("192.0.2." + (i % 4)).build());
        }
        primary.insert(rows);
        pair.resumeReplay();
        pair.awaitCaughtUp(Duration.ofSeconds(20));
    }

    private ConnectionSettings withReplica() {
        return new ConnectionSettings(pair.primary().jdbcUrl(), EmbeddedDatabase.USER, null, pair.standby().jdbcUrl(), false, null, null, false);
    }

    private static long activeOn(EmbeddedDatabase db) throws Exception {
        try (Connection c = db.adminDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HeadlessConsole console(Workspace ws) throws java.io.IOException {
        return new HeadlessConsole(ws, Files.createTempDirectory("watch").resolve("w.txt"), Clock.systemUTC()).start();
    }

    /** The fixture itself: a row written on the primary is read on the standby, which is in recovery. */
    @Test
    void aRowWrittenOnThePrimaryIsReadOnTheStandby() throws Exception {
        try (Connection c = pair.primary().adminDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE replication_check (x int)");
            st.execute("INSERT INTO replication_check VALUES (42)");
        }
        pair.awaitCaughtUp(Duration.ofSeconds(10));
        try (Connection c = pair.standby().adminDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT x, pg_is_in_recovery() FROM replication_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void pollingReadsTheStandbyAndRevokeWritesThePrimary() throws Exception {
        try (Workspace ws = TestWorkspace.open(home, withReplica(), Set.of())) {
            pair.pauseReplay();
            NewSession late = Rows.active(UUID.randomUUID(), Instant.now()).build();
            new SessionWriter(pair.primary().adminDataSource()).insert(List.of(late));
            List<UUID> seen = new ArrayList<>();
            ws.dao().forEachActive(s -> seen.add(s.id()));
            assertThat(seen).hasSize(20).doesNotContain(late.id());
            var outcome = ws.revocation().revoke(com.sessionconsole.domain.RevokeCriteria.ids(Set.of(late.id())), List.of(), "replica", "test");
            assertThat(outcome.result().revoked()).containsExactly(late.id());
            assertThat(activeOn(pair.primary())).isEqualTo(20);
        }
    }

    @Test
    void aRevokedSessionNeverReappearsWhileTheStandbyLags() throws Exception {
        try (Workspace ws = TestWorkspace.open(home, withReplica(), Set.of())) {
            HeadlessConsole console = console(ws);
            DirectTaskRunner runner = console.runner;
            ConsoleViewModels vm = console.vm;
            assertThat(vm.live().sessions()).hasSize(20);
            pair.pauseReplay();
            RevokePlan plan = vm.revoke().planRevokeGroup(GroupBy.IP, "192.0.2.1");
            assertThat(plan.count()).isEqualTo(5);
            console.dialogs.reason("replica lag test");
            vm.revoke().execute(plan);
            Set<UUID> revoked = Set.copyOf(vm.revoke().lastOutcomeProperty().get().result().revoked());
            assertThat(revoked).hasSize(5);
            for (int tick = 0; tick < 5; tick++) {
                vm.status().refreshNow();
                runner.runScheduled();
                assertThat(vm.live().sessions()).as("tick " + tick).extracting(Session::id).doesNotContainAnyElementsOf(revoked).hasSize(15);
                assertThat(activeOn(pair.standby())).as("the standby still has them active").isEqualTo(20);
            }
            Session anyRevoked = ws.dao().history(GroupBy.IP, "192.0.2.1").stream().filter(s -> revoked.contains(s.id())).findFirst().orElseThrow();
            assertThat(anyRevoked.active()).as("history on the standby shows our revoke").isFalse();
            assertThat(vm.status().replicaTextProperty().get()).contains("PAUSED");
            assertThat(vm.status().replicaBehindProperty().get()).isTrue();
            pair.resumeReplay();
            pair.awaitCaughtUp(Duration.ofSeconds(20));
            vm.status().refreshNow();
            runner.runScheduled();
            assertThat(vm.live().sessions()).extracting(Session::id).doesNotContainAnyElementsOf(revoked);
            assertThat((long) vm.live().sessions().size()).isEqualTo(activeOn(pair.primary())).isEqualTo(activeOn(pair.standby())).isEqualTo(15);
            assertThat(vm.status().replicaTextProperty().get()).doesNotContain("PAUSED");
            console.close();
        }
    }

    @Test
    void lagIsMeasuredAndTheCliWarnsOnStderr() throws Exception {
        try (Workspace ws = TestWorkspace.open(home, withReplica(), Set.of())) {
            assertThat(ws.dao().replicaLag()).hasValueSatisfying(lag -> assertThat(lag.worrying(ReplicaLag.DEFAULT_WARN_SECONDS)).isFalse());
            pair.pauseReplay();
            new SessionWriter(pair.primary().adminDataSource()).insert(List.of(Rows.active(UUID.randomUUID(), Instant.now()).build()));
            awaitFlushed(); // the test servers commit asynchronously; the lag counts flushed WAL
            ReplicaLag lag = ws.dao().replicaLag().orElseThrow();
            assertThat(lag.replayPaused()).isTrue();
            assertThat(lag.bytesBehind()).isPositive();
            assertThat(lag.describe()).contains("behind").contains("PAUSED");
        }
        CliRunner.Run r = new CliRunner(home).run("", "sessions", "--url", pair.primary().jdbcUrl(), "--read-url", pair.standby().jdbcUrl(),
                "-U", "postgres", "--format", "csv");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("warning: replica").contains("PAUSED");
        assertThat(r.out().lines().count()).as("the standby's 20 rows, not the primary's 21").isEqualTo(21);
    }

    private static void awaitFlushed() throws Exception {
        try (Connection c = pair.primary().adminDataSource().getConnection(); Statement st = c.createStatement()) {
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = st.executeQuery("SELECT pg_current_wal_flush_lsn() >= pg_current_wal_insert_lsn()")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private CliRunner.Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", pair.primary().jdbcUrl(), "--read-url", pair.standby().jdbcUrl(), "-U", "postgres"));
        return new CliRunner(home).run("", all.toArray(String[]::new));
    }

    @Test
    void theCliPreviewsARevokeOnThePrimaryNotOnTheLaggingStandby() {
        pair.pauseReplay();
        NewSession fresh = Rows.active(UUID.randomUUID(), Instant.now()).ip("198.51.100.200").build();
        new SessionWriter(pair.primary().adminDataSource()).insert(List.of(fresh));
        CliRunner.Run byKey = cli("revoke", "--ip", "198.51.100.200", "--reason", "attacker", "--yes");
        assertThat(byKey.code()).as(byKey.all()).isZero();
        assertThat(byKey.out()).contains("1 revoked");
        NewSession another = Rows.active(UUID.randomUUID(), Instant.now()).build();
        new SessionWriter(pair.primary().adminDataSource()).insert(List.of(another));
        CliRunner.Run byId = cli("revoke", "--ids", another.id().toString(), "--reason", "attacker", "--yes");
        assertThat(byId.out()).contains("1 revoked");
    }

    @Test
    void aLaterConsoleRemembersRevokesFromTheAuditLogWhileTheStandbyLags() {
        pair.pauseReplay();
        UUID target = rows.get(3).id();
        CliRunner.Run revoke = cli("revoke", "--ids", target.toString(), "--reason", "lag", "--yes");
        assertThat(revoke.out()).contains("1 revoked");
        CliRunner.Run later = cli("sessions", "--format", "csv");
        assertThat(later.code()).as(later.all()).isZero();
        assertThat(later.out()).doesNotContain(target.toString());
        assertThat(later.out().lines().count()).isEqualTo(1 + 19);
        assertThat(later.err()).contains("PAUSED");
    }

    @Test
    void aLongTransactionOnThePrimaryIsNotLag() throws Exception {
        try (Workspace ws = TestWorkspace.open(home, withReplica(), Set.of());
             Connection open = pair.primary().adminDataSource().getConnection(); Statement st = open.createStatement()) {
            open.setAutoCommit(false);
            st.execute("INSERT INTO public.user_sessions (user_id, session_token, expires_at) SELECT gen_random_uuid(), 'long-' || g, "
                    + "now() + interval '1 day' FROM generate_series(1, 2000) g");
            pair.awaitCaughtUp(Duration.ofSeconds(20));
            Thread.sleep(1500);
            ReplicaLag lag = ws.dao().replicaLag().orElseThrow();
            assertThat(lag.worrying(1)).as(lag.describe()).isFalse();
            open.rollback();
        }
    }

    @Test
    void everyConnectionNamesTheAnalystForTheDba() throws Exception {
        try (Workspace ws = TestWorkspace.open(home, withReplica(), Set.of())) {
            ws.dao().serverTime();
            try (Connection c = pair.standby().adminDataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT application_name FROM pg_stat_activity WHERE application_name LIKE 'session-console/%'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("session-console/" + System.getProperty("user.name") + "@");
            }
        }
    }
}
