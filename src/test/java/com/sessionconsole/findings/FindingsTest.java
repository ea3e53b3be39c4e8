package com.sessionconsole.findings;

import com.sessionconsole.support.ActiveSql;
import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Measure;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.domain.Session;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every finding rule with a planted positive and a planted negative case, on the real PostgreSQL. */
class FindingsTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Instant now;
    List<NewSession> rows = new ArrayList<>();
    AtomicInteger seq = new AtomicInteger();
    Map<String, UUID> users = new java.util.HashMap<>();

    UUID user(String name) {
        return users.computeIfAbsent(name, n -> UUID.randomUUID());
    }

    /** A session with its own IP and device, so that it triggers nothing by itself. */
    Rows.Builder row(String userName) {
        int n = seq.incrementAndGet();
        return Rows.active(user(userName), now).ip("10.77." + (n / 250) + "." + (n % 250 + 1)).device("d-" + n).location("Berlin, DE").trust(50);
    }

    @BeforeEach
    void plant() {
        SessionWriter writer = db.resetTable();
        now = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0).get(0));
        for (int i = 0; i < 8; i++) {
            rows.add(row("manyIps").build());
        }
        for (int i = 0; i < 7; i++) {
            rows.add(row("sevenIps").build());
        }
        for (String place : List.of("Paris, FR", "Rome, IT", "Oslo, NO")) {
            rows.add(row("threeCountries").location(place).build());
        }
        for (String place : List.of("Paris, FR", "Lyon, FR", "Oslo, NO")) {
            rows.add(row("twoCountries").location(place).build());
        }
        for (int i = 0; i < 20; i++) {
            rows.add(row("nat" + i).ip("198.51.100.1").created(now.minus(Duration.ofMinutes(15L * i + 30))).build());
        }
        for (int i = 0; i < 19; i++) {
            rows.add(row("almostNat" + i).ip("198.51.100.2").build());
        }
        for (int i = 0; i < 5; i++) {
            rows.add(row("kioskA" + i).device("kiosk-A").build());
        }
        for (int i = 0; i < 4; i++) {
            rows.add(row("kioskB" + i).device("kiosk-B").build());
        }
        rows.add(row("zombie").expires(now.minusSeconds(60)).build());
        rows.add(row("zombie").expires(now.minusSeconds(90)).build());
        rows.add(row("ended").expires(now.minusSeconds(60)).isActive(false).build());
        rows.add(row("zombie").deleted(now.minusSeconds(60)).build());
        rows.add(row("ended").deleted(now.minusSeconds(60)).isActive(false).build());
        rows.add(row("zombie").isActive(null).build());
        rows.add(row("badIp").ip("unknown").build());
        rows.add(row("zoneIp").ip("fe80::1%eth0").build());
        rows.add(row("lowTrust").trust(10).build());
        rows.add(row("okTrust").trust(11).build());
        Instant old = now.minus(Duration.ofDays(10));
        rows.add(row("returning").ip("10.5.5.5").device("laptop").created(old).isActive(false).build());
        // a script with low trust (above the table-wide rule's 10) makes the user worth a look; the history tells what is new
        rows.add(row("returning").ip("10.5.5.6").device("laptop").agent("curl/8.5.0").trust(15).created(now.minus(Duration.ofMinutes(30))).build());
        rows.add(row("returning").ip("10.5.5.5").device("phone").agent("curl/8.5.0").trust(15).created(now.minus(Duration.ofMinutes(20))).build());
        // a script alone is common (apps on HTTP libraries): not a finding
        rows.add(row("appUser").agent("okhttp/4.12.0").build());
        rows.add(row("quietNewcomer").ip("10.6.6.6").device("new-laptop").created(now.minus(Duration.ofMinutes(20))).build());
        rows.add(row("quietNewcomer").ip("10.6.6.5").device("old-laptop").created(now.minus(Duration.ofDays(9))).isActive(false).build());
        for (int i = 0; i < 20; i++) {
            rows.add(row("burst" + i).ip("203.0.113.99").created(now.minus(Duration.ofSeconds(20L * i + 30))).build());
        }
        for (int i = 0; i < 20; i++) {
            rows.add(row("slow" + i).ip("203.0.113.98").created(now.minus(Duration.ofMinutes(4L * i + 200))).build());
        }
        writer.insert(rows);
    }

    /** Every rule that added risk to a finding → the findings' subjects. */
    private Map<FindingRule, Set<String>> subjects(List<Finding> findings) {
        Map<FindingRule, Set<String>> out = new java.util.EnumMap<>(FindingRule.class);
        for (Finding f : findings) {
            f.contributions().stream().filter(c -> c.points() > 0)
                    .forEach(c -> out.computeIfAbsent(c.rule(), r -> new HashSet<>()).add(f.subject() == null ? "(table)" : f.subject()));
        }
        return out;
    }

    @Test
    void everyRuleFlagsItsPositiveCaseAndNotItsNegativeOne() {
        try (var ws = TestWorkspace.open(home)) {
            List<Session> active = new ArrayList<>();
            Instant serverNow = ws.dao().forEachActive(active::add);
            List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC()).compute(active, FindingSettings.DEFAULTS, serverNow, true);
            Map<FindingRule, Set<String>> s = subjects(findings);
            assertThat(s.get(FindingRule.USER_MANY_IPS)).containsExactly(user("manyIps").toString());
            assertThat(s.get(FindingRule.USER_MANY_COUNTRIES)).containsExactly(user("threeCountries").toString());
            // the burst IPs are shared by 20 users each too; 198.51.100.2 has only 19
            assertThat(s.get(FindingRule.SHARED_IP)).containsExactlyInAnyOrder("198.51.100.1", "203.0.113.98", "203.0.113.99");
            assertThat(s.get(FindingRule.SHARED_DEVICE)).containsExactly("kiosk-A");
            assertThat(s.get(FindingRule.BURST_IP)).containsExactly("203.0.113.99");
            // a new address or device is context of a user with another sign (here low trust), never a finding alone
            assertThat(s.get(FindingRule.NEW_IP_FOR_USER)).containsExactly(user("returning").toString());
            assertThat(s.get(FindingRule.NEW_DEVICE_FOR_USER)).containsExactly(user("returning").toString());
            assertThat(findings).noneMatch(f -> user("quietNewcomer").toString().equals(f.subject()));
            assertThat(findings).noneMatch(f -> user("appUser").toString().equals(f.subject()));
            assertThat(s).doesNotContainKey(FindingRule.BURST_USER);
            Map<FindingRule, Finding> tableWide = findings.stream().filter(f -> f.subject() == null)
                    .collect(Collectors.toMap(Finding::rule, f -> f));
            assertThat(tableWide.get(FindingRule.ACTIVE_BUT_EXPIRED).evidence()).hasSize(2);
            assertThat(tableWide.get(FindingRule.ACTIVE_BUT_DELETED).evidence()).hasSize(1);
            assertThat(tableWide.get(FindingRule.ACTIVE_NULL).evidence()).hasSize(1);
            assertThat(tableWide.get(FindingRule.INVALID_IP).evidence()).extracting(Session::ipAddress).containsExactly("unknown");
            assertThat(tableWide.get(FindingRule.LOW_TRUST).evidence()).extracting(Session::trustLevel).containsExactly(10);
            Finding returning = findings.stream().filter(f -> user("returning").toString().equals(f.subject())).findFirst().orElseThrow();
            assertThat(returning.evidence()).extracting(Session::ipAddress).containsExactlyInAnyOrder("10.5.5.6", "10.5.5.5");
            assertThat(returning.detail()).contains("1 on a device the user never used before").contains("1 from an address the user never used before");
            assertThat(findings).isSortedAccordingTo(Finding.ORDER);
            // 20 users within minutes with one agent (15 + 25 + a burst of 15), but normal trust and no history to say the
            // address is new to them: worth a look, not an alarm
            Finding burst = findings.stream().filter(f -> f.has(FindingRule.BURST_IP)).findFirst().orElseThrow();
            assertThat(burst.subject()).isEqualTo("203.0.113.99");
            assertThat(burst.contributions()).filteredOn(c -> c.rule() == FindingRule.BURST_IP).singleElement()
                    .satisfies(c -> assertThat(c.measure()).isEqualTo(new Measure(20, 20, "sessions within 10 min")));
            assertThat(burst.risk()).isEqualTo(55);
            assertThat(burst.severity()).isEqualTo(FindingRule.Severity.MEDIUM);
            Finding nat = findings.stream().filter(f -> f.rule() == FindingRule.SHARED_IP && f.subject().equals("198.51.100.1"))
                    .findFirst().orElseThrow();
            assertThat(nat.measure().value()).isEqualTo(db.count("SELECT count(DISTINCT user_id) FROM public.user_sessions "
                    + "WHERE ip_address = '198.51.100.1' AND " + ActiveSql.WHERE));
            assertThat(nat.severity()).isEqualTo(FindingRule.Severity.LOW);
        }
    }

    @Test
    void aRuleThatIsTurnedOffReportsNothing() {
        try (var ws = TestWorkspace.open(home)) {
            List<Session> active = new ArrayList<>();
            Instant serverNow = ws.dao().forEachActive(active::add);
            FindingSettings settings = FindingSettings.DEFAULTS.with(FindingRule.SHARED_IP, false);
            assertThat(new FindingsEngine(ws.dao(), Clock.systemUTC()).compute(active, settings, serverNow, true))
                    .noneMatch(f -> f.rule() == FindingRule.SHARED_IP);
        }
    }

    private List<CSVRecord> cliFindings(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("findings", "--format", "csv"));
        args.addAll(List.of(extra));
        com.sessionconsole.support.CliRunner.Run r = new com.sessionconsole.support.CliRunner(home).run("", args.toArray(String[]::new));
        assertThat(r.code()).as(r.all()).isZero();
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.out())).getRecords();
    }

    @Test
    void cliFindingsCsvEqualsIndependentSql() throws Exception {
        List<CSVRecord> shared = cliFindings("--rule", "shared_ip");
        List<List<String>> expected = db.query("SELECT ip_address, count(*)::text FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " GROUP BY ip_address HAVING count(DISTINCT user_id) >= 20");
        assertThat(shared).extracting(r -> List.of(r.get("subject"), r.get("sessions"))).containsExactlyInAnyOrderElementsOf(expected);
        List<List<String>> users = db.query("SELECT ip_address, count(DISTINCT user_id)::text, '20' FROM public.user_sessions WHERE "
                + ActiveSql.WHERE + " GROUP BY ip_address HAVING count(DISTINCT user_id) >= 20");
        assertThat(shared).extracting(r -> List.of(r.get("subject"), r.get("measured"), r.get("threshold")))
                .containsExactlyInAnyOrderElementsOf(users);

        List<CSVRecord> all = cliFindings();
        Map<String, CSVRecord> byRule = new java.util.HashMap<>();
        all.forEach(r -> byRule.putIfAbsent(r.get("rule"), r));
        assertThat(byRule.get("active_but_expired").get("sessions")).isEqualTo(Long.toString(
                db.count("SELECT count(*) FROM public.user_sessions WHERE is_active = true AND expires_at <= now()")));
        assertThat(byRule.get("active_null").get("sessions")).isEqualTo(Long.toString(
                db.count("SELECT count(*) FROM public.user_sessions WHERE is_active IS NULL")));
        assertThat(byRule.get("low_trust").get("sessions")).isEqualTo(Long.toString(db.count("SELECT count(*) FROM public.user_sessions "
                + "WHERE " + ActiveSql.WHERE + " AND trust_level <= 10")));
        Set<String> lowTrustIds = Set.of(byRule.get("low_trust").get("session_ids").split(" ")); // in CSV, ids are space-separated
        assertThat(lowTrustIds).containsExactlyInAnyOrderElementsOf(db.query("SELECT id::text FROM public.user_sessions WHERE " + ActiveSql.WHERE
                + " AND trust_level <= 10").stream().map(r -> r.get(0)).toList());
    }
}
