package com.sessionconsole.cli;

import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.files.ExportColumns;
import com.sessionconsole.files.Json;
import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.CliRunner.Run;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #22, item by item, through the real command line against a real PostgreSQL, compared with SQL written here. */
class AnalystCliTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    final UUID ann = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    final UUID bob = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    final UUID cid = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    final UUID expiredId = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    final String knownToken = "tok-known-0123456789abcdef-known";

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        Instant now = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')").get(0).get(0));
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Rows.active(ann, now).ip("10.1.2." + (10 + i)).device("ann-laptop").location("Berlin, DE").trust(80 - i)
                    .created(now.minusSeconds(600 + i * 60L)).build());
        }
        rows.add(Rows.active(ann, now).ip("10.1.3.1").device("ann-phone").location("Lagos, NG").trust(70).created(now.minusSeconds(7200)).build());
        for (int i = 0; i < 4; i++) {
            rows.add(Rows.active(bob, now).ip("5.188.62." + (10 + i)).device("farm-" + i).location("Moscow, RU").trust(5 + i)
                    .agent("python-requests/2.31").created(now.minusSeconds(120 + i)).build());
        }
        rows.add(Rows.active(cid, now).ip("2001:db8:1:2::5").device("cid-mac").location("Paris, FR").trust(60).token(knownToken).build());
        rows.add(Rows.active(cid, now).ip("2001:db8:1:2:ffff::9").device("cid-mac").location("Paris, FR").trust(61).build());
        rows.add(Rows.active(cid, now).id(expiredId).ip("10.9.9.9").device("cid-old").expires(now.minusSeconds(60)).build());
        rows.add(Rows.active(bob, now).ip("5.188.62.99").device("farm-x").deleted(now.minusSeconds(30)).build());
        writer.insert(rows);
    }

    private Run run(String... args) {
        return new CliRunner(home).run("", args);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    private List<String> ids(String sql, Object... params) {
        return db.query(sql, params).stream().map(r -> r.get(0)).toList();
    }

    private static List<Map<?, ?>> ndjson(String out) {
        List<Map<?, ?>> objects = new ArrayList<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> objects.add((Map<?, ?>) Json.parse(l)));
        return objects;
    }

    // 1. one filter language
    @Test
    void filtersMatchHandWrittenSqlOnEveryReadingCommand() throws Exception {
        Run r = run("sessions", "--ip", "5.188.62.0/24", "--trust-max", "6", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(csv(r.out()).stream().map(x -> x.get("id")).sorted().toList()).hasSize(2).isEqualTo(ids(
                "SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND ip_address::inet <<= '5.188.62.0/24' AND trust_level <= 6 ORDER BY id"));
        Run loc = run("sessions", "--location", "berlin", "--created-within", "15m", "--format", "ndjson");
        assertThat(ndjson(loc.out()).stream().map(m -> (String) m.get("id")).sorted().toList()).hasSize(3).isEqualTo(ids(
                "SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND location ILIKE '%berlin%' AND created_at >= now() - interval '15 minutes' ORDER BY id"));
        Run shaped = run("sessions", "--user", ann.toString(), "--sort", "trust_level,desc", "--limit", "2", "--columns", "id,trust_level", "--format", "csv");
        assertThat(shaped.out().lines().findFirst()).contains("id,trust_level");
        assertThat(csv(shaped.out()).stream().map(x -> x.get("id")).toList()).isEqualTo(ids(
                "SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND user_id = ? ORDER BY trust_level DESC LIMIT 2", ann));
        Run history = run("history", "--user", cid.toString(), "--since", "1h", "--device", "cid-old", "--format", "csv");
        assertThat(csv(history.out()).stream().map(x -> x.get("id")).toList()).containsExactly(expiredId.toString());
        Run summary = run("summary", "--by", "user", "--ip", "10.1.0.0/16", "--format", "csv");
        assertThat(csv(summary.out()).stream().map(x -> x.get("key") + "=" + x.get("active_sessions")).toList()).containsExactly(ann + "=4");
        Run findings = run("findings", "--ip", "5.188.62.0/24", "--format", "json");
        List<String> network = ids("SELECT id::text FROM public.user_sessions WHERE ip_address::inet <<= '5.188.62.0/24'");
        List<?> all = (List<?>) Json.parse(findings.out());
        assertThat(all).isNotEmpty().allSatisfy(f -> assertThat((List<?>) ((Map<?, ?>) f).get("session_ids")).anyMatch(network::contains));
    }

    @Test
    void anInvalidValueIsOneErrorLineAndAHintNeverZeroRows() {
        for (String[] args : List.of(new String[]{"sessions", "--ip", "300.1.1.1"}, new String[]{"summary", "--by", "ip", "--created-within", "2x"},
                new String[]{"sessions", "--columns", "id,nope"}, new String[]{"history", "--user", ann.toString(), "--since", "yesterday"},
                new String[]{"findings", "--sort", "nope"}, new String[]{"sessions", "--formt", "json"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err().lines().toList()).as(String.join(" ", args)).hasSize(2)
                    .satisfies(l -> assertThat(l.get(0)).startsWith("error: "), l -> assertThat(l.get(1)).startsWith("hint: "));
        }
    }

    // 2. a session by id
    @Test
    void showPrintsAnEndedSessionWholeWithItsFindingsInEveryFormat() throws Exception {
        Run r = run("show", expiredId.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> s = (Map<?, ?>) ((List<?>) Json.parse(r.out())).get(0);
        List<String> expected = db.query("SELECT device_id, ip_address, is_active::text FROM public.user_sessions WHERE id = ?", expiredId).get(0);
        assertThat(List.of(s.get("device_id"), s.get("ip_address"), String.valueOf(s.get("is_active")))).isEqualTo(expected);
        assertThat(s.get("active_now")).isEqualTo(false);
        assertThat((String) s.get("why_not_active")).startsWith("expired at");
        assertThat((List<?>) s.get("findings")).anyMatch(f -> "active_but_expired".equals(((Map<?, ?>) f).get("rule")));
        for (String format : List.of("table", "csv", "ndjson")) {
            Run other = run("show", expiredId.toString(), "--format", format);
            assertThat(other.code()).as(format).isZero();
            assertThat(other.out()).as(format).contains(expiredId.toString()).contains("cid-old").doesNotContain(knownToken);
        }
        Run missing = run("show", expiredId.toString(), UUID.randomUUID().toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.out()).contains(expiredId.toString());
        assertThat(missing.err()).contains("no session has id");
    }

    // 3. formats for pipes, one session shape, its schema
    @Test
    void oneSessionShapeEverywhereValidatesAgainstTheSchema() throws Exception {
        Map<?, ?> schema = (Map<?, ?>) Json.parse(Files.readString(Path.of("docs/schema/session.schema.json")));
        List<Map<?, ?>> objects = new ArrayList<>();
        objects.addAll(ndjson(run("sessions", "--format", "NDJSON").out()));
        objects.addAll(ndjson(run("history", "--user", cid.toString(), "--format", "ndjson").out()));
        ((List<?>) Json.parse(run("sessions", "--format", "Json").out())).forEach(o -> objects.add((Map<?, ?>) o));
        Run exported = run("export", "--view", "sessions", "--format", "json", "--out", "-");
        assertThat(exported.code()).as(exported.err()).isZero();
        ((List<?>) ((Map<?, ?>) Json.parse(exported.out())).get("rows")).forEach(o -> objects.add((Map<?, ?>) o));
        assertThat(home.resolve("-")).doesNotExist();
        objects.addAll(ndjson(run("export", "--view", "sessions", "--format", "ndjson", "--out", "-").out()));
        assertThat(objects).hasSize((int) (3 * db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE)
                + db.count("SELECT count(*) FROM public.user_sessions WHERE user_id = ?", cid)
                + db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE)));
        objects.forEach(o -> SchemaCheck.validate(schema, o));
        assertThat(objects).allSatisfy(o -> assertThat(new ArrayList<Object>(o.keySet())).isEqualTo(new ArrayList<Object>(ExportColumns.SESSIONS)));
        assertThat(String.join("\n", objects.stream().map(Object::toString).toList())).doesNotContain(knownToken);
        Run csvOut = run("export", "--view", "sessions", "--out", "-", "--provenance", "none");
        List<CSVRecord> rows = csv(csvOut.out());
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(ExportColumns.SESSIONS)
                .contains("is_active", "updated_at", "deleted_at");
        assertThat(rows).hasSize((int) db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE));
        Map<?, ?> outcomeSchema = (Map<?, ?>) Json.parse(Files.readString(Path.of("docs/schema/revoke-outcome.schema.json")));
        SchemaCheck.validate(outcomeSchema, (Map<?, ?>) Json.parse(run("revoke", "--user", bob.toString(), "--reason", "t", "--dry-run",
                "--format", "json").out()));
    }

    // 4. questions summary can answer
    @Test
    void summaryByCountryAndSubnetEqualsSql() throws Exception {
        Run byCountry = run("summary", "--by", "country", "--format", "csv");
        assertThat(byCountry.code()).as(byCountry.err()).isZero();
        List<List<String>> expected = db.query("SELECT c, n::text, u::text FROM (SELECT trim(regexp_replace(location, '^.*,', '')) AS c, count(*) AS n,"
                + " count(DISTINCT user_id) AS u FROM public.user_sessions WHERE " + ActiveSql.WHERE + " GROUP BY 1) t ORDER BY n DESC, c COLLATE \"C\"");
        assertThat(csv(byCountry.out()).stream().map(x -> List.of(x.get("key"), x.get("active_sessions"), x.get("distinct_users"))).toList())
                .isEqualTo(expected);
        Run bySubnet = run("summary", "--by", "subnet", "--format", "csv");
        List<List<String>> subnets = db.query("SELECT k, n::text FROM (SELECT network(set_masklen(ip_address::inet, CASE WHEN family(ip_address::inet) = 4"
                + " THEN 24 ELSE 64 END))::text AS k, count(*) AS n FROM public.user_sessions WHERE " + ActiveSql.WHERE + " GROUP BY 1) t ORDER BY n DESC, k COLLATE \"C\"");
        assertThat(csv(bySubnet.out()).stream().map(x -> List.of(x.get("key"), x.get("active_sessions"))).toList()).isEqualTo(subnets);
        Run wide = run("summary", "--by", "subnet", "--prefix", "8", "--format", "csv", "--columns", "key,active_sessions");
        assertThat(csv(wide.out()).stream().map(x -> x.get("key")).toList()).contains("10.0.0.0/8", "5.0.0.0/8");
        Run users = run("summary", "--by", "user", "--format", "csv");
        List<List<String>> countries = db.query("SELECT user_id::text, count(DISTINCT trim(regexp_replace(location, '^.*,', '')))::text, count(DISTINCT location)::text "
                + "FROM public.user_sessions WHERE " + ActiveSql.WHERE + " GROUP BY 1 ORDER BY 1");
        assertThat(csv(users.out()).stream().map(x -> List.of(x.get("key"), x.get("distinct_countries"), x.get("distinct_locations")))
                .sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList()).isEqualTo(countries);
    }

    // 5. revoke for scripts
    @Test
    void revokeDryRunChangesNothingAndJsonNamesTheOutcome() {
        List<String> network = ids("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND ip_address::inet <<= '5.188.62.0/24' ORDER BY id");
        Run dry = run("revoke", "--ip", "5.188.62.0/24", "--reason", "stuffing", "--dry-run", "--format", "json");
        assertThat(dry.code()).as(dry.err()).isZero();
        Map<?, ?> plan = (Map<?, ?>) Json.parse(dry.out());
        assertThat(plan.get("dry_run")).isEqualTo(true);
        assertThat(plan.get("would_revoke")).isEqualTo(network);
        assertThat(dry.err()).contains("About to revoke 4 active session(s) in database").contains("1 distinct user(s), 4 device(s), 4 IP(s)")
                .contains("location \"Moscow, RU\"").contains("agent \"python-requests/2.31\"");
        assertThat(ids("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND ip_address::inet <<= '5.188.62.0/24' ORDER BY id"))
                .isEqualTo(network);
        Run real = run("revoke", "--ip", "5.188.62.0/24", "--reason", "stuffing", "--yes", "--format", "json");
        assertThat(real.code()).as(real.err()).isZero();
        Map<?, ?> outcome = (Map<?, ?>) Json.parse(real.out());
        assertThat(outcome.get("revoked")).isEqualTo(network);
        assertThat(outcome.get("left_active")).isEqualTo(List.of());
        assertThat(outcome.get("not_changed_by_server")).isEqualTo(List.of());
        assertThat(ids("SELECT id::text FROM public.user_sessions WHERE is_active = false AND ip_address::inet <<= '5.188.62.0/24' ORDER BY id"))
                .isEqualTo(network);
        Run again = run("revoke", "--ip", "5.188.62.0/24", "--reason", "stuffing", "--yes", "--format", "json");
        assertThat(((Map<?, ?>) Json.parse(again.out())).get("revoked")).isEqualTo(List.of());
        assertThat(again.err()).contains("Nothing to revoke");
    }

    // 6. watch: why an ended session ended
    @Test
    void watchSaysWhyASessionEnded() {
        Instant now = Instant.now();
        var gone = Rows.active(ann, now).build();
        var revoked = Rows.active(ann, now).build();
        var deleted = Rows.active(ann, now).build();
        var row = new com.sessionconsole.domain.Session(gone.id(), ann, null, now.plusSeconds(60), true, null, null, null, null, null,
                now, now, null, 0);
        assertThat(WatchCommand.why(null, row, now)).isEqualTo("hard-deleted");
        assertThat(WatchCommand.why(new com.sessionconsole.domain.Session(revoked.id(), ann, null, now.plusSeconds(60), false, null, null, null,
                null, null, now, now, null, 0), row, now)).isEqualTo("revoked");
        assertThat(WatchCommand.why(new com.sessionconsole.domain.Session(deleted.id(), ann, null, now.plusSeconds(60), true, null, null, null,
                null, null, now, now, now, 0), row, now)).isEqualTo("deleted");
        assertThat(WatchCommand.why(new com.sessionconsole.domain.Session(deleted.id(), ann, null, now.minusSeconds(1), true, null, null, null,
                null, null, now, now, null, 0), row, now)).isEqualTo("expired");
        assertThat(run("watch", "--trust-max", "abc").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void watchStreamsNdjsonOfTheFilteredSessionsWithWhyTheyEnded() throws Exception {
        java.util.concurrent.CountDownLatch ticked = new java.util.concurrent.CountDownLatch(1);
        java.io.StringWriter out = new java.io.StringWriter() {
            @Override
            public void flush() {
                ticked.countDown(); // flushed after each poll: the first load is done, what changes from now on is a change
            }
        };
        var done = java.util.concurrent.CompletableFuture.supplyAsync(() -> new CliRunner(home).run(new java.io.ByteArrayInputStream(new byte[0]),
                out, "watch", "--ip", "5.188.62.0/24", "--format", "ndjson", "--interval", "1", "--ticks", "4"));
        assertThat(ticked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        NewSession inside = Rows.active(bob, Instant.now()).ip("5.188.62.200").device("farm-new").build();
        NewSession outside = Rows.active(ann, Instant.now()).ip("10.1.2.200").build();
        new SessionWriter(db.admin()).insert(List.of(inside, outside));
        String ended = ids("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE + " AND ip_address = '5.188.62.10'").get(0);
        db.exec("UPDATE public.user_sessions SET is_active = false WHERE id = ?::uuid", ended);
        Run r = done.get();
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<?, ?>> events = ndjson(out.toString());
        assertThat(events).extracting(e -> e.get("event") + " " + ((Map<?, ?>) e.get("session")).get("id") + " " + e.get("reason"))
                .containsExactlyInAnyOrder("new " + inside.id() + " null", "ended " + ended + " revoked");
        assertThat(out.toString()).doesNotContain(inside.sessionToken());
    }

    // 7. find-token in batch
    @Test
    void findTokenBatchGivesOneResultPerLineAndNeverEchoesATokenWhole() throws Exception {
        Run r = new CliRunner(home).run(knownToken + "\nno-such-token-at-all-000000\n\n", "find-token", "--batch", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> rows = csv(r.out());
        assertThat(rows.stream().map(x -> x.get("line") + ":" + x.get("found")).toList()).containsExactly("1:\"true\"".replace("\"", ""),
                "2:false", "3:false");
        assertThat(rows.get(0).get("id")).isEqualTo(ids("SELECT id::text FROM public.user_sessions WHERE session_token = ?", knownToken).get(0));
        assertThat(r.all()).doesNotContain(knownToken).doesNotContain("no-such-token-at-all-000000");
        Run tooLong = new CliRunner(home).run("x".repeat(2000) + "\n", "find-token", "--batch");
        assertThat(tooLong.code()).isEqualTo(ExitCodes.USAGE);
    }

    // 8. profiles and libpq's service file
    @Test
    void aProfileAndAServiceNameTheConnection() throws Exception {
        JdbcUrl url = JdbcUrl.parse(db.url());
        String user = db.settings().user();
        Path config = home.resolve("config.properties");
        Files.writeString(config, "profile.incident.url=" + db.url().replace(":", "\\:") + "\nprofile.incident.user=" + user
                + "\nprofile.incident.read-only=true\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Run listed = run("sessions", "--config", config.toString(), "--profile", "incident", "--format", "csv");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(csv(listed.out())).hasSize((int) db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE));
        Run refused = run("--config", config.toString(), "--profile", "incident", "revoke", "--user", ann.toString(), "--reason", "x", "--yes");
        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run("sessions", "--config", config.toString(), "--profile", "nope").err()).contains("no profile 'nope'").contains("incident");
        assertThat(run("sessions", "--config", config.toString(), "--profile", "incident", "--url", db.url()).code()).isEqualTo(ExitCodes.USAGE);
        Path services = home.resolve("pg_service.conf");
        Files.writeString(services, "[incident]\nhost=" + url.host() + "\nport=" + url.port() + "\ndbname=" + url.database() + "\nuser=" + user + "\n");
        CliRunner withService = new CliRunner(home, Map.of("PGSERVICEFILE", services.toString()), x -> Optional.empty());
        Run viaUrl = withService.run("", "summary", "--by", "country", "--url", "service=incident", "--format", "csv");
        assertThat(viaUrl.code()).as(viaUrl.err()).isZero();
        CliRunner withEnv = new CliRunner(home, Map.of("PGSERVICEFILE", services.toString(), "PGSERVICE", "incident"), x -> Optional.empty());
        Run viaEnv = withEnv.run("", "sessions", "--config", home.resolve("none.properties").toString(), "--format", "csv");
        assertThat(viaEnv.err()).contains("none.properties"); // --config must exist: the runner does not fall back to the test database
        Run unknown = withService.run("", "sessions", "--url", "service=nope");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("service 'nope' is not defined");
    }

    // 9. help a person can use
    @Test
    void helpLeadsWithExamplesAndListsConnectionOptionsOnce() {
        for (String command : List.of("sessions", "summary", "history", "show", "revoke", "findings", "export", "watch", "find-token")) {
            Run help = run(command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Examples:").contains("session-console " + command)
                    .contains("Connection: -h HOST").doesNotContain("a read replica for polling");
        }
        Run root = run("--help");
        assertThat(root.out()).contains("Connection options (the same for every command").contains("a read replica for polling");
        for (int code = 0; code <= 11; code++) {
            assertThat(root.out()).contains(String.format("%n  %-4d", code).substring(System.lineSeparator().length()));
        }
        assertThat(run("audit", "verify", "--help").code()).isZero();
        assertThat(run("history", "--help").out()).contains("--device=DEVICE_ID     only this device id").contains("--ip=ADDRESS|CIDR      only this address");
        Run completion = run("generate-completion");
        assertThat(completion.out()).doesNotContain("'-h' '--help'").contains("'-?' '--help'");
        assertThat(run("help", "--help").out()).doesNotContain("-h, --help");
    }
}
