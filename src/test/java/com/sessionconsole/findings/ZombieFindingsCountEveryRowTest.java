package com.sessionconsole.findings;

import com.sessionconsole.files.Json;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More zombie rows than any sample holds, planted by hand-written SQL: the counts are the server's full
 * counts, a sampled evidence list says so, and a filter reaches rows that no "newest first" sample would.
 */
class ZombieFindingsCountEveryRowTest {
    static final String EXPIRED = "is_active = true AND expires_at <= now()";
    static final String HIDDEN_USER = "00000000-0000-4000-8000-00000000beef";
    static final String MINUS_INFINITY_ROW = "00000000-0000-4000-8000-0000000000aa";
    static final String NULL_CREATED_ROW = "00000000-0000-4000-8000-0000000000bb";
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @BeforeEach
    void plant() {
        db.resetTable();
        db.exec("""
                INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, ip_address, device_id, created_at)
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g % 700), 12, '0'))::uuid, 'zombie-' || g,
                       now() - interval '1 hour' - g * interval '1 second', true, '10.9.' || (g % 250) || '.1', 'dev-' || g,
                       now() - g * interval '1 minute'
                FROM generate_series(1, 15000) g""");
        // the oldest possible start: last in any newest-first order
        db.exec("INSERT INTO public.user_sessions (id, user_id, session_token, expires_at, is_active, created_at) "
                + "VALUES ('" + MINUS_INFINITY_ROW + "', '" + HIDDEN_USER + "', 'hidden-zombie', now() - interval '1 day', true, '-infinity')");
        // NULL where a value is expected, and an expiry at -infinity
        db.exec("INSERT INTO public.user_sessions (id, user_id, session_token, expires_at, is_active, created_at, updated_at, trust_level) "
                + "VALUES ('" + NULL_CREATED_ROW + "', '" + HIDDEN_USER + "', 'odd-zombie', '-infinity', true, NULL, NULL, NULL)");
        db.exec("""
                INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, deleted_at)
                SELECT gen_random_uuid(), 'null-flag-' || g, now() + interval '1 day', CASE WHEN g % 2 = 0 THEN NULL ELSE true END,
                       CASE WHEN g % 2 = 0 THEN NULL ELSE now() - interval '1 hour' END
                FROM generate_series(1, 1200) g""");
        db.exec("ANALYZE public.user_sessions");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(String... args) {
        CliRunner.Run r = new CliRunner(home).run("", args);
        assertThat(r.code()).as(r.all()).isZero();
        return (List<Map<String, Object>>) Json.parse(r.out());
    }

    private static long number(Map<String, Object> finding, String field) {
        return ((Number) finding.get(field)).longValue();
    }

    /** session_ids is a JSON array. */
    private static List<String> ids(Map<String, Object> finding) {
        return ((List<?>) finding.get("session_ids")).stream().map(Object::toString).toList(); // a JSON array
    }

    @Test
    void eachZombieRuleReportsTheServersFullCountAndSaysWhenItsEvidenceIsASample() {
        long expired = db.count("SELECT count(*) FROM public.user_sessions WHERE " + EXPIRED);
        assertThat(expired).isEqualTo(15_002);
        Map<String, Map<String, Object>> byRule = new HashMap<>();
        findings("findings", "--format", "json").forEach(f -> byRule.put(f.get("rule").toString(), f));

        Map<String, Object> f = byRule.get("active_but_expired");
        assertThat(f.keySet()).contains("rule", "severity", "subject_kind", "subject", "session_ids", "sessions", "sample", "sessions_shown");
        assertThat(number(f, "sessions")).isEqualTo(expired);
        assertThat(f.get("sample")).isEqualTo(true);
        assertThat(number(f, "sessions_shown")).isEqualTo(ids(f).size()).isLessThan(expired);
        assertThat(f.get("detail").toString()).contains(expired + " sessions (showing " + ids(f).size() + ")");
        assertThat(number(f, "measured")).isEqualTo(expired);

        Map<String, Object> deleted = byRule.get("active_but_deleted");
        assertThat(number(deleted, "sessions"))
                .isEqualTo(db.count("SELECT count(*) FROM public.user_sessions WHERE is_active = true AND deleted_at IS NOT NULL"));
        Map<String, Object> nullFlag = byRule.get("active_null");
        assertThat(number(nullFlag, "sessions")).isEqualTo(db.count("SELECT count(*) FROM public.user_sessions WHERE is_active IS NULL"));
        assertThat(nullFlag.get("sample")).isEqualTo(false);
        assertThat(ids(nullFlag)).hasSize(600);
    }

    @Test
    void aUserFilterIsAppliedBeforeTheSampleSoTheOldestRowOfThatUserIsListed() {
        List<Map<String, Object>> only = findings("findings", "--rule", "active_but_expired", "--user", HIDDEN_USER, "--format", "json");
        assertThat(only).hasSize(1);
        Map<String, Object> f = only.get(0);
        assertThat(f.get("rule")).isEqualTo("active_but_expired");
        assertThat(f.get("subject_kind")).isEqualTo("table");
        assertThat(Set.copyOf(ids(f))).containsExactlyInAnyOrder(MINUS_INFINITY_ROW, NULL_CREATED_ROW);
        assertThat(number(f, "sessions")).isEqualTo(db.count("SELECT count(*) FROM public.user_sessions WHERE " + EXPIRED
                + " AND user_id = '" + HIDDEN_USER + "'"));
        assertThat(f.get("sample")).isEqualTo(false);
    }
}
