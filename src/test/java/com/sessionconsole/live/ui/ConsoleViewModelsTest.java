package com.sessionconsole.live.ui;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.revoke.ui.RevokeConfirmer;
import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.ui.ChartData;

import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.GroupSummary;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.live.FilterParser;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
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

/** The console's ViewModels, wired as the app wires them, on a direct executor against the real PostgreSQL. */
class ConsoleViewModelsTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Workspace ws;
    HeadlessConsole console;
    ConsoleViewModels vm;
    LiveViewModel live;
    Instant now;

    @BeforeEach
    void setUp() {
        var writer = db.resetTable();
        ws = TestWorkspace.open(home);
        now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(5, 7000, 6000, now).rows().forEachRemaining(rows::add);
        writer.insert(rows);
        console = new HeadlessConsole(ws, home.resolve("watchlist.txt"), Clock.systemUTC()).start();
        vm = console.vm;
        live = vm.live();
    }

    @AfterEach
    void tearDown() {
        console.close();
        ws.close();
    }

    private long activeCount(String where, Object... params) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + (where.isEmpty() ? "" : " AND " + where), params);
    }

    @Test
    void loadsEveryActiveSession() {
        assertThat(live.sessions()).hasSize((int) activeCount(""));
        assertThat(live.countTextProperty().get()).contains(String.format("%,d active", activeCount("")));
        assertThat(vm.status().connectedProperty().get()).isTrue();
        assertThat(vm.revoke().disabledReasonProperty().get()).isNull();
        assertThat(live.feed().snapshot().groups().values()).as("no group view is showing: no group is built").allMatch(List::isEmpty);
    }

    @Test
    void textFilterNarrowsEveryView() {
        live.setVisibleGroup(GroupBy.IP);
        live.filter().input(FilterParser.Field.TEXT).set("amsterdam");
        long expected = activeCount("(location ILIKE '%amsterdam%' OR user_agent ILIKE '%amsterdam%' OR device_id ILIKE '%amsterdam%' "
                + "OR ip_address ILIKE '%amsterdam%' OR user_id::text ILIKE '%amsterdam%')");
        assertThat(live.sessions()).hasSize((int) expected).allSatisfy(s -> assertThat(s.location()).containsIgnoringCase("amsterdam"));
        assertThat(live.groups(GroupBy.IP).stream().mapToLong(GroupSummary::activeSessions).sum()).isEqualTo(expected);
        live.filter().clear();
        assertThat(live.sessions()).hasSize((int) activeCount(""));
    }

    @Test
    void aFailedExportSaysWhichFileAndWhy() {
        Path file = Path.of("/sys/session-console-window-export.csv"); // /sys takes no new file, even from root
        vm.export().export(file, null, com.sessionconsole.export.ProvenancePlacement.SIDECAR);
        assertThat(vm.messages().textProperty().get())
                .startsWith("Export failed: cannot write " + file + ": permission denied (AccessDeniedException: ")
                .endsWith("; nothing was written to " + file);
    }

    @Test
    void exportWritesExactlyTheRowsInViewInTheirOrderAndACancelledOneLeavesNothing() throws Exception {
        live.filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
        Path file = home.resolve("view.csv");
        vm.export().export(file, null, com.sessionconsole.export.ProvenancePlacement.HEADER);
        var recs = com.sessionconsole.files.SpreadsheetCells.format().builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file)).getRecords();
        assertThat(recs).extracting(r -> r.get("id")).containsExactlyElementsOf(live.sessions().stream().map(x -> x.id().toString()).toList());
        assertThat(recs).extracting(r -> r.get("token_masked")).allSatisfy(t -> assertThat(t).hasSize(9).contains("…"));
        assertThat(Files.readString(file)).contains("filter=").contains("ip 203.0.113.0/24");

        Path cancelled = home.resolve("cancelled.csv");
        List<Session> many = List.copyOf(live.sessions());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.sessionconsole.export.CsvExport.sessions(cancelled, many,
                        new com.sessionconsole.export.CsvExport.Provenance("t", Instant.now(), "s", "sessions", "none"),
                        com.sessionconsole.export.ProvenancePlacement.HEADER, false, (done, total) -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(cancelled).doesNotExist();
        assertThat(home.resolve("cancelled.csv.part")).doesNotExist();
    }

    @Test
    void chartsDescribeTheRowsInView() {
        live.setChartsVisible(true);
        live.filter().input(FilterParser.Field.LOCATION).set("Berlin");
        ChartData d = live.chartsProperty().get();
        long withTrust = live.sessions().stream().filter(s -> s.trustLevel() != null).count();
        assertThat(java.util.Arrays.stream(d.trustBuckets()).sum()).isEqualTo(withTrust).isPositive();
        assertThat(d.topLocations().keySet()).allSatisfy(l -> assertThat(l).contains("Berlin"));
        assertThat(d.activeOverTime()).isNotEmpty().last().extracting(ChartData.Sample::active).isEqualTo((int) activeCount(""));
    }

    @Test
    void cidrFilterSelectsExactlyTheRightRowsAndABadOneIsReportedNotApplied() {
        live.filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
        long expected = activeCount("ip_address LIKE '203.0.113.%'");
        assertThat(expected).isPositive();
        assertThat(live.sessions()).hasSize((int) expected).allSatisfy(s -> assertThat(s.ipAddress()).startsWith("203.0.113."));
        live.filter().input(FilterParser.Field.IP).set("203.0.113.0/33");
        assertThat(live.filter().error(FilterParser.Field.IP).get()).contains("/33 is too long");
        assertThat(live.filter().errorSummaryProperty().get()).contains("IP / CIDR: prefix length /33 is too long").contains("not applied");
        assertThat(live.sessions()).hasSize((int) activeCount(""));
    }

    /** Before a group view's first summaries it says it is counting, not that no group matches (both are an empty table). */
    @Test
    void aGroupViewIsCountingUntilItsSummariesArrive() {
        assertThat(live.groups(GroupBy.IP)).isEmpty();
        assertThat(live.countingProperty(GroupBy.IP).get()).as("nobody asked for IP summaries yet").isTrue();
        live.setVisibleGroup(GroupBy.IP);
        assertThat(live.countingProperty(GroupBy.IP).get()).isFalse();
        assertThat(live.groups(GroupBy.IP).stream().mapToLong(GroupSummary::activeSessions).sum()).isEqualTo(activeCount(""));
        assertThat(live.countingProperty(GroupBy.DEVICE).get()).as("the others are still not counted").isTrue();
        live.filter().input(FilterParser.Field.TEXT).set("amsterdam");
        assertThat(live.countingProperty(GroupBy.IP).get()).as("under a filter the visible view is counted from the rows shown").isFalse();
        assertThat(live.countingProperty(GroupBy.USER).get()).isTrue();
    }

    @Test
    void groupCountsEqualSql() {
        live.setVisibleGroup(GroupBy.USER);
        List<List<String>> expected = db.query("SELECT user_id::text, count(*)::text FROM public.user_sessions "
                + "WHERE " + ActiveSql.WHERE + " GROUP BY user_id ORDER BY count(*) DESC, user_id::text COLLATE \"C\"");
        assertThat(live.groups(GroupBy.USER)).extracting(g -> List.of(g.key(), Long.toString(g.activeSessions())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void selectingAGroupShowsItsSessionsAndPivotNarrowsToOneKey() {
        live.setVisibleGroup(GroupBy.IP);
        GroupSummary nat = live.groups(GroupBy.IP).get(0);
        live.selectGroup(GroupBy.IP, nat);
        assertThat(live.details(GroupBy.IP)).hasSize((int) nat.activeSessions())
                .allSatisfy(s -> assertThat(s.ipAddress()).isEqualTo(nat.key()));
        live.setVisibleGroup(GroupBy.USER);
        live.pivotTo(GroupBy.IP, nat.key());
        assertThat(live.sessions()).hasSize((int) nat.activeSessions());
        assertThat(live.groups(GroupBy.USER).stream().mapToLong(GroupSummary::activeSessions).sum()).isEqualTo(nat.activeSessions());
    }

    @Test
    void pivotToANetworkFindingsSubjectShowsEveryAddressInIt() {
        live.setVisibleGroup(GroupBy.IP);
        GroupSummary nat = live.groups(GroupBy.IP).get(0);
        String prefix = nat.key().substring(0, nat.key().lastIndexOf('.') + 1);
        live.pivotTo(GroupBy.IP, prefix + "0/24");
        long expected = Long.parseLong(db.query("SELECT count(*)::text FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " AND ip_address LIKE ? AND ip_address ~ '^[0-9.]+$'", prefix + "%").get(0).get(0));
        assertThat(live.sessions()).hasSize((int) expected).allSatisfy(s -> assertThat(s.ipAddress()).startsWith(prefix));
        assertThat(expected).isGreaterThan(nat.activeSessions() - 1);
    }

    @Test
    void newAndEndedSessionsShowUpOnTheNextTick() {
        NewSession added = Rows.active(UUID.randomUUID(), now).ip("198.18.0.1").build();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(added));
        UUID ended = live.sessions().get(5).id();
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", ended);
        console.refresh();
        assertThat(live.sessions()).extracting(Session::id).contains(added.id()).doesNotContain(ended);
        assertThat(live.freshProperty().get()).containsExactly(added.id());
    }

    @Test
    void revokeOfMoreThanFiftyNeedsTheTypedCountAndUpdatesAtOnce() throws Exception {
        live.setVisibleGroup(GroupBy.IP);
        GroupSummary nat = live.groups(GroupBy.IP).get(0);
        assertThat(nat.activeSessions()).isGreaterThan(50);
        RevokePlan plan = vm.revoke().planRevokeGroup(GroupBy.IP, nat.key());
        assertThat(plan.requiresTypedCount()).isTrue();
        assertThat(plan.confirmable("nat abuse", "")).isFalse();
        assertThat(plan.confirmable("", Integer.toString(plan.count()))).isFalse();
        assertThat(plan.confirmable("nat abuse", Integer.toString(plan.count()))).isTrue();
        vm.revoke().revoke(plan, new RevokeConfirmer.Answer("nat abuse", "50"));
        assertThat(vm.messages().textProperty().get()).as("a wrong typed count revokes nothing").contains("typed count");
        assertThat(activeCount("ip_address = ?", nat.key())).isEqualTo(nat.activeSessions());
        console.dialogs.reason("nat abuse");
        vm.revoke().execute(plan);
        assertThat(vm.messages().textProperty().get()).endsWith(": " + nat.activeSessions() + " revoked, 0 were already inactive");
        assertThat(live.sessions()).noneMatch(s -> nat.key().equals(s.ipAddress()));
        assertThat(activeCount("ip_address = ?", nat.key())).isZero();
        List<String> audit = Files.readAllLines(ws.audit().file());
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).contains("\"record\":\"intent\"").contains("nat abuse");
        assertThat(audit.get(1)).contains("\"record\":\"outcome\"").contains("\"status\":\"committed\"");
    }

    @Test
    void aWatchedNetworkRaisesAHitForANewSessionAndThePinSurvivesARestart() {
        Path file = home.resolve("watch.txt");
        HeadlessConsole watching = new HeadlessConsole(ws, file, Clock.systemUTC()).start();
        watching.vm.watchlist().watch(GroupBy.IP, "198.18.0.0/15");
        watching.vm.watchlist().watch(GroupBy.IP, "10.0.0.0/33");
        assertThat(watching.vm.messages().textProperty().get()).startsWith("Not watched").contains("/33");
        NewSession inside = Rows.active(UUID.randomUUID(), now).ip("198.19.4.4").build();
        NewSession outside = Rows.active(UUID.randomUUID(), now).ip("198.20.4.4").build();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(inside, outside));
        watching.refresh();
        assertThat(watching.vm.watchlist().hitsProperty().get()).extracting(Session::id).containsExactly(inside.id());
        assertThat(new com.sessionconsole.watchlist.Watchlist(file).entries()).extracting(e -> e.value()).containsExactly("198.18.0.0/15");
        watching.close();
    }

    @Test
    void revokeReportsARaceAsAlreadyInactive() {
        List<Session> two = List.of(live.sessions().get(0), live.sessions().get(1));
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", two.get(0).id());
        console.dialogs.reason("race");
        vm.revoke().execute(vm.revoke().planRevoke(two));
        assertThat(vm.messages().textProperty().get()).endsWith(": 1 revoked, 1 were already inactive");
    }

    @Test
    void protectedUsersAreRefusedWithAReason() {
        Session target = live.sessions().get(0);
        try (Workspace guarded = TestWorkspace.open(home, db.settings(), Set.of(target.userId()))) {
            HeadlessConsole g = new HeadlessConsole(guarded, home.resolve("w2.txt"), Clock.systemUTC()).start();
            RevokePlan plan = g.vm.revoke().planRevoke(List.of(target));
            assertThat(plan.refusal()).contains("protected user").contains(target.userId().toString());
            g.vm.revoke().revoke(plan, new RevokeConfirmer.Answer("try anyway", "1"));
            assertThat(g.vm.messages().textProperty().get()).startsWith("Not revoked");
            assertThat(activeCount("id = ?", target.id())).isEqualTo(1);
            g.dialogs.reason("through the dialog");
            g.vm.revoke().execute(plan);
            assertThat(g.dialogs.confirmations).isEmpty();
            assertThat(g.dialogs.shown).singleElement().asString().startsWith("WARNING Not revoked").contains("protected user");
            assertThat(activeCount("id = ?", target.id())).isEqualTo(1);
            g.close();
        }
    }
}
