package com.sessionconsole.findings;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.domain.FindingState;
import com.sessionconsole.domain.NewSession;
import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage that persists across runs (first seen, last seen, the analyst's state, resolved findings kept for a
 * while), the {@code --state} and {@code --since} filters, and the analyst's network lists, through the real CLI.
 */
class FindingsTriageTest {
    static final String STUFFING = "45.155.205.233";
    static final String OFFICE = "81.2.69.160";
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    Instant now;

    @BeforeEach
    void plant() {
        SessionWriter writer = db.resetTable();
        now = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0).get(0));
        List<NewSession> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Rows.active(UUID.randomUUID(), now).ip(STUFFING).device("s-" + i).agent("python-requests/2.31.0").trust(5)
                    .created(now.minus(Duration.ofSeconds(10L * i + 60))).build());
        }
        for (int i = 0; i < 3; i++) {
            rows.add(Rows.active(UUID.randomUUID(), now).ip(OFFICE).device("o-" + i).created(now.minus(Duration.ofHours(i + 1))).build());
        }
        writer.insert(rows);
    }

    private List<Map<?, ?>> findings(String... extra) {
        List<String> args = new ArrayList<>(List.of("findings", "--format", "json"));
        args.addAll(List.of(extra));
        CliRunner.Run r = new CliRunner(home).run("", args.toArray(String[]::new));
        assertThat(r.code()).as(r.all()).isZero();
        return ((List<?>) Json.parse(r.out())).stream().<Map<?, ?>>map(o -> (Map<?, ?>) o).toList();
    }

    private static Map<?, ?> about(List<Map<?, ?>> findings, String subject) {
        return findings.stream().filter(f -> subject.equals(f.get("subject"))).findFirst().orElse(null);
    }

    private Path ledgerFile() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> p.getFileName().toString().matches("findings-.*\\.json")).findFirst().orElseThrow();
        }
    }

    @Test
    void stateFirstSeenAndResolvedSurviveRestarts() throws Exception {
        Map<?, ?> first = about(findings(), STUFFING);
        assertThat(first.get("state")).isEqualTo("new");
        assertThat(first.get("severity")).isEqualTo("high");
        String firstSeen = (String) first.get("first_seen");

        // the analyst acknowledges it (as the view does); a later run, a new process, keeps that and the first sighting
        assertThat(new FindingLedger(ledgerFile()).setState("ip:" + STUFFING, FindingState.ACKNOWLEDGED)).isTrue();
        List<Map<?, ?>> acknowledged = findings("--state", "acknowledged");
        assertThat(acknowledged).as(acknowledged.toString()).extracting(f -> (Object) f.get("subject")).containsExactly((Object) STUFFING);
        assertThat(acknowledged.get(0).get("first_seen")).isEqualTo(firstSeen);
        assertThat(Instant.parse((String) acknowledged.get(0).get("last_seen"))).isAfterOrEqualTo(Instant.parse(firstSeen));
        assertThat(findings("--state", "new")).extracting(f -> (Object) f.get("subject")).doesNotContain((Object) STUFFING);

        // its sessions are gone: it stays listed, resolved, without sessions
        db.exec("DELETE FROM public.user_sessions WHERE ip_address = ?", STUFFING);
        // (with the table-wide low-trust finding, whose rows were those sessions)
        List<Map<?, ?>> resolved = findings("--state", "resolved");
        assertThat(resolved).extracting(f -> (Object) (f.get("subject_kind") + ":" + f.get("rule")))
                .containsExactlyInAnyOrder("ip:shared_ip", "table:low_trust");
        Map<?, ?> gone = about(resolved, STUFFING);
        assertThat(gone.get("session_ids")).isEqualTo(List.of());
        assertThat(gone.get("first_seen")).isEqualTo(firstSeen);
        assertThat(gone.get("severity")).isEqualTo("high");

        assertThat(findings("--since", "1h")).extracting(f -> (Object) f.get("subject")).contains((Object) STUFFING);
        assertThat(findings("--since", "2099-01-01T00:00:00Z")).isEmpty();
        assertThat(new CliRunner(home).run("", "findings", "--since", "yesterday").code()).isEqualTo(2);
        assertThat(new CliRunner(home).run("", "findings", "--state", "closed").code()).isEqualTo(2);
    }

    @Test
    void aKnownNetworkLowersTheRiskAndAThreatIntelListRaisesItWithTheReasonInTheFinding() throws Exception {
        int before = ((Number) about(findings(), STUFFING).get("risk")).intValue();
        assertThat(about(findings(), OFFICE)).isNull();
        Path known = home.resolve("known.txt");
        Files.writeString(known, "# our networks\n45.155.205.0/24 red-team lab\n");
        Path intel = home.resolve("tor-exits.txt");
        Files.writeString(intel, OFFICE + "\n");
        List<Map<?, ?>> after = findings("--known-networks", known.toString(), "--threat-intel", intel.toString());

        Map<?, ?> lab = about(after, STUFFING);
        assertThat(((Number) lab.get("risk")).intValue()).isEqualTo(before - before * 3 / 4);
        assertThat(lab.get("detail").toString()).contains("known network 'red-team lab' (45.155.205.0/24)");
        Map<?, ?> listed = about(after, OFFICE);
        assertThat(listed.get("rule")).isEqualTo("threat_intel");
        assertThat(listed.get("detail").toString()).contains("listed in tor-exits.txt");
        assertThat(listed.get("severity")).isEqualTo("medium");

        Files.writeString(known, "45.155.205.0/33 typo\n");
        CliRunner.Run broken = new CliRunner(home).run("", "findings", "--known-networks", known.toString());
        assertThat(broken.code()).isNotZero();
        assertThat(broken.err()).contains("known.txt line 1");
    }
}
