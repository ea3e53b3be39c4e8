package com.sessionconsole.cli;

import com.sessionconsole.workspace.AppDirs;
import com.sessionconsole.workspace.WorkspaceFactory;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.files.SpreadsheetCells;
import com.sessionconsole.files.Json;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** export round-trips through CSV and JSON with masked tokens; watch sees a session the test inserts. */
class ExportAndWatchTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    List<NewSession> rows = new ArrayList<>();

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        new SessionGenerator(31, 3000, 2400, Instant.now()).rows().forEachRemaining(rows::add);
        writer.insert(rows);
    }

    private int run(StringWriter out, String... args) {
        WorkspaceFactory factory = new WorkspaceFactory(new AppDirs(home, home), Map.of(), x -> Optional.empty(), Clock.systemUTC());
        var cl = RootCommand.create(r -> factory.openServer(db.settings(), Set.of()), (r, n, s) -> new GuiLauncher.Result(0, -1, -1, null),
                new AuditLog(home.resolve("audit.jsonl")), new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void exportedCsvReadBackEqualsTheFilteredRowsWithMaskedTokens() throws Exception {
        Path file = home.resolve("nat.csv");
        assertThat(run(new StringWriter(), "export", "--view", "sessions", "--filter", "ip=203.0.113.0/24,trust=60", "--out", file.toString())).isZero();
        List<CSVRecord> recs = SpreadsheetCells.format().builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file)).getRecords();
        List<String> expected = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " AND ip_address LIKE '203.0.113.%' AND trust_level <= 60").stream().map(r -> r.get(0)).toList();
        assertThat(recs).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
        String text = Files.readString(file);
        assertThat(text).startsWith("# Session Console export").contains("filter=").contains("rows=" + expected.size());
        rows.forEach(r -> assertThat(text).doesNotContain(r.sessionToken()));
    }

    @Test
    void exportedJsonOfAGroupViewParsesWithProvenance() throws Exception {
        Path file = home.resolve("ips.json");
        assertThat(run(new StringWriter(), "export", "--view", "ips", "--format", "json", "--out", file.toString())).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) doc.get("provenance");
        List<?> out = (List<?>) doc.get("rows");
        assertThat(prov.get("view")).isEqualTo("ips");
        assertThat(((Number) prov.get("rows")).intValue()).isEqualTo(out.size())
                .isEqualTo((int) db.count("SELECT count(DISTINCT coalesce(ip_address, '<null>')) FROM public.user_sessions "
                        + "WHERE " + ActiveSql.WHERE));
    }

    @Test
    void aBadFilterIsAUsageErrorAndWritesNothing() {
        StringWriter out = new StringWriter();
        Path file = home.resolve("x.csv");
        assertThat(run(out, "export", "--view", "sessions", "--filter", "ip=10.0.0.0/33", "--out", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(file).doesNotExist();
    }

    @Test
    void watchPrintsASessionTheTestInsertsAndOneItEnds() throws Exception {
        CountDownLatch watching = new CountDownLatch(1);
        StringWriter out = new StringWriter() {
            @Override
            public void flush() {
                if (toString().contains("# watching")) {
                    watching.countDown(); // the first load is done: what changes from now on is a change
                }
            }
        };
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> run(out, "watch", "--interval", "1", "--ticks", "3"));
        assertThat(watching.await(30, TimeUnit.SECONDS)).as("watch loaded the active set").isTrue();
        NewSession added = Rows.active(UUID.randomUUID(), Instant.now()).ip("198.18.9.9").build();
        new SessionWriter(db.admin()).insert(List.of(added));
        String ended = db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " ORDER BY id LIMIT 1").get(0).get(0);
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?::uuid", ended);
        assertThat(done.get()).isZero();
        assertThat(out.toString()).contains("+ ").contains(added.id().toString()).contains("ip=\"198.18.9.9\"").doesNotContain(added.sessionToken());
        assertThat(out.toString().lines().filter(l -> l.startsWith("- ")).toList()).as("the session the test ended")
                .singleElement().asString().contains(ended);
    }
}
