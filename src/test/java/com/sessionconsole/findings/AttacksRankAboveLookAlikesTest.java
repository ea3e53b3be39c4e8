package com.sessionconsole.findings;

import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled scenario through the real CLI ({@code findings --format json}) on the real PostgreSQL: every
 * attack is HIGH and listed above every benign look-alike, and no look-alike (nor any ordinary user) is HIGH.
 * The recall, the false alarms and each attack's rank are written to target/findings-scenario.txt.
 */
class AttacksRankAboveLookAlikesTest {
    static final int USERS = 20_000;
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @Test
    void everyAttackIsHighAndAboveEveryLookAlike() throws IOException {
        var writer = db.resetTable();
        Instant now = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0).get(0));
        Scenario scenario = new Scenario(now, USERS);
        writer.insert(scenario.rows);
        writer.execute("ANALYZE public.user_sessions");

        long started = System.nanoTime();
        CliRunner.Run run = new CliRunner(home).run("", "findings", "--format", "json");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(run.code()).as(run.err()).isZero();
        List<?> findings = (List<?>) Json.parse(run.out());

        Map<String, Integer> rank = new HashMap<>();
        Map<String, String> severity = new HashMap<>();
        Map<String, String> detail = new HashMap<>();
        List<String> highs = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Map<?, ?> f = (Map<?, ?>) findings.get(i);
            assertThat(f.get("session_ids")).isInstanceOf(List.class);
            String subject = f.get("subject_kind") + ":" + f.get("subject");
            rank.putIfAbsent(subject, i + 1);
            severity.putIfAbsent(subject, (String) f.get("severity"));
            detail.putIfAbsent(subject, (String) f.get("detail"));
            if ("high".equals(f.get("severity"))) {
                highs.add(subject);
            }
        }
        StringBuilder report = new StringBuilder("Findings scenario: " + scenario.rows.size() + " rows, " + USERS + " users; findings --format json took "
                + millis + " ms; " + findings.size() + " findings\n");
        int caught = 0;
        for (Map.Entry<String, String> a : scenario.attacks.entrySet()) {
            boolean high = "high".equals(severity.get(a.getKey()));
            caught += high ? 1 : 0;
            report.append(String.format("attack     %-28s rank %-5s %-6s %s%n", a.getValue().length() > 28 ? a.getValue().substring(0, 28) : a.getValue(),
                    rank.getOrDefault(a.getKey(), -1), severity.getOrDefault(a.getKey(), "-"), a.getKey()));
        }
        int bestLookAlike = Integer.MAX_VALUE;
        for (Map.Entry<String, String> l : scenario.lookAlikes.entrySet()) {
            bestLookAlike = Math.min(bestLookAlike, rank.getOrDefault(l.getKey(), Integer.MAX_VALUE));
            report.append(String.format("look-alike %-28s rank %-5s %-6s %s%n", l.getValue().length() > 28 ? l.getValue().substring(0, 28) : l.getValue(),
                    rank.getOrDefault(l.getKey(), -1), severity.getOrDefault(l.getKey(), "-"), l.getKey()));
        }
        List<String> falseAlarms = highs.stream().filter(h -> !scenario.attacks.containsKey(h)).toList();
        report.append("recall ").append(caught).append("/").append(scenario.attacks.size()).append(" HIGH; false alarms (HIGH, not an attack): ")
                .append(falseAlarms.size()).append(falseAlarms.isEmpty() ? "" : " " + falseAlarms).append('\n');
        for (int i = 0; i < Math.min(16, findings.size()); i++) {
            Map<?, ?> f = (Map<?, ?>) findings.get(i);
            report.append(i + 1).append(". ").append(f.get("severity")).append(" ").append(f.get("risk")).append(" ").append(f.get("subject_kind"))
                    .append(" ").append(f.get("subject")).append(": ").append(f.get("detail")).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "findings-scenario.txt"), report);

        for (String attack : scenario.attacks.keySet()) {
            assertThat(severity.get(attack)).as(attack + "\n" + report).isEqualTo("high");
            assertThat(rank.get(attack)).as(attack + "\n" + report).isLessThan(bestLookAlike).isLessThanOrEqualTo(scenario.attacks.size() + 1);
        }
        assertThat(falseAlarms).as(report.toString()).isEmpty();
        // a trip to or from a VPN egress says why it is not HIGH; a spray's agent is named by its browser, not "Mozilla/5.0"
        scenario.lookAlikes.entrySet().stream().filter(l -> l.getValue().startsWith("VPN user")).forEach(l ->
                assertThat(detail.get(l.getKey())).as(l.getKey()).contains("egress shared by many users"));
        String attackerFirst = scenario.attacks.entrySet().stream().filter(x -> x.getValue().startsWith("attacker first")).findFirst().orElseThrow().getKey();
        assertThat(detail.get(attackerFirst)).contains("earlier session (São Paulo, BR)").doesNotContain("scripted");
        assertThat(detail.get("ip:24.48.201.9")).contains("Chrome 124 on Windows").contains("trust at most 40");
    }
}
