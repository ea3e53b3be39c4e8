package com.sessionconsole.security;

import com.sessionconsole.db.ConnectionSettings;
import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.findings.FindingsEngine;
import com.sessionconsole.live.WatermarkPollStrategy;
import com.sessionconsole.history.TokenLookup;
import com.sessionconsole.watchlist.Watchlist;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.support.DirectTaskRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.window.ConsoleViewModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10 §1: a row that cannot be decoded never fails a load, and a load that fails is never shown
 * as "no rows match".
 */
class LoadFailuresTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    /** A SQL_ASCII database stores whatever bytes a client sends: here a location that is not UTF-8. */
    @Test
    void aRowWithBytesThatAreNotUtf8IsShownAndReportedByIdAndColumn() {
        db.exec("DROP DATABASE IF EXISTS raw_bytes");
        db.exec("CREATE DATABASE raw_bytes TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'");
        JdbcUrl u = JdbcUrl.parse(db.url());
        ConnectionSettings settings = new ConnectionSettings(JdbcUrl.of(u.host(), u.port(), "raw_bytes"), "postgres", null, null, false,
                null, null, false);
        org.postgresql.ds.PGSimpleDataSource admin = new org.postgresql.ds.PGSimpleDataSource();
        admin.setUrl(settings.url());
        admin.setUser("postgres");
        new SessionWriter(admin).createTable();
        RawRow good = RawRow.active("2999-01-01 00:00:00+00");
        RawRow bad = RawRow.active("2999-01-01 00:00:00+00").with("device_id", "kiosk-7");
        RawRow.insert(admin, List.of(good, bad));
        exec(admin, "UPDATE public.user_sessions SET location = E'Z\\374rich \\377' WHERE id = '" + bad.id() + "'");
        try (Workspace ws = TestWorkspace.open(home, settings, Set.of())) {
            List<Session> active = new ArrayList<>();
            ws.dao().forEachActive(active::add);
            assertThat(active).hasSize(2);
            Session s = active.stream().filter(x -> x.id().equals(bad.id())).findFirst().orElseThrow();
            assertThat(s.deviceId()).isEqualTo("kiosk-7");
            assertThat(s.location()).isEqualTo("Z\\xfcrich \\xff");
            assertThat(s.decodeProblem()).isEqualTo("row " + bad.id() + ": location: not valid UTF-8 (the bad bytes are shown as \\xNN)");
            assertThat(active.stream().filter(x -> x.id().equals(good.id())).findFirst().orElseThrow().decodeProblem()).isNull();
            List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC())
                    .compute(active, FindingSettings.DEFAULTS.only(FindingRule.UNDECODABLE_ROW), Instant.now(), false);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo(bad.id().toString());
                assertThat(f.detail()).contains("location");
            });
            // the JDBC path (a revoke's preview, history, token lookup) reads the row too
            assertThat(ws.dao().sessionsOnPrimary(List.of(bad.id()))).singleElement()
                    .satisfies(x -> assertThat(x.decodeProblem()).contains(bad.id().toString()).contains("location"));
        }
    }

    private static void exec(DataSource ds, String sql) {
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedLoadSaysSoInsteadOfNoRowsMatch() throws Exception {
        SessionWriter writer = db.resetTable();
        writer.insert(List.of(Rows.active(UUID.randomUUID(), Instant.now()).build()));
        try (Workspace ws = TestWorkspace.open(home)) {
            HeadlessConsole console = new HeadlessConsole(ws, Files.createTempDirectory("watch").resolve("w.txt"), Clock.systemUTC());
            DirectTaskRunner runner = console.runner;
            ConsoleViewModels vm = console.vm;
            assertThat(vm.live().emptyTextProperty().get()).startsWith("Loading");
            db.exec("ALTER TABLE public.user_sessions RENAME TO user_sessions_elsewhere");
            try {
                console.wiring.start();
                runner.runScheduled();
                assertThat(vm.live().sessions()).isEmpty();
                assertThat(vm.live().emptyTextProperty().get()).startsWith("Could not load the sessions:")
                        .contains("not an empty result");
            } finally {
                db.exec("ALTER TABLE public.user_sessions_elsewhere RENAME TO user_sessions");
            }
            vm.status().refreshNow();
            runner.runScheduled();
            assertThat(vm.live().sessions()).hasSize(1);
            assertThat(vm.live().emptyTextProperty().get()).isEmpty();
            console.close();
        }
    }
}
