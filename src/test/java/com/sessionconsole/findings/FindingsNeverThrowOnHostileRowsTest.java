package com.sessionconsole.findings;

import com.sessionconsole.domain.Finding;
import com.sessionconsole.domain.FindingRule;
import com.sessionconsole.domain.FindingSettings;
import com.sessionconsole.domain.Session;
import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.RawRow;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.support.TestWorkspace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd rows are shown and flagged, never fatal: on tables of hostile values (NULLs, the infinities and the ends of
 * timestamptz, nearly-IPs, bidi marks and escapes in every text, trust at the int limits, locations that are almost
 * "City, CC") the findings compute, through the CLI and the engine with every threshold at its lowest so that every
 * rule runs, and each finding's severity is its risk's band.
 */
class FindingsNeverThrowOnHostileRowsTest {
    static final List<String> TEXTS = List.of("shared", "=cmd|' /C calc'!A0", "\u202egnp.exe", "\u001b[31mred", "", " ", "python-requests/2.31",
            "HeadlessChrome/1", "a\nb", "😀", "設");
    static final List<String> LOCATIONS = List.of("Berlin, DE", "Lagos, NG", "Sydney, AU", "London, GB", "Nowhere, ZZ", "Berlin,", ", DE",
            ",", "Berlin", "\u202eBerlin, DE", "Basel, CH", "Mulhouse, FR", "x, 12", "Мосва, RU", "=1+1, DE");
    static final List<String> IPS = List.of("10.0.0.1", "10.0.0.1 ", "١٠.٠.٠.١", ".1::", "::ffff:10.0.0.1", "::FFFF:10.0.0.1",
            "2001:DB8::1", "fe80::1%eth0", "256.0.0.1", "100.64.0.1", "127.0.0.1", "45.155.205.233", "=1+1");
    static final List<UUID> USERS = List.of(new UUID(1, 1), new UUID(1, 2), new UUID(1, 3), new UUID(1, 4), new UUID(1, 5));

    final TestDatabase db = TestDatabase.get();

    @Provide
    Arbitrary<List<RawRow>> tables() {
        return row().list().ofMinSize(1).ofMaxSize(40).map(rows -> {
            List<RawRow> unique = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                unique.add(rows.get(i).with("id", new UUID(0x5e55_2000_0000_4000L, 0x8000_0000_0000_0000L + i))
                        .with("session_token", "tok-" + i + "-" + UUID.randomUUID()));
            }
            return unique;
        });
    }

    private Arbitrary<RawRow> row() {
        Arbitrary<Integer> trust = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((Integer) null)),
                Tuple.of(1, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 101)), Tuple.of(3, Arbitraries.integers().between(0, 100)));
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, Arbitraries.of(TEXTS)));
        Arbitrary<String> location = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, Arbitraries.of(LOCATIONS)));
        Arbitrary<String> ip = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, Arbitraries.of(IPS)));
        Arbitrary<Boolean> active = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(true)), Tuple.of(2, Arbitraries.just(false)),
                Tuple.of(1, Arbitraries.just((Boolean) null)));
        return Combinators.combine(Arbitraries.of(USERS), time(), active, text, ip, text, location, trust)
                .as((user, expires, act, device, address, agent, loc, t) -> new RawRow(UUID.randomUUID(), user, "x", expires, act, device,
                        address, agent, loc, t, null, null, null))
                .flatMap(r -> Combinators.combine(time(), Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just((String) null)), Tuple.of(1, time())))
                        .as((created, deleted) -> r.with("created_at", created).with("updated_at", created).with("deleted_at", deleted)));
    }

    /** Minutes around now (so that bursts and trips form), the infinities, the ends of timestamptz, NULL. */
    private static Arbitrary<String> time() {
        Arbitrary<String> near = Arbitraries.longs().between(-600, 600).map(m -> Instant.now().plus(Duration.ofMinutes(m)).toString()
                .replace('T', ' ').replace("Z", "+00"));
        return Arbitraries.frequencyOf(Tuple.of(8, near), Tuple.of(1, Arbitraries.of("infinity", "-infinity", "294276-12-31 23:59:59.999999+00",
                "4713-01-01 00:00:00+00 BC")), Tuple.of(1, Arbitraries.just((String) null)));
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void findingsComputeOnHostileTables(@ForAll("tables") List<RawRow> table) throws Exception {
        db.resetTable();
        // expires_at and created_at are NOT NULL / defaulted in the schema: a NULL stands for "the default" here
        RawRow.insert(db.admin(), table.stream().map(r -> r.expiresAt() == null ? r.with("expires_at", "infinity") : r).toList());
        Path home = Files.createTempDirectory("hostile-findings");

        CliRunner.Run run = new CliRunner(home).run("", "findings", "--format", "json");
        assertThat(run.code()).as(run.all()).isZero();
        for (Object o : (List<?>) Json.parse(run.out())) {
            Map<?, ?> f = (Map<?, ?>) o;
            assertThat(f.get("severity")).isIn("high", "medium", "low");
            assertThat(f.get("session_ids")).isInstanceOf(List.class);
            assertThat(((Number) f.get("risk")).intValue()).isNotNegative();
        }

        FindingSettings everything = new FindingSettings(EnumSet.allOf(FindingRule.class), 2, 2, 2, 2, 10, Duration.ofDays(1), 2,
                Duration.ofMinutes(10));
        try (var ws = TestWorkspace.open(home)) {
            List<Session> active = new ArrayList<>();
            Instant now = ws.dao().forEachActive(active::add);
            List<Finding> findings = new FindingsEngine(ws.dao(), Clock.systemUTC()).compute(active, everything, now, true);
            assertThat(findings).isSortedAccordingTo(Finding.ORDER);
            for (Finding f : findings) {
                assertThat(f.severity()).isEqualTo(FindingRule.Severity.ofRisk(f.risk()));
                assertThat(f.detail()).isNotBlank();
                assertThat(f.contributions()).isNotEmpty();
            }
            Set<UUID> activeIds = new java.util.HashSet<>();
            active.forEach(s -> activeIds.add(s.id()));
            // every undecodable or oddly written active row is flagged, not dropped
            long oddIps = active.stream().filter(s -> AddressClass.nonCanonicalReason(s.ipAddress()) != null).count();
            assertThat(findings.stream().filter(f -> f.rule() == FindingRule.NON_CANONICAL_IP).mapToLong(Finding::sessionCount).sum())
                    .isEqualTo(oddIps);
        }
    }
}
