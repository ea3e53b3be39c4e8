package com.sessionconsole.demo;

import com.sessionconsole.db.SessionWriter;
import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.MutableClock;
import com.sessionconsole.support.TestDatabase;
import com.sessionconsole.workspace.WorkspaceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #26 §4: a demo opened hours ago still tells its story. The demo's own data and traffic run for a simulated
 * two hours (a step every 30 s of the clock); then Findings, as the analyst runs them, still show the burst, the user in
 * many countries, the zombies, the shared NAT addresses and the hostile values.
 */
class DemoKeepsItsStoryTest {
    static final Duration OPEN_FOR = Duration.ofHours(2);
    static final Duration STEP = Duration.ofSeconds(30);
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    static final String ACTIVE = "is_active = true AND deleted_at IS NULL AND expires_at > now()";

    private long recentBurst() {
        return db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = ? AND created_at > now() - interval '10 minutes' AND "
                + ACTIVE, SessionGenerator.BURST_IP);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> subjectsByRule() {
        CliRunner.Run r = new CliRunner(home).run("", "findings", "--format", "json");
        assertThat(r.code()).as(r.all()).isZero();
        // every rule that contributed to a finding, not only the one that added the most
        Map<String, Set<String>> out = new HashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) Json.parse(r.out())) {
            Set<String> rules = new HashSet<>();
            rules.add((String) f.get("rule"));
            ((List<Map<String, Object>>) f.get("rules")).forEach(c -> rules.add((String) c.get("rule")));
            rules.forEach(rule -> out.computeIfAbsent(rule, k -> new HashSet<>()).add(String.valueOf(f.get("subject"))));
        }
        return out;
    }

    @Test
    void afterTwoHoursOfTrafficTheFindingsStillShowEveryPlantedCase() {
        SessionWriter writer = db.resetTable();
        Instant openedAt = Instant.parse(db.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0).get(0))
                .minus(OPEN_FOR);
        SessionGenerator generator = new SessionGenerator(42, WorkspaceFactory.DEMO_ROWS, WorkspaceFactory.DEMO_ACTIVE, openedAt);
        writer.insert(generator.rows());
        writer.execute("ANALYZE public.user_sessions");
        // left alone, the burst planted at opening is two hours old: no burst in the last ten minutes
        assertThat(recentBurst()).isZero();

        MutableClock clock = new MutableClock(openedAt);
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        try (DemoTraffic traffic = new DemoTraffic(writer, generator, new DemoStory(writer, generator, openedAt), unused, Runnable::run, clock)) {
            for (long s = 0; s < OPEN_FOR.dividedBy(STEP); s++) {
                clock.advance(STEP);
                traffic.runOnce();
            }
        } finally {
            unused.shutdownNow();
        }

        assertThat(recentBurst()).as("burst logins in the last 10 minutes").isGreaterThanOrEqualTo(20);
        assertThat(db.count("SELECT count(DISTINCT location) FROM public.user_sessions WHERE user_id = ?::uuid AND " + ACTIVE,
                SessionGenerator.TRAVELLER_USER)).isEqualTo(12);
        Map<String, Set<String>> found = subjectsByRule();
        assertThat(found.get("burst_ip")).contains(SessionGenerator.BURST_IP);
        assertThat(found.get("user_many_countries")).contains(SessionGenerator.TRAVELLER_USER);
        assertThat(found).containsKeys("active_but_expired", "active_but_deleted", "active_null");
        assertThat(found.get("shared_ip")).containsAnyElementsOf(SessionGenerator.NAT_IPS);
        assertThat(found).containsKey("invalid_ip");
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE device_id LIKE 'kiosk' || chr(27) || '%' AND location LIKE '=%' AND "
                + ACTIVE)).as("the attacker-written row").isEqualTo(1);
        // one set of planted cases at a time: the ones planted before are ended, not piled up
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = 'not-an-ip' AND is_active"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE ip_address = 'not-an-ip'"))
                .isEqualTo(1 + OPEN_FOR.dividedBy(DemoStory.CYCLE));
    }
}
