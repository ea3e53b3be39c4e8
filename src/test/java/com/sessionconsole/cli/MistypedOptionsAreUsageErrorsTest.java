package com.sessionconsole.cli;

import com.sessionconsole.db.JdbcUrl;
import com.sessionconsole.support.CliRunner;
import com.sessionconsole.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped sslmode or a column named twice is exit 2 with the reason, not "cannot reach" (3) or a doubled column. */
class MistypedOptionsAreUsageErrorsTest {
    TestDatabase db = TestDatabase.get();
    @TempDir
    Path home;

    private CliRunner.Run run(String... args) {
        return new CliRunner(home).run("", args);
    }

    @Test
    void anSslmodeThatLibpqDoesNotKnowIsRefusedInEverySpelling() {
        JdbcUrl u = JdbcUrl.parse(db.url());
        for (String url : new String[]{"host=" + u.host() + " port=" + u.port() + " dbname=" + u.database() + " sslmode=bogus",
                "postgresql://" + u.host() + ":" + u.port() + "/" + u.database() + "?sslmode=bogus",
                "jdbc:postgresql://" + u.host() + ":" + u.port() + "/" + u.database() + "?sslmode=bogus"}) {
            CliRunner.Run r = run("sessions", "--url", url, "-U", "postgres");
            assertThat(r.code()).as(url + "\n" + r.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("sslmode 'bogus' is not valid: use one of disable, allow, prefer, require, verify-ca, verify-full")
                    .doesNotContain("cannot reach");
        }
        CliRunner.Run ok = run("sessions", "--url", "host=" + u.host() + " port=" + u.port() + " dbname=" + u.database() + " sslmode=disable",
                "-U", "postgres", "--format", "csv");
        assertThat(ok.code()).as(ok.all()).isZero();
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        db.resetTable();
        CliRunner.Run r = run("sessions", "--columns", "id,ID", "--format", "csv");
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--columns: 'id' is named twice");
        assertThat(run("sessions", "--columns", "id,user_id", "--format", "csv").code()).isZero();
    }
}
