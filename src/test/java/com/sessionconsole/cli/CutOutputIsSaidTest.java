package com.sessionconsole.cli;

import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Output that --limit cut, or whose id lists are samples while --columns hid the columns that say so, says it on stderr. */
class CutOutputIsSaidTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    @BeforeEach
    void fill() {
        var writer = db.resetTable();
        Instant now = Instant.now();
        writer.insert(IntStream.range(0, 13).mapToObj(i -> Rows.active(UUID.randomUUID(), now).build()).toList());
    }

    private CliRunner.Run run(String... args) {
        CliRunner.Run r = new CliRunner(home).run("", args);
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }

    @Test
    void aLimitThatCutRowsSaysHowManyThereWere() {
        CliRunner.Run csv = run("sessions", "--limit", "2", "--format", "csv");
        assertThat(csv.out().lines().count()).isEqualTo(3);
        assertThat(csv.out()).doesNotContain("showing");
        assertThat(csv.err()).contains("showing the first 2 of 13 rows");

        CliRunner.Run table = run("sessions", "--limit", "2");
        assertThat(table.out()).contains("(showing the first 2 of 13 rows (--limit 2))");
        assertThat(table.err()).contains("showing the first 2 of 13 rows");

        CliRunner.Run summary = run("summary", "--by", "user", "--limit", "3", "--format", "json");
        assertThat(summary.err()).contains("showing the first 3 of 13 rows");

        CliRunner.Run all = run("sessions", "--limit", "13", "--format", "csv");
        assertThat(all.err()).doesNotContain("showing");
        assertThat(run("sessions", "--limit", "13").out()).contains("(13 rows)");
    }

    @Test
    void sampledIdListsWithoutTheColumnsThatSaySoAreWarnedOf() {
        db.exec("""
                INSERT INTO public.user_sessions (user_id, session_token, expires_at, is_active, created_at)
                SELECT gen_random_uuid(), 'zombie-' || g, now() - interval '1 hour', true, now() - g * interval '1 minute'
                FROM generate_series(1, 1100) g""");
        CliRunner.Run hidden = run("findings", "--rule", "active_but_expired", "--columns", "rule,sessions,session_ids", "--format", "csv");
        assertThat(hidden.err()).contains("warning: the session_ids of 1 finding(s) are a sample");
        CliRunner.Run shown = run("findings", "--rule", "active_but_expired", "--columns", "rule,session_ids,sample,sessions_shown", "--format", "csv");
        assertThat(shown.out()).contains("true");
        assertThat(shown.err()).doesNotContain("warning");
        assertThat(run("findings", "--rule", "active_but_expired", "--format", "csv").err()).doesNotContain("warning");
    }
}
