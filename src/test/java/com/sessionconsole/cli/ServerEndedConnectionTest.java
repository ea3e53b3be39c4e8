package com.sessionconsole.cli;

import com.sessionconsole.domain.NewSession;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that ends a connection the console already had (an administrator's pg_terminate_backend, a shutdown)
 * is said as such, exit 1: the server was reachable. A server that does not offer TLS to sslmode=require is said
 * as such too, exit 3.
 */
class ServerEndedConnectionTest {
    final TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"export --view sessions --out rows.csv", "sessions --format json"})
    void aBackendTerminatedByAnAdministratorMidCommandIsNotUnreachable(String command) throws Exception {
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Rows.active(UUID.randomUUID(), Instant.now()).build());
        }
        db.resetTable().insert(rows);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        if (args.contains("--out")) {
            args.set(args.indexOf("--out") + 1, home.resolve("rows.csv").toString());
        }
        CompletableFuture<CliRunner.Run> run;
        try (Connection lock = db.admin().getConnection(); Statement st = lock.createStatement()) {
            // the console's read waits on this lock, so that its backend is terminated in the middle of the command
            lock.setAutoCommit(false);
            st.execute("LOCK TABLE public.user_sessions IN ACCESS EXCLUSIVE MODE");
            run = CompletableFuture.supplyAsync(() -> new CliRunner(home).run("", args.toArray(String[]::new)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<List<String>> waiting;
            do {
                Thread.sleep(50);
                waiting = db.query("SELECT pid::text, query FROM pg_stat_activity WHERE application_name LIKE 'session-console/%' "
                        + "AND wait_event_type = 'Lock'");
            } while (waiting.isEmpty() && System.nanoTime() < deadline && !run.isDone());
            assertThat(waiting).as("a console backend waits on the lock").isNotEmpty();
            db.query("SELECT pg_terminate_backend(?::int)", waiting.get(0).get(0));
            lock.rollback();
        }
        CliRunner.Run r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("the server at").contains("ended the connection").contains("terminated by an administrator")
                .contains("while").doesNotContain("cannot reach").doesNotContain("TCP");
    }

    @Test
    void sslmodeRequireAgainstAServerWithoutTlsSaysSo() {
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "sslmode=require";
        CliRunner.Run r = new CliRunner(home).run("", "sessions", "--url", url, "-U", db.settings().user());
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("does not offer TLS").doesNotContain("password");
    }
}
