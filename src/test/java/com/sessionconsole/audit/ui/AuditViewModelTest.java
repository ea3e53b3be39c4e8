package com.sessionconsole.audit.ui;

import com.sessionconsole.audit.AuditLine;
import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.audit.AuditRecord;
import com.sessionconsole.audit.AuditedSession;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #15, 8 and 10: the Audit view says in words what a revoke targeted and lists exactly the sessions it revoked. */
class AuditViewModelTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Workspace ws;
    HeadlessConsole console;
    AuditViewModel audit;
    UUID user = UUID.randomUUID();
    List<NewSession> ofUser = new ArrayList<>();
    List<NewSession> ofIp = new ArrayList<>();

    @BeforeEach
    void setUp() {
        var writer = db.resetTable();
        ws = TestWorkspace.open(home);
        Instant now = ws.dao().serverTime();
        List<NewSession> rows = new ArrayList<>();
        new SessionGenerator(8, 800, 700, now).rows().forEachRemaining(rows::add);
        for (int i = 0; i < 3; i++) {
            ofUser.add(Rows.active(user, now).device("laptop-" + i).ip("198.51.100." + (i + 1)).token("tok-" + UUID.randomUUID()).build());
            ofIp.add(Rows.active(UUID.randomUUID(), now).device("phone-" + i).ip("10.0.0.7").token("tok-" + UUID.randomUUID()).build());
        }
        ofIp.add(Rows.active(UUID.randomUUID(), now).device("phone-3").ip("10.0.0.7").token("tok-" + UUID.randomUUID()).build());
        rows.addAll(ofUser);
        rows.addAll(ofIp);
        writer.insert(rows);
        console = new HeadlessConsole(ws, home.resolve("watchlist.txt"), Clock.systemUTC()).start();
        audit = console.vm.audit();
    }

    @AfterEach
    void tearDown() {
        console.close();
        ws.close();
    }

    private List<Session> shown(List<NewSession> rows) {
        List<UUID> ids = rows.stream().map(NewSession::id).toList();
        return console.vm.live().sessions().stream().filter(s -> ids.contains(s.id())).toList();
    }

    private AuditRecord newestRecord() {
        audit.reload();
        return audit.records().get(0);
    }

    @Test
    void aRevokeOfSelectedSessionsNamesTheirUserAndListsExactlyThem() {
        List<Session> chosen = shown(ofUser);
        assertThat(chosen).hasSize(3);
        String reason = "phished: the user reported a fake login page; " + "all sessions from the hotel network. ".repeat(8);
        console.dialogs.reason(reason);
        console.vm.revoke().execute(console.vm.revoke().planRevoke(chosen));
        assertThat(console.vm.messages().textProperty().get()).matches("At \\d\\d:\\d\\d:\\d\\d \\S+: 3 revoked, 0 were already inactive");

        AuditRecord r = newestRecord();
        assertThat(r.criteria()).isEqualTo("3 sessions of user " + user.toString().substring(0, 8) + "… selected by id");
        assertThat(r.reason()).isEqualTo(reason.strip());
        assertThat(r.time()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        audit.select(r);
        assertThat(audit.sessionsTitleProperty().get()).isEqualTo("3 session(s) revoked (committed)");
        assertThat(audit.selectedSessions()).containsExactlyInAnyOrderElementsOf(chosen.stream().map(s -> new AuditedSession(
                s.id().toString(), user.toString(), s.deviceId(), s.ipAddress(), s.token().text())).toList());
        assertThat(audit.selectedSessions()).allSatisfy(s -> assertThat(s.tokenMasked()).hasSize(9).contains("…"));
        ofUser.forEach(n -> assertThat(audit.selectedSessions().toString()).doesNotContain(n.sessionToken()));
    }

    @Test
    void aRevokeOfAnIpSaysAllItsSessionsAndLeavesOutOneThatWasAlreadyInactive() {
        console.vm.live().setVisibleGroup(GroupBy.IP);
        RevokePlan plan = console.vm.revoke().planRevokeGroup(GroupBy.IP, "10.0.0.7");
        assertThat(plan.count()).isEqualTo(4);
        UUID raced = ofIp.get(0).id();
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", raced);
        console.dialogs.reason("NAT abuse");
        console.vm.revoke().execute(plan);

        AuditRecord r = newestRecord();
        assertThat(r.criteria()).isEqualTo("all 4 sessions of IP 10.0.0.7");
        audit.select(r);
        assertThat(audit.sessionsTitleProperty().get()).isEqualTo("3 session(s) revoked, 1 were already inactive (committed)");
        assertThat(audit.selectedSessions()).extracting(AuditedSession::id).containsExactlyInAnyOrderElementsOf(
                ofIp.stream().map(NewSession::id).filter(id -> !id.equals(raced)).map(UUID::toString).toList());
        assertThat(audit.selectedSessions()).allSatisfy(s -> assertThat(s.ipAddress()).isEqualTo("10.0.0.7"));
        audit.select(null);
        assertThat(audit.selectedSessions()).isEmpty();
    }

    @Test
    void anIntentWithoutOutcomeListsWhatWasConfirmedAndAnOlderRecordStillReads() throws Exception {
        AuditLog log = new AuditLog(home.resolve("other-audit.jsonl"));
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        log.append(intent("r1", List.of(a, b), null));
        log.append(committed("r1", List.of(a, b)));
        log.append(intent("r2", List.of(a, b), List.of(session(a, "u1"), session(b, "u2"))));
        AuditViewModel vm = new AuditViewModel(new DirectTaskRunner(), log);
        vm.reload();
        assertThat(vm.records()).extracting(AuditRecord::criteria)
                .containsExactly("2 sessions of 2 users selected by id", "2 sessions selected by id");

        vm.select(vm.records().get(0));
        assertThat(vm.sessionsTitleProperty().get()).startsWith("Outcome unknown (no outcome recorded): the 2 confirmed session(s)");
        assertThat(vm.selectedSessions()).extracting(AuditedSession::userId).containsExactlyInAnyOrder("u1", "u2");
        vm.select(vm.records().get(1));
        assertThat(vm.selectedSessions()).extracting(AuditedSession::id).containsExactlyInAnyOrder(a, b);
    }

    /** An intent as written before it carried the sessions (null), or with them. */
    private static AuditLine.Intent intent(String id, List<String> ids, List<AuditLine.ConfirmedSession> sessions) {
        return new AuditLine.Intent(id, Instant.now(), null, null, null, null, new AuditLine.Criteria(null, null, ids), sessions, "test");
    }

    private static AuditLine.Committed committed(String id, List<String> revoked) {
        return new AuditLine.Committed(id, Instant.now(), "committed", revoked, null, null, null, null, null, null);
    }

    private static AuditLine.ConfirmedSession session(String id, String user) {
        return new AuditLine.ConfirmedSession(id, user, "d", "10.1.1.1", "…");
    }
}
