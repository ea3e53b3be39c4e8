package com.sessionconsole.cli;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.demo.SessionGenerator;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.CliRunner.Run;
import com.sessionconsole.support.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI against a real PostgreSQL, compared with SQL written independently here. */
class CliTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    List<NewSession> rows = new ArrayList<>();

    @BeforeEach
    void fill() {
        SessionWriter writer = db.resetTable();
        Instant now = Instant.parse(db.query("SELECT now()").get(0).get(0).replace(' ', 'T').replaceAll("\\+00$", "Z"));
        Iterator<NewSession> it = new SessionGenerator(11, 3000, 2000, now).rows();
        it.forEachRemaining(rows::add);
        writer.insert(rows);
    }

    private Run run(String stdin, String... args) {
        return new CliRunner(home).run(stdin, args);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void summaryByIpCsvMatchesIndependentSql() throws Exception {
        Run r = run("", "summary", "--by", "ip", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("key,active_sessions,");
        List<List<String>> expected = db.query("""
                SELECT coalesce(ip_address, ''), count(*)::text, count(DISTINCT user_id)::text
                FROM public.user_sessions
                WHERE %s
                GROUP BY ip_address
                ORDER BY count(*) DESC, ip_address COLLATE "C" NULLS FIRST""".formatted(ActiveSql.WHERE));
        List<List<String>> actual = new ArrayList<>();
        for (CSVRecord rec : csv(r.out())) {
            actual.add(List.of(rec.get("key"), rec.get("active_sessions"), rec.get("distinct_users")));
        }
        assertThat(actual).hasSizeGreaterThan(100).isEqualTo(expected);
    }

    @Test
    void summaryByUserAndDeviceTotalsEqualTheActiveCount() throws Exception {
        long active = db.count("SELECT count(*) FROM public.user_sessions WHERE " + ActiveSql.WHERE);
        for (String by : List.of("user", "device")) {
            Run r = run("", "summary", "--by", by, "--format", "csv");
            long sum = csv(r.out()).stream().mapToLong(rec -> Long.parseLong(rec.get("active_sessions"))).sum();
            assertThat(sum).as(by).isEqualTo(active);
        }
    }

    @Test
    void sessionsAreFilteredAndTokensMasked() throws Exception {
        Run r = run("", "sessions", "--ip", SessionGenerator.BURST_IP, "--format", "csv");
        assertThat(r.code()).isZero();
        List<CSVRecord> recs = csv(r.out());
        assertThat(recs).hasSize((int) db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND " + ActiveSql.WHERE, SessionGenerator.BURST_IP));
        assertThat(recs).isNotEmpty().allSatisfy(rec -> assertThat(rec.get("ip_address")).isEqualTo(SessionGenerator.BURST_IP));
        Run all = run("", "sessions", "--format", "json");
        for (NewSession s : rows) {
            assertThat(all.out()).doesNotContain(s.sessionToken());
        }
        Run cidr = run("", "sessions", "--ip", "185.220.0.0/16", "--format", "csv");
        assertThat(csv(cidr.out())).hasSize(recs.size());
    }

    @Test
    void badInputGivesAClearMessageAndExitCode() {
        Run badCidr = run("", "sessions", "--ip", "10.0.0.0/33");
        assertThat(badCidr.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCidr.err()).contains("prefix length /33 is too long");
        Run badUser = run("", "sessions", "--user", "x'; DROP TABLE user_sessions; --");
        assertThat(badUser.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUser.err()).contains("is not a user id");
        Run badBy = run("", "summary", "--by", "continent");
        assertThat(badBy.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badBy.err()).contains("use user, device, ip, location, country, agent, subnet");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions")).isEqualTo(rows.size());
    }

    @Test
    void unreachableHostFailsFastNamingHostAndPort() {
        long started = System.nanoTime();
        Run r = run("", "summary", "--by", "ip", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--db-user", "x");
        assertThat(r.code()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("cannot reach PostgreSQL at 127.0.0.1:1/nowhere");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(15);
    }

    @Test
    void revokeAsksForConfirmationAndWritesTheAuditLog() throws Exception {
        String ip = SessionGenerator.BURST_IP;
        long active = db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND " + ActiveSql.WHERE, ip);
        Run declined = run("no\n", "revoke", "--ip", ip, "--reason", "credential stuffing");
        assertThat(declined.code()).isEqualTo(ExitCodes.REFUSED);
        assertThat(declined.err()).contains("Not revoked");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND " + ActiveSql.WHERE, ip)).isEqualTo(active);

        Run confirmed = run("yes\n", "revoke", "--ip", ip, "--reason", "credential stuffing");
        assertThat(confirmed.code()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains(active + " revoked, 0 were already inactive");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND " + ActiveSql.WHERE, ip)).isZero();

        Run again = run("", "revoke", "--ip", ip, "--reason", "again", "--yes");
        assertThat(again.err()).contains("Nothing to revoke: IP " + ip + " has no active session.");
        Run audit = run("", "audit");
        assertThat(audit.out().lines()).hasSize(2);
        assertThat(audit.out().lines().findFirst().orElseThrow()).contains("\"ip\":\"" + ip + "\"").contains("credential stuffing")
                .contains("\"source\":\"cli\"");
    }
}
