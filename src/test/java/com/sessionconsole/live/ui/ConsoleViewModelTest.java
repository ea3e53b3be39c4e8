package com.sessionconsole.live.ui;

import com.sessionconsole.revoke.ui.RevokePlan;
import com.sessionconsole.ui.ChartData;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.live.KeyDiffPollStrategy;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.cli.Workspace;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's logic on a direct executor, against the real PostgreSQL. */
class ConsoleViewModelTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    DirectTaskRunner runner = new DirectTaskRunner();
    Workspace ws;
    ConsoleViewModel vm;
    Instant now;

    @BeforeEach
    void setUp() {
        var writer = db.resetTable();
        ws = TestWorkspace.open(home);
        now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(5, 7000, 6000, now).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        vm = new ConsoleViewModel(runner, new KeyDiffPollStrategy(ws.dao()), ws.revocation(), new com.sessionconsole.history.TokenLookup(ws.dao()), new com.sessionconsole.watchlist.Watchlist(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "sc-watch-" + UUID.randomUUID() + ".txt")), ws.label(), Clock.systemUTC());
        vm.start();
        runner.runScheduled();
    }

    @AfterEach
    void tearDown() {
        vm.stop();
        ws.close();
    }

    private long activeCount(String where, Object... params) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE is_active = true AND deleted_at IS NULL AND expires_at > now()"
                + (where.isEmpty() ? "" : " AND " + where), params);
    }

    @Test
    void loadsEveryActiveSession() {
        assertThat(vm.sessions()).hasSize((int) activeCount(""));
        assertThat(vm.countTextProperty().get()).contains(String.format("%,d active", activeCount("")));
        assertThat(vm.connectedProperty().get()).isTrue();
        assertThat(vm.revokeDisabledReasonProperty().get()).isNull();
    }

    @Test
    void textFilterNarrowsEveryView() {
        vm.setVisibleGroup(GroupBy.IP);
        vm.filter().input(FilterParser.Field.TEXT).set("amsterdam");
        long expected = activeCount("(location ILIKE '%amsterdam%' OR user_agent ILIKE '%amsterdam%' OR device_id ILIKE '%amsterdam%' "
                + "OR ip_address ILIKE '%amsterdam%' OR user_id::text ILIKE '%amsterdam%')");
        assertThat(vm.sessions()).hasSize((int) expected).allSatisfy(s -> assertThat(s.location()).containsIgnoringCase("amsterdam"));
        assertThat(vm.groups(GroupBy.IP).stream().mapToLong(GroupSummary::activeSessions).sum()).isEqualTo(expected);
        vm.filter().clear();
        assertThat(vm.sessions()).hasSize((int) activeCount(""));
    }

    @Test
    void exportWritesExactlyTheRowsInViewInTheirOrderAndACancelledOneLeavesNothing() throws Exception {
        vm.filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
        Path file = home.resolve("view.csv");
        vm.export(file, null);
        var recs = com.sessionconsole.export.CsvExport.format().builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file)).getRecords();
        assertThat(recs).extracting(r -> r.get("id")).containsExactlyElementsOf(vm.sessions().stream().map(x -> x.id().toString()).toList());
        assertThat(recs).extracting(r -> r.get("token_masked")).allSatisfy(t -> assertThat(t).hasSize(9).contains("…"));
        assertThat(Files.readString(file)).contains("filter=").contains("ip 203.0.113.0/24");

        Path cancelled = home.resolve("cancelled.csv");
        List<Session> many = List.copyOf(vm.sessions());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.sessionconsole.export.CsvExport.sessions(cancelled, many,
                        new com.sessionconsole.export.CsvExport.Provenance("t", Instant.now(), "s", "sessions", "none"), false, (done, total) -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(cancelled).doesNotExist();
        assertThat(home.resolve("cancelled.csv.part")).doesNotExist();
    }

    @Test
    void chartsDescribeTheRowsInView() {
        vm.setChartsVisible(true);
        vm.filter().input(FilterParser.Field.LOCATION).set("Berlin");
        ChartData d = vm.chartsProperty().get();
        long withTrust = vm.sessions().stream().filter(s -> s.trustLevel() != null).count();
        assertThat(java.util.Arrays.stream(d.trustBuckets()).sum()).isEqualTo(withTrust).isPositive();
        assertThat(d.topLocations().keySet()).allSatisfy(l -> assertThat(l).contains("Berlin"));
        assertThat(d.activeOverTime()).isNotEmpty().last().extracting(ChartData.Sample::active).isEqualTo((int) activeCount(""));
    }

    @Test
    void cidrFilterSelectsExactlyTheRightRowsAndABadOneIsReportedNotApplied() {
        vm.filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
        long expected = activeCount("ip_address LIKE '203.0.113.%'");
        assertThat(expected).isPositive();
        assertThat(vm.sessions()).hasSize((int) expected).allSatisfy(s -> assertThat(s.ipAddress()).startsWith("203.0.113."));
        vm.filter().input(FilterParser.Field.IP).set("203.0.113.0/33");
        assertThat(vm.filter().error(FilterParser.Field.IP).get()).contains("/33 is too long");
        assertThat(vm.filter().errorSummaryProperty().get()).contains("IP / CIDR: prefix length /33 is too long").contains("not applied");
        assertThat(vm.sessions()).hasSize((int) activeCount(""));
    }

    @Test
    void groupCountsEqualSql() {
        vm.setVisibleGroup(GroupBy.USER);
        List<List<String>> expected = db.query("SELECT user_id::text, count(*)::text FROM public.user_sessions "
                + "WHERE is_active = true AND deleted_at IS NULL AND expires_at > now() GROUP BY user_id ORDER BY count(*) DESC, user_id::text COLLATE \"C\"");
        assertThat(vm.groups(GroupBy.USER)).extracting(g -> List.of(g.key(), Long.toString(g.activeSessions())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void selectingAGroupShowsItsSessionsAndPivotNarrowsToOneKey() {
        vm.setVisibleGroup(GroupBy.IP);
        GroupSummary nat = vm.groups(GroupBy.IP).get(0);
        vm.selectGroup(GroupBy.IP, nat);
        assertThat(vm.details(GroupBy.IP)).hasSize((int) nat.activeSessions())
                .allSatisfy(s -> assertThat(s.ipAddress()).isEqualTo(nat.key()));
        vm.setVisibleGroup(GroupBy.USER);
        vm.pivotTo(GroupBy.IP, nat.key());
        assertThat(vm.sessions()).hasSize((int) nat.activeSessions());
        assertThat(vm.groups(GroupBy.USER).stream().mapToLong(GroupSummary::activeSessions).sum()).isEqualTo(nat.activeSessions());
    }

    @Test
    void newAndEndedSessionsShowUpOnTheNextTick() {
        NewSession added = Rows.active(UUID.randomUUID(), now).ip("198.18.0.1").build();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(added));
        UUID ended = vm.sessions().get(5).id();
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", ended);
        vm.refreshNow();
        assertThat(vm.sessions()).extracting(Session::id).contains(added.id()).doesNotContain(ended);
        assertThat(vm.freshProperty().get()).containsExactly(added.id());
    }

    @Test
    void revokeOfMoreThanFiftyNeedsTheTypedCountAndUpdatesAtOnce() throws Exception {
        vm.setVisibleGroup(GroupBy.IP);
        GroupSummary nat = vm.groups(GroupBy.IP).get(0);
        assertThat(nat.activeSessions()).isGreaterThan(50);
        RevokePlan plan = vm.planRevokeGroup(GroupBy.IP, nat.key());
        assertThat(plan.requiresTypedCount()).isTrue();
        assertThat(plan.confirmable("nat abuse", "")).isFalse();
        assertThat(plan.confirmable("", Integer.toString(plan.count()))).isFalse();
        assertThat(plan.confirmable("nat abuse", Integer.toString(plan.count()))).isTrue();
        vm.revoke(plan, "nat abuse");
        assertThat(vm.messageProperty().get()).isEqualTo(nat.activeSessions() + " revoked, 0 were already inactive");
        assertThat(vm.sessions()).noneMatch(s -> nat.key().equals(s.ipAddress()));
        assertThat(activeCount("ip_address = ?", nat.key())).isZero();
        List<String> audit = Files.readAllLines(ws.audit().file());
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).contains("\"record\":\"intent\"").contains("nat abuse");
        assertThat(audit.get(1)).contains("\"record\":\"outcome\"").contains("\"status\":\"committed\"");
    }

    @Test
    void aWatchedNetworkRaisesAHitForANewSessionAndThePinSurvivesARestart() {
        Path file = home.resolve("watch.txt");
        ConsoleViewModel watching = new ConsoleViewModel(runner, new KeyDiffPollStrategy(ws.dao()), ws.revocation(),
                new com.sessionconsole.history.TokenLookup(ws.dao()), new com.sessionconsole.watchlist.Watchlist(file), ws.label(), Clock.systemUTC());
        watching.start();
        runner.runScheduled();
        watching.watch(GroupBy.IP, "198.18.0.0/15");
        watching.watch(GroupBy.IP, "10.0.0.0/33");
        assertThat(watching.messageProperty().get()).startsWith("Not watched").contains("/33");
        NewSession inside = Rows.active(UUID.randomUUID(), now).ip("198.19.4.4").build();
        NewSession outside = Rows.active(UUID.randomUUID(), now).ip("198.20.4.4").build();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(inside, outside));
        watching.refreshNow();
        assertThat(watching.watchHitsProperty().get()).extracting(Session::id).containsExactly(inside.id());
        assertThat(new com.sessionconsole.watchlist.Watchlist(file).entries()).extracting(e -> e.value()).containsExactly("198.18.0.0/15");
        watching.stop();
    }

    @Test
    void revokeReportsARaceAsAlreadyInactive() {
        List<Session> two = List.of(vm.sessions().get(0), vm.sessions().get(1));
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", two.get(0).id());
        vm.revoke(vm.planRevoke(two), "race");
        assertThat(vm.messageProperty().get()).isEqualTo("1 revoked, 1 were already inactive");
    }

    @Test
    void protectedUsersAreRefusedWithAReason() {
        Session target = vm.sessions().get(0);
        try (Workspace guarded = TestWorkspace.open(home, db.settings(), Set.of(target.userId()))) {
            ConsoleViewModel gvm = new ConsoleViewModel(runner, new KeyDiffPollStrategy(guarded.dao()), guarded.revocation(), new com.sessionconsole.history.TokenLookup(guarded.dao()), new com.sessionconsole.watchlist.Watchlist(home.resolve("w2.txt")), "t", Clock.systemUTC());
            gvm.start();
            runner.runScheduled();
            RevokePlan plan = gvm.planRevoke(List.of(target));
            assertThat(plan.refusal()).contains("protected user").contains(target.userId().toString());
            gvm.revoke(plan, "try anyway");
            assertThat(gvm.messageProperty().get()).startsWith("Not revoked");
            assertThat(activeCount("id = ?", target.id())).isEqualTo(1);
            gvm.stop();
        }
    }
}
