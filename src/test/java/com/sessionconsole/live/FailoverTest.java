package com.sessionconsole.live;

import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.EmbeddedDatabase;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.ReplicatedPair;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
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
 * Issue #14 §4: with several hosts in the URL and targetServerType=primary, the console rides out a
 * failover: the primary dies (STALE), the standby is promoted, polling resumes by itself, and the next
 * revoke commits on the new primary.
 */
class FailoverTest {
    @TempDir
    Path home;

    @Test
    void theConsoleFollowsThePromotedStandby() throws Exception {
        try (ReplicatedPair pair = ReplicatedPair.start()) {
            SessionWriter writer = new SessionWriter(pair.primary().adminDataSource());
            writer.createTable();
            List<NewSession> rows = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rows.add(Rows.active(UUID.randomUUID(), Instant.now()).build());
            }
            writer.insert(rows);
            pair.awaitCaughtUp(Duration.ofSeconds(20));
            String url = "jdbc:postgresql://127.0.0.1:" + pair.primary().port() + ",127.0.0.1:" + pair.standby().port()
                    + "/postgres?targetServerType=primary";
            ConnectionSettings settings = new ConnectionSettings(url, EmbeddedDatabase.USER, null, null, false, Duration.ofSeconds(3),
                    null, false);
            try (Workspace ws = TestWorkspace.open(home, settings, Set.of())) {
                HeadlessConsole console = new HeadlessConsole(ws, Files.createTempDirectory("watch").resolve("w.txt"), Clock.systemUTC());
            DirectTaskRunner runner = console.runner;
            ConsoleViewModels vm = console.vm;
                console.wiring.start();
                runner.runScheduled();
                assertThat(vm.live().sessions()).hasSize(10);

                pair.stopPrimary();
                vm.status().refreshNow();
                runner.runScheduled();
                assertThat(vm.status().staleProperty().get()).as("the primary is gone: the data is kept and marked stale").isTrue();
                assertThat(vm.live().sessions()).hasSize(10);
                assertThat(vm.revoke().disabledReasonProperty().get()).contains("disconnected");

                pair.promote();
                vm.status().refreshNow();
                runner.runScheduled();
                assertThat(vm.status().staleProperty().get()).as("reconnected to the promoted standby").isFalse();
                assertThat(vm.live().sessions()).hasSize(10);

                Session target = vm.live().sessions().get(0);
                console.dialogs.reason("after failover");
                vm.revoke().execute(vm.revoke().planRevoke(List.of(target)));
                assertThat(vm.revoke().lastOutcomeProperty().get().result().revoked()).containsExactly(target.id());
                try (Connection c = pair.standby().adminDataSource().getConnection(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT is_active, pg_is_in_recovery() FROM public.user_sessions WHERE id = '"
                             + target.id() + "'")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("revoked on the new primary").isFalse();
                    assertThat(rs.getBoolean(2)).isFalse();
                }
                console.close();
            }
        }
    }
}
