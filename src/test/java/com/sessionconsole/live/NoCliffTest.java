package com.sessionconsole.live;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.workspace.Workspace;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.HeadlessConsole;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13, "no cliff": a tenant larger than the console's memory budget is refused before anything is
 * loaded, with the count and a way forward; narrowed on the server it loads exactly the rows SQL selects.
 */
class NoCliffTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void aSetOverTheBudgetIsRefusedUntilTheAnalystNarrowsItOnTheServer() throws Exception {
        SessionWriter writer = db.resetTable();
        Instant now = Instant.now();
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ip = i % 5 == 0 ? "198.51.100." + (i % 250) : "203.0.113." + (i % 250);
            rows.add(Rows.active(UUID.randomUUID(), now).ip(ip).location(i % 2 == 0 ? "Berlin, DE" : "Lyon, FR").build());
        }
        writer.insert(rows);
        // text that is not an address must neither match a network nor fail the server-side cast; blanks around an
        // address do not make it another one (the one address rule), so '198.51.100.7 ' is in the network
        List<RawRow> hostile = new ArrayList<>();
        for (String ip : List.of("999.1.1.1", "::g", "198.51.100.7 ", "١٩٨.٥١.١٠٠.٧", "198.51.100.07")) {
            hostile.add(RawRow.active("infinity").with("ip_address", ip));
        }
        RawRow.insert(db.admin(), hostile);
        try (Workspace ws = TestWorkspace.open(home);
             HeadlessConsole console = new HeadlessConsole(ws, home.resolve("w.txt"), Clock.systemUTC(), new MemoryBudget(150, 64L << 20),
                     Narrowing.NONE).start()) {
            var live = console.vm.live();
            assertThat(live.sessions()).isEmpty();
            assertThat(live.emptyTextProperty().get()).contains("305 active sessions is more than this console can hold")
                    .contains("Nothing was loaded").contains("--where-ip");
            assertThat(console.vm.status().errorTextProperty().get()).contains("more than this console can hold");

            live.filter().input(FilterParser.Field.IP).set("198.51.100.0/24");
            live.loadOnlyFiltered();
            List<String> expected = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND (ip_address LIKE '198.51.100.%'"
                    + " AND ip_address ~ '^198\\.51\\.100\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$' OR ip_address = '198.51.100.7 ')")
                    .stream().map(r -> r.get(0)).sorted().toList();
            assertThat(expected).hasSize(61);
            assertThat(live.sessions().stream().map(s -> s.id().toString()).sorted().toList()).isEqualTo(expected);
            assertThat(live.countTextProperty().get()).isEqualTo("61 active");
            assertThat(live.narrowingProperty().get().describe()).isEqualTo("ip in 198.51.100.0/24");

            NewSession inside = Rows.active(UUID.randomUUID(), now).ip("198.51.100.99").build();
            NewSession outside = Rows.active(UUID.randomUUID(), now).ip("192.0.2.1").build();
            writer.insert(List.of(inside, outside));
            console.refresh();
            assertThat(live.sessions()).extracting(Session::id).contains(inside.id()).doesNotContain(outside.id()).hasSize(62);

            live.filter().clear();
            live.filter().input(FilterParser.Field.LOCATION).set("berlin");
            live.filter().input(FilterParser.Field.IP).set("203.0.113.0/24");
            live.loadOnlyFiltered();
            long berlin = db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE
                    + " AND ip_address LIKE '203.0.113.%' AND location ILIKE '%berlin%'");
            assertThat(live.sessions()).hasSize((int) berlin).allSatisfy(s -> assertThat(s.location()).isEqualTo("Berlin, DE"));

            live.loadEverything();
            assertThat(console.vm.status().errorTextProperty().get()).as("everything is over the budget again")
                    .contains("more than this console can hold");
            assertThat(console.vm.status().staleProperty().get()).isTrue();
            assertThat(live.narrowingProperty().get().describe()).as("the tables still hold the last narrowing that loaded")
                    .isEqualTo("ip in 203.0.113.0/24, location contains berlin");
        }
    }

    @Test
    void theRootCommandOpensTheWindowNarrowedAndRefusesABadFlag() {
        CliRunner cli = new CliRunner(home);
        cli.run("", "--where-ip", "10.0.0.0/8", "--where-location", "Berlin", "--where-created-within", "2h");
        assertThat(cli.launchedWith().describe()).isEqualTo("ip in 10.0.0.0/8, created within 2h, location contains Berlin");
        CliRunner.Run bad = cli.run("", "--where-ip", "10.0.0.0/33");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--where-ip").contains("/33 is too long");
    }
}
