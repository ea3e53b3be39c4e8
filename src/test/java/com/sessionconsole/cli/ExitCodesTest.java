package com.sessionconsole.cli;

import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.Rows;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #11 §5: every exit code the README lists, each caused the way an analyst would meet it. 10 is in SmokeOutcomeTest. */
class ExitCodesTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;
    UUID session;

    @BeforeEach
    void fill() {
        db.resetTable();
        var row = Rows.active(UUID.randomUUID(), Instant.now()).build();
        session = row.id();
        new com.sessionconsole.db.SessionWriter(db.admin()).insert(List.of(row));
    }

    private CliRunner.Run run(String stdin, String... args) {
        return new CliRunner(home).run(stdin, args);
    }

    private String urlOf(String database) {
        JdbcUrl u = JdbcUrl.parse(db.url());
        return JdbcUrl.of(u.host(), u.port(), database);
    }

    @Test
    void zeroForSuccess() {
        assertThat(run("", "summary", "--by", "ip").code()).isEqualTo(ExitCodes.OK).isZero();
    }

    @Test
    void oneForAStatementThatFailsWhileTheCommandRuns() throws Exception {
        Path config = home.resolve("c.properties");
        Files.writeString(config, "url=" + db.url() + "\nuser=postgres\nstatement-timeout-seconds=1\n");
        try (Connection locker = db.admin().getConnection(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE public.user_sessions IN ACCESS EXCLUSIVE MODE");
            CliRunner.Run r = run("", "sessions", "--config", config.toString());
            locker.rollback();
            assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.FAILED).isEqualTo(1);
            assertThat(r.err()).contains("statement_timeout").contains("Nothing was changed").doesNotContain("retried");
        }
    }

    @Test
    void twoForABadFlagOrValue() {
        assertThat(run("", "summary", "--by", "continent").code()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(run("", "sessions", "--nope").code()).isEqualTo(2);
    }

    @Test
    void threeWhenTheServerCannotBeReached() {
        assertThat(run("", "summary", "--by", "ip", "--url", "jdbc:postgresql://127.0.0.1:1/x").code())
                .isEqualTo(ExitCodes.CONNECTION).isEqualTo(3);
    }

    @Test
    void fourWhenTheTableDoesNotMatch() {
        db.exec("DROP DATABASE IF EXISTS no_sessions");
        db.exec("CREATE DATABASE no_sessions");
        CliRunner.Run r = run("", "summary", "--by", "ip", "--url", urlOf("no_sessions"), "-U", "postgres");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.SCHEMA).isEqualTo(4);
    }

    @Test
    void fiveOnlyWhenTheConsoleRefuses() {
        assertThat(run("no\n", "revoke", "--ids", session.toString(), "--reason", "x").code()).isEqualTo(ExitCodes.REFUSED).isEqualTo(5);
        CliRunner.Run readOnly = run("", "revoke", "--ids", session.toString(), "--reason", "x", "--yes", "--read-only");
        assertThat(readOnly.code()).as(readOnly.all()).isEqualTo(5);
        assertThat(readOnly.err()).contains("read-only");
    }

    @Test
    void sixWhenTheDatabaseRefusesAPrivilege() {
        db.exec("DROP ROLE IF EXISTS onlooker");
        db.exec("CREATE ROLE onlooker LOGIN");
        // REFERENCES shows the columns to the schema check, but reading them needs SELECT
        db.exec("GRANT REFERENCES ON public.user_sessions TO onlooker");
        CliRunner.Run r = run("", "sessions", "--url", db.url(), "-U", "onlooker");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.PERMISSION).isEqualTo(6);
        assertThat(r.err()).contains("permission denied");
    }

    @Test
    void sixAlsoForARoleThatMayNotReadTheTable() {
        db.exec("DROP ROLE IF EXISTS blind");
        db.exec("CREATE ROLE blind LOGIN");
        CliRunner.Run r = run("", "sessions", "--url", db.url(), "-U", "blind");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.PERMISSION);
        assertThat(r.err()).contains("may not SELECT");
    }

    @Test
    void sevenWhenTheAuditLogCannotBeWrittenAndNothingIsRevoked() throws Exception {
        Files.createDirectories(home.resolve("audit.jsonl"));
        CliRunner.Run r = run("", "revoke", "--ids", session.toString(), "--reason", "x", "--yes");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.AUDIT).isEqualTo(7);
        assertThat(r.err()).contains(home.resolve("audit.jsonl").toString());
        assertThat(db.count("SELECT count(*) FROM public.user_sessions WHERE id = ? AND is_active", session)).isEqualTo(1);
    }

    @Test
    void eightWhenTheDemoDatabaseCannotStart() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("not-a-folder"), "x");
        String before = System.getProperty("ot.epg.working-dir");
        System.setProperty("ot.epg.working-dir", notAFolder.resolve("pg").toString());
        try {
            CliRunner.Run r = run("", "summary", "--by", "ip", "--demo");
            assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.DEMO).isEqualTo(8);
            assertThat(r.err()).contains("cannot start the embedded PostgreSQL");
        } finally {
            if (before == null) {
                System.clearProperty("ot.epg.working-dir");
            } else {
                System.setProperty("ot.epg.working-dir", before);
            }
        }
    }

    @Test
    void nineWhenTheAuditChainIsBroken() throws Exception {
        assertThat(run("", "revoke", "--ids", session.toString(), "--reason", "x", "--yes").code()).isZero();
        Path log = home.resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        Files.write(log, List.of(lines.get(0).replace("\"x\"", "\"y\""), lines.get(1)));
        assertThat(run("", "audit", "verify").code()).isEqualTo(ExitCodes.AUDIT_BROKEN).isEqualTo(9);
    }
}
