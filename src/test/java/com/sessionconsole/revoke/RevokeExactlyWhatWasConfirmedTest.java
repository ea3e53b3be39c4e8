package com.sessionconsole.revoke;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.GroupBy;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.RevokeCriteria;
import com.sessionconsole.domain.RevokeResult;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10 §2: a revoke by key updates only the ids the analyst confirmed. Sessions of the key that a
 * writer inserts between the preview and the confirmation are reported and offered again, never revoked
 * silently; ids that no longer exist are "not found", not "already inactive".
 */
class RevokeExactlyWhatWasConfirmedTest {
    static final String IP = "198.51.100.11";
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    SessionWriter writer;
    Instant now;
    List<NewSession> previewed = new ArrayList<>();

    @BeforeEach
    void fill() {
        writer = db.resetTable();
        now = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')").get(0).get(0));
        previewed.add(Rows.active(UUID.randomUUID(), now).ip(IP).build());
        previewed.add(Rows.active(UUID.randomUUID(), now).ip(IP).build());
        writer.insert(previewed);
        writer.insert(List.of(Rows.active(UUID.randomUUID(), now).ip("198.51.100.99").build()));
    }

    private List<NewSession> insertOfTheSameIp(int n) {
        List<NewSession> late = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            late.add(Rows.active(UUID.randomUUID(), now).ip(IP).build());
        }
        writer.insert(late);
        return late;
    }

    private long active(UUID id) {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active = true", id);
    }

    /** Standard input whose first read runs the writer: the rows land after the preview, before the answer. */
    private InputStream answersAfterAWriterInserts(Runnable writerBetween, String answers) {
        InputStream answer = new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            boolean wrote;

            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1) < 0 ? -1 : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!wrote) {
                    wrote = true;
                    writerBetween.run();
                }
                return answer.read(b, off, len);
            }
        };
    }

    @Test
    void cliRevokesOnlyThePreviewedSessionsAndOffersTheNewOnesWithTheirOwnConfirmation() throws Exception {
        AtomicReference<List<NewSession>> late = new AtomicReference<>();
        CliRunner.Run r = new CliRunner(home).run(answersAfterAWriterInserts(() -> late.set(insertOfTheSameIp(3)), "yes\nno\n"),
                "revoke", "--ip", IP, "--reason", "stuffing");
        assertThat(r.err()).contains("About to revoke 2 active session(s)");
        assertThat(r.out()).contains("2 revoked, 0 were already inactive. 3 new session(s) of " + IP + " appeared after you confirmed; not revoked");
        assertThat(r.err()).contains("About to revoke 3 active session(s)").contains("Not revoked: not confirmed.");
        previewed.forEach(s -> assertThat(active(s.id())).isZero());
        late.get().forEach(s -> assertThat(active(s.id())).as("inserted after the confirmation").isEqualTo(1));
        List<String> audit = Files.readAllLines(new CliRunner(home).dirs().auditLog());
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1)).contains("appeared_after_not_revoked").contains(late.get().get(0).id().toString());
    }

    @Test
    void theNewSessionsAreRevokedOnlyAfterTheirOwnConfirmation() {
        AtomicReference<List<NewSession>> late = new AtomicReference<>();
        CliRunner.Run r = new CliRunner(home).run(answersAfterAWriterInserts(() -> late.set(insertOfTheSameIp(3)), "yes\nyes\n"),
                "revoke", "--ip", IP, "--reason", "stuffing");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("3 revoked, 0 were already inactive");
        late.get().forEach(s -> assertThat(active(s.id())).isZero());
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = '198.51.100.99' AND is_active")).isEqualTo(1);
    }

    @Test
    void moreThanFiftyNewSessionsCannotRideOnATypedYes() {
        CliRunner.Run r = new CliRunner(home).run(answersAfterAWriterInserts(() -> insertOfTheSameIp(149), "yes\nyes\n"),
                "revoke", "--ip", IP, "--reason", "stuffing");
        assertThat(r.out()).contains("2 revoked").contains("149 new session(s) of " + IP + " appeared after you confirmed; not revoked");
        assertThat(r.err()).contains("Type the number of sessions (149) to confirm").contains("Not revoked: not confirmed.");
        assertThat(r.code()).as("the confirmed revoke happened; only the follow-up was declined").isZero();
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND is_active", IP)).isEqualTo(149);
    }

    @Test
    void idsThatNoLongerExistAreNotFoundNotAlreadyInactive() {
        UUID deleted = previewed.get(0).id();
        UUID ended = previewed.get(1).id();
        db.exec("DELETE FROM public.user_sessions WHERE id = ?", deleted);
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", ended);
        try (Workspace ws = TestWorkspace.open(home)) {
            RevokeResult r = ws.revocation().revoke(RevokeCriteria.ids(Set.of(deleted, ended)), List.of(), "cleanup", "test").result();
            assertThat(r.revoked()).isEmpty();
            assertThat(r.notFound()).containsExactly(deleted);
            assertThat(r.alreadyInactive()).containsExactly(ended);
            assertThat(r.describe()).contains("1 not found");
        }
    }

    @Test
    void anIdThatNamesNoSessionIsRefusedAndNothingIsRevoked() {
        UUID live = previewed.get(0).id();
        UUID typo = UUID.fromString("deadbeef-0000-4000-8000-000000000000");
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", live + "," + typo, "--reason", "typo", "--yes");
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("no session has the id [" + typo + "]").contains("nothing was revoked");
        assertThat(active(live)).isEqualTo(1);
    }

    @Test
    void givenIdsOfEndedSessionsAreNamedBeforeTheRevokeAndNotCalledDeleted() {
        UUID live = previewed.get(0).id();
        UUID ended = previewed.get(1).id();
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?", ended);
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", live + "," + ended, "--reason", "mixed", "--yes");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("1 of the 2 given session(s) are not active, so revoke leaves them as they are")
                .contains("  " + ended + "  is_active false").contains("About to revoke 1 active session(s)");
        assertThat(r.out()).contains("1 revoked, 0 were already inactive").doesNotContain("not found");
        assertThat(active(live)).isZero();

        CliRunner.Run allEnded = new CliRunner(home).run("", "revoke", "--ids", ended.toString(), "--reason", "already gone", "--yes");
        assertThat(allEnded.code()).as(allEnded.all()).isZero();
        assertThat(allEnded.err()).contains("1 of the 1 given session(s) are not active").contains("  " + ended + "  is_active false")
                .contains("Nothing to revoke: none of the given session(s) is active.");

        // a row the findings call "active but expired" is named for what it is, not as ended by a revoke
        db.exec("UPDATE public.user_sessions SET expires_at = '2020-01-01 00:00:00+00' WHERE id = ?", live);
        db.exec("UPDATE public.user_sessions SET is_active = true WHERE id = ?", live);
        CliRunner.Run zombie = new CliRunner(home).run("", "revoke", "--ids", live.toString(), "--reason", "zombie", "--yes");
        assertThat(zombie.err()).contains("  " + live + "  expired at 2020-01-01T00:00:00Z, is_active still true");
    }

    @Test
    void aConfirmedSessionWhoseKeyChangedMeanwhileIsLeftActive() {
        UUID moved = previewed.get(0).id();
        try (Workspace ws = TestWorkspace.open(home)) {
            RevokeCriteria criteria = RevokeCriteria.group(GroupBy.IP, IP, Set.of(moved, previewed.get(1).id()));
            db.exec("UPDATE public.user_sessions SET ip_address = '192.0.2.1' WHERE id = ?", moved);
            RevokeResult r = ws.revocation().revoke(criteria, List.of(), "stuffing", "test").result();
            assertThat(r.revoked()).containsExactly(previewed.get(1).id());
            assertThat(r.stillActive()).containsExactly(moved);
            assertThat(active(moved)).isEqualTo(1);
        }
    }

    @Test
    void theWindowRevokesThePlanItShowedAndOffersTheLateSessionsAsANewPlan() throws Exception {
        try (Workspace ws = TestWorkspace.open(home)) {
            HeadlessConsole console = new HeadlessConsole(ws, Files.createTempDirectory("watch").resolve("w.txt"), Clock.systemUTC()).start();
            ConsoleViewModels vm = console.vm;
            RevokePlan plan = vm.revoke().planRevokeGroup(GroupBy.IP, IP);
            assertThat(plan.count()).isEqualTo(2);
            List<NewSession> late = insertOfTheSameIp(4);
            // the analyst confirms with a reason, then answers "yes" to reviewing the late sessions, then cancels that second revoke
            console.dialogs.reason("stuffing").answer(true);
            vm.revoke().execute(plan);
            RevocationService.Outcome outcome = vm.revoke().lastOutcomeProperty().get();
            assertThat(outcome.result().revoked()).containsExactlyInAnyOrderElementsOf(previewed.stream().map(NewSession::id).toList());
            assertThat(outcome.result().appearedAfter()).containsExactlyInAnyOrderElementsOf(late.stream().map(NewSession::id).toList());
            assertThat(vm.messages().textProperty().get()).contains("4 new session(s) of " + IP + " appeared after you confirmed; not revoked");
            late.forEach(s -> assertThat(active(s.id())).isEqualTo(1));
            assertThat(console.dialogs.confirmations).hasSize(2);
            RevokePlan next = console.dialogs.confirmations.get(1);
            assertThat(next.count()).isEqualTo(4);
            assertThat(next.criteria().expectedIds()).containsExactlyInAnyOrderElementsOf(late.stream().map(NewSession::id).toList());
            late.forEach(s -> assertThat(active(s.id())).as("cancelled: the late sessions stay active").isEqualTo(1));
            console.close();
        }
    }
}
