package com.sessionconsole.revoke;

import com.sessionconsole.support.ActiveSql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sessionconsole.cli.ExitCodes;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revoke that the server did not carry out (a trigger that skips or undoes the UPDATE, a row-level security
 * policy that hides the rows from it) is reported as not revoked, with its ids, in the CLI's exit code, in
 * the window's result dialog and in the audit outcome; never as "left active because they changed".
 */
class ServerLeftSessionsActiveTest {
    static final UUID USER = UUID.fromString("5e000000-0000-4000-8000-000000000001");
    static final UUID A = UUID.fromString("5e000000-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("5e000000-0000-4000-8000-00000000000b");
    static final String ROLE = "revoker_under_rls";

    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @BeforeEach
    void twoActiveSessionsOfOneUser() {
        db.resetTable();
        RawRow.insert(db.admin(), List.of(RawRow.active("infinity").with("id", A).with("user_id", USER),
                RawRow.active("infinity").with("id", B).with("user_id", USER)));
    }

    private long active() {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE);
    }

    private JsonNode lastOutcome() throws Exception {
        List<String> lines = Files.readAllLines(home.resolve("audit.jsonl"));
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private void assertReportedAsNotRevoked(CliRunner.Run r) throws Exception {
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.NOT_REVOKED);
        assertThat(r.all()).contains("0 revoked").contains("NOT revoked: the server left them active")
                .contains(A.toString()).contains(B.toString()).doesNotContain("they changed since you confirmed");
        assertThat(active()).isEqualTo(2);
        JsonNode outcome = lastOutcome();
        assertThat(outcome.get("record").asText()).isEqualTo("outcome");
        assertThat(outcome.get("status").asText()).contains("2 confirmed session(s) NOT revoked");
        assertThat(texts(outcome.get("revoked"))).isEmpty();
        assertThat(texts(outcome.get("not_changed_by_server"))).containsExactlyInAnyOrder(A.toString(), B.toString());
    }

    @Test
    void aTriggerThatSkipsTheUpdateIsReportedAsNotRevoked() throws Exception {
        db.exec("CREATE OR REPLACE FUNCTION public.skip_every_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
        db.exec("CREATE TRIGGER skip_revokes BEFORE UPDATE ON public.user_sessions FOR EACH ROW EXECUTE FUNCTION public.skip_every_update()");
        assertReportedAsNotRevoked(new CliRunner(home).run("", "revoke", "--ids", A + "," + B, "--reason", "hijack", "--yes"));
    }

    @Test
    void aTriggerThatUndoesTheUpdateIsReportedAsNotRevoked() throws Exception {
        db.exec("CREATE OR REPLACE FUNCTION public.keep_active() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN NEW.is_active := true; RETURN NEW; END $$");
        db.exec("CREATE TRIGGER keep_active BEFORE UPDATE ON public.user_sessions FOR EACH ROW EXECUTE FUNCTION public.keep_active()");
        assertReportedAsNotRevoked(new CliRunner(home).run("", "revoke", "--user", USER.toString(), "--reason", "hijack", "--yes"));
    }

    @Test
    void rowLevelSecurityThatHidesTheRowsFromUpdateIsReportedAsNotRevoked() throws Exception {
        db.exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE " + ROLE
                + " LOGIN; END IF; END $$");
        db.exec("GRANT SELECT, UPDATE (is_active, updated_at) ON public.user_sessions TO " + ROLE);
        db.exec("ALTER TABLE public.user_sessions ENABLE ROW LEVEL SECURITY");
        db.exec("CREATE POLICY everyone_reads ON public.user_sessions FOR SELECT USING (true)");
        db.exec("CREATE POLICY nobody_updates ON public.user_sessions FOR UPDATE USING (false)");
        assertReportedAsNotRevoked(new CliRunner(home).run("", "revoke", "--ids", A + "," + B, "--reason", "hijack", "--yes",
                "--url", db.url(), "-U", ROLE));
    }

    @Test
    void theWindowSaysTheSessionsWereNotRevoked() throws Exception {
        db.exec("CREATE OR REPLACE FUNCTION public.skip_every_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
        db.exec("CREATE TRIGGER skip_revokes BEFORE UPDATE ON public.user_sessions FOR EACH ROW EXECUTE FUNCTION public.skip_every_update()");
        ConnectionSettings settings = db.settings();
        try (Workspace ws = TestWorkspace.open(home, settings, Set.of())) {
            HeadlessConsole console = new HeadlessConsole(ws, home.resolve("watch.txt"), Clock.systemUTC()).start();
            RevokePlan plan = console.vm.revoke().planRevoke(ws.dao().sessionsOnPrimary(List.of(A, B)));
            console.dialogs.reason("hijack");
            console.vm.revoke().execute(plan);
            assertThat(console.dialogs.shown).anySatisfy(shown -> assertThat(shown).startsWith("ERROR 2 confirmed session(s) were NOT revoked")
                    .contains("the server left them active").contains(A.toString()).contains(B.toString()));
            assertThat(console.vm.messages().textProperty().get()).contains("NOT revoked");
            console.close();
        }
        assertThat(active()).isEqualTo(2);
    }

    @Test
    void aRevokeThatRevokedEverythingStillExitsZero() {
        CliRunner.Run r = new CliRunner(home).run("", "revoke", "--ids", A + "," + B, "--reason", "hijack", "--yes");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("2 revoked, 0 were already inactive");
        assertThat(active()).isZero();
    }
}
